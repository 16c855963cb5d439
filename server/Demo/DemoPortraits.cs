using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Photos;
using SkiaSharp;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo's custody photos: drawings made from shapes (head, hair, neck, shoulders, eyes,
/// brows, mouth), never photographs of real people, with skin, hair and clothing colours and
/// hair styles varied by a seeded stream. One in twenty people has none, so a briefing shows
/// what "no photo" looks like. Small JPEGs (120 x 150), so seeding stays quick.
/// </summary>
internal static class DemoPortraits
{
    public const int Width = 120;
    public const int Height = 150;

    private static readonly SKColor[] Skins =
    [
        new(0xF1, 0xC2, 0x9E), new(0xE0, 0xAC, 0x69), new(0xC6, 0x86, 0x42), new(0x8D, 0x55, 0x24), new(0x5C, 0x38, 0x1C), new(0xFF, 0xDB, 0xAC),
    ];

    private static readonly SKColor[] Hairs =
    [
        new(0x1C, 0x14, 0x10), new(0x3B, 0x2A, 0x1E), new(0x6A, 0x4E, 0x32), new(0xA5, 0x6B, 0x2E), new(0xD9, 0xB3, 0x6C), new(0x9E, 0x9E, 0x9E), new(0x8C, 0x2F, 0x1B),
    ];

    private static readonly SKColor[] Clothes =
    [
        new(0x2B, 0x3A, 0x55), new(0x4A, 0x4A, 0x4A), new(0x7A, 0x1F, 0x1F), new(0x1F, 0x5A, 0x3A), new(0x5A, 0x4A, 0x7A), new(0xB0, 0xB0, 0xA8), new(0x22, 0x22, 0x22),
    ];

    public static async Task SaveAsync(OffenderMgmtDb db, DemoForce force, int seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A stream of its own, so the rest of the demo is as it was.
        var random = new DemoRandom(seed + 18);
        var taken = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var person in force.People)
        {
            var id = random.NextId();
            var style = random.Next(1_000_000);
            if (random.Chance(0.05)) continue;
            using var bitmap = Draw(new Random(style), person.Sex);
            var image = PhotoImaging.FromPixels(bitmap, PhotoFormat.Jpeg);
            PhotoAlbum.Track(db, id, new NewPhoto(person.Id, PhotoKind.CustodyFront, taken.AddDays(-random.Next(30, 1500)), image), "demo", now);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>One drawn head-and-shoulders portrait against a custody-suite grey wall.</summary>
    internal static SKBitmap Draw(Random random, Sex sex)
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var wall = (byte)random.Next(170, 215);
        canvas.Clear(new SKColor(wall, wall, (byte)Math.Min(255, wall + 8)));
        // Height-chart lines behind the head.
        paint.Color = new SKColor((byte)(wall - 25), (byte)(wall - 25), (byte)(wall - 20));
        for (var y = 12; y < 100; y += 18) canvas.DrawRect(0, y, Width, 1.5f, paint);

        var skin = Skins[random.Next(Skins.Length)];
        var hair = Hairs[random.Next(Hairs.Length)];
        var shirt = Clothes[random.Next(Clothes.Length)];
        var cx = Width / 2f + random.Next(-4, 5);
        var headW = random.Next(34, 44);
        var headH = random.Next(46, 56);
        var headY = 62f;

        paint.Color = shirt;                                     // shoulders
        canvas.DrawOval(new SKRect(cx - 58, 112, cx + 58, 200), paint);
        paint.Color = Shade(skin, 0.85f);                        // neck
        canvas.DrawRect(cx - 12, headY + headH * 0.6f, 24, 30, paint);
        var longHair = sex == Sex.Female ? random.Next(10) < 7 : random.Next(10) < 1;
        paint.Color = hair;
        if (longHair) canvas.DrawRoundRect(new SKRect(cx - headW / 2f - 7, headY - headH / 2f - 6, cx + headW / 2f + 7, headY + headH * 0.75f), 18, 18, paint);
        paint.Color = skin;                                      // head and ears
        canvas.DrawOval(new SKRect(cx - headW / 2f, headY - headH / 2f, cx + headW / 2f, headY + headH / 2f), paint);
        canvas.DrawOval(new SKRect(cx - headW / 2f - 5, headY - 6, cx - headW / 2f + 5, headY + 8), paint);
        canvas.DrawOval(new SKRect(cx + headW / 2f - 5, headY - 6, cx + headW / 2f + 5, headY + 8), paint);

        paint.Color = hair;                                      // hair on top, by style
        var bald = !longHair && random.Next(10) < 2;
        if (!bald)
        {
            var top = new SKRect(cx - headW / 2f - 2, headY - headH / 2f - random.Next(3, 10), cx + headW / 2f + 2, headY - headH / 2f + random.Next(14, 22));
            canvas.DrawOval(top, paint);
        }
        if (sex == Sex.Male && random.Next(10) < 3)              // beard
        {
            paint.Color = hair.WithAlpha(200);
            canvas.DrawOval(new SKRect(cx - headW / 2f + 3, headY + 4, cx + headW / 2f - 3, headY + headH / 2f + 3), paint);
            paint.Color = skin;
            canvas.DrawOval(new SKRect(cx - headW / 2f + 7, headY - 6, cx + headW / 2f - 7, headY + 12), paint);
        }

        var eyeY = headY - 2;
        var eyeGap = headW * 0.22f;
        paint.Color = SKColors.White;
        canvas.DrawOval(new SKRect(cx - eyeGap - 4, eyeY - 2.5f, cx - eyeGap + 4, eyeY + 2.5f), paint);
        canvas.DrawOval(new SKRect(cx + eyeGap - 4, eyeY - 2.5f, cx + eyeGap + 4, eyeY + 2.5f), paint);
        paint.Color = new SKColor(0x2A, 0x1E, 0x14);
        canvas.DrawCircle(cx - eyeGap, eyeY, 2, paint);
        canvas.DrawCircle(cx + eyeGap, eyeY, 2, paint);
        paint.Color = Shade(hair, 0.9f);                         // brows
        canvas.DrawRect(cx - eyeGap - 5, eyeY - 7, 10, 2, paint);
        canvas.DrawRect(cx + eyeGap - 5, eyeY - 7, 10, 2, paint);
        paint.Color = Shade(skin, 0.75f);                        // nose and mouth
        canvas.DrawRect(cx - 1.5f, eyeY + 3, 3, 9, paint);
        paint.Color = new SKColor(0x8A, 0x3E, 0x3A);
        canvas.DrawRoundRect(new SKRect(cx - 7, eyeY + 17, cx + 7, eyeY + 20), 1.5f, 1.5f, paint);
        canvas.Flush();
        return bitmap;
    }

    private static SKColor Shade(SKColor colour, float factor) =>
        new((byte)(colour.Red * factor), (byte)(colour.Green * factor), (byte)(colour.Blue * factor));
}
