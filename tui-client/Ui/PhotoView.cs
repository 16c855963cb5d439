using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using SkiaSharp;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace OffenderMgmt.Tui.Ui;

/// <summary>An image as rows of 8-bit RGB pixels (3 bytes a pixel, left to right, top to bottom).</summary>
public sealed record RgbImage(int Width, int Height, byte[] Rgb)
{
    public (byte R, byte G, byte B) At(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
    }

    /// <summary>Decodes a JPEG or PNG (what the server sends) with SkiaSharp; null if it does not decode.</summary>
    public static RgbImage? Decode(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        if (bitmap is null || bitmap.Width == 0 || bitmap.Height == 0) return null;
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var i = (y * bitmap.Width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = (c.Red, c.Green, c.Blue);
            }
        return new RgbImage(bitmap.Width, bitmap.Height, rgb);
    }

    /// <summary>
    /// Scaled to fit <paramref name="width"/> x <paramref name="height"/> keeping its shape, each
    /// new pixel the average of the pixels it covers (a box filter: a thumbnail shrunk to a
    /// dozen cells stays a face rather than a scatter of samples).
    /// </summary>
    public RgbImage FitWithin(int width, int height)
    {
        var scale = Math.Min((double)width / Width, (double)height / Height);
        var w = Math.Clamp((int)Math.Round(Width * scale), 1, width);
        var h = Math.Clamp((int)Math.Round(Height * scale), 1, height);
        if (w == Width && h == Height) return this;
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            int y0 = y * Height / h, y1 = Math.Max(y0 + 1, (y + 1) * Height / h);
            for (var x = 0; x < w; x++)
            {
                int x0 = x * Width / w, x1 = Math.Max(x0 + 1, (x + 1) * Width / w);
                long r = 0, g = 0, b = 0, n = 0;
                for (var sy = y0; sy < y1; sy++)
                    for (var sx = x0; sx < x1; sx++)
                    {
                        var (pr, pg, pb) = At(sx, sy);
                        r += pr; g += pg; b += pb; n++;
                    }
                var i = (y * w + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)(r / n), (byte)(g / n), (byte)(b / n));
            }
        }
        return new RgbImage(w, h, rgb);
    }
}

/// <summary>How a photo is drawn: in colour, or in shades for a terminal without 24-bit colour.</summary>
public enum PhotoColours
{
    /// <summary>Each cell an upper half-block (▀): foreground the upper pixel, background the lower, in 24-bit colour.</summary>
    TrueColour,
    /// <summary>
    /// Half-blocks in the four greys every 16-colour terminal has (black, dark grey, grey,
    /// white), each pixel's brightness spread over them by histogram equalisation, so a pale
    /// face on a pale wall still shows its hair, eyes and mouth.
    /// </summary>
    Greyscale,
}

/// <summary>
/// Draws a photo in the terminal: two pixels a cell, one above the other, with the upper
/// half-block character in 24-bit colour where the terminal has it, and in four greys where it
/// does not (a 16-colour terminal would turn a face into blotches of its palette). The image
/// is scaled to fit the view, keeping its shape (a cell is about twice as tall as it is wide,
/// so two pixels a cell are square). Given pixels, it draws; <see cref="ShowAsync"/> fetches
/// and decodes a photo first.
/// </summary>
public sealed class PhotoView : View
{
    public const string UpperHalf = "▀";

    /// <summary>The greys of the 16-colour palette, darkest first.</summary>
    public static readonly Color[] Greys = [Color.Black, Color.DarkGray, Color.Gray, Color.White];
    private RgbImage? _image;
    private string _placeholder = "no photo";
    private string? _wanted;

    public PhotoView() => CanFocus = false;

    /// <summary>What is drawn; null draws <see cref="Placeholder"/>.</summary>
    public RgbImage? Image
    {
        get => _image;
        set
        {
            _image = value;
            SetNeedsDraw();
        }
    }

    public string Placeholder
    {
        get => _placeholder;
        set
        {
            _placeholder = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Null: decided from the terminal when drawn (<see cref="Detect"/>).</summary>
    public PhotoColours? Colours { get; set; }

    /// <summary>The photo being shown (or fetched), if any.</summary>
    public string? PhotoId => _wanted;

    /// <summary>
    /// 24-bit colour when the terminal says it has it (COLORTERM=truecolor or 24bit, the
    /// convention terminals follow) and the driver has not been told to use 16 colours.
    /// </summary>
    public static PhotoColours Detect(string? colorTerm, bool driverForces16Colours) =>
        !driverForces16Colours && colorTerm?.Trim().ToLowerInvariant() is "truecolor" or "24bit" ? PhotoColours.TrueColour : PhotoColours.Greyscale;

    /// <summary>
    /// Fetches the photo's thumbnail and shows it; a later call wins over one still loading.
    /// A photo that cannot be fetched or decoded leaves a word instead, never an error dialog:
    /// the briefing matters more than the picture.
    /// </summary>
    public async Task ShowAsync(ClientContext context, string? photoId, Purpose purpose)
    {
        _wanted = photoId;
        if (photoId is null)
        {
            Image = null;
            Placeholder = "no photo";
            return;
        }
        Image = null;
        Placeholder = "photo…";
        try
        {
            var bytes = await context.Gateways.Photos.ThumbnailAsync(photoId, purpose, CancellationToken.None);
            if (_wanted != photoId) return;
            Image = RgbImage.Decode(bytes.Image);
            if (Image is null) Placeholder = "photo unreadable";
        }
        catch (GatewayException)
        {
            if (_wanted == photoId) Placeholder = "photo not available";
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var (columns, rows) = (Viewport.Width, Viewport.Height);
        var blank = new Attribute(Color.White, Color.Black);
        SetAttribute(blank);
        for (var row = 0; row < rows; row++) AddStr(0, row, new string(' ', columns));
        if (_image is null || columns <= 0 || rows <= 0)
        {
            if (rows > 0) AddStr(0, rows / 2, Centre(_placeholder, columns));
            return true;
        }
        var colours = Colours ?? Detect(Environment.GetEnvironmentVariable("COLORTERM"), App?.Driver?.Force16Colors ?? false);
        var fitted = _image.FitWithin(columns, rows * 2);
        var grey = colours == PhotoColours.Greyscale ? GreyLevels(fitted) : null;
        var left = (columns - fitted.Width) / 2;
        for (var row = 0; row < (fitted.Height + 1) / 2; row++)
        {
            for (var x = 0; x < fitted.Width; x++)
            {
                var hasBottom = row * 2 + 1 < fitted.Height;
                if (grey is null)
                {
                    var top = fitted.At(x, row * 2);
                    var bottom = hasBottom ? fitted.At(x, row * 2 + 1) : (R: (byte)0, G: (byte)0, B: (byte)0);
                    SetAttribute(new Attribute(new Color(top.R, top.G, top.B), new Color(bottom.R, bottom.G, bottom.B)));
                }
                else
                {
                    SetAttribute(new Attribute(Greys[grey[row * 2, x]], hasBottom ? Greys[grey[row * 2 + 1, x]] : Color.Black));
                }
                AddStr(left + x, row, UpperHalf);
            }
        }
        return true;
    }

    /// <summary>Rec. 601 luma, 0 to 255.</summary>
    internal static int Luma((byte R, byte G, byte B) p) => (299 * p.R + 587 * p.G + 114 * p.B) / 1000;

    /// <summary>
    /// Each pixel's place among the <see cref="Greys"/>: its brightness's rank in the image
    /// (histogram equalisation), so each grey covers about a quarter of the picture.
    /// </summary>
    internal static int[,] GreyLevels(RgbImage image)
    {
        var histogram = new int[256];
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++) histogram[Luma(image.At(x, y))]++;
        var below = new int[256];
        for (int v = 1, sum = 0; v < 256; v++) below[v] = sum += histogram[v - 1];
        var total = image.Width * image.Height;
        var levels = new int[image.Height, image.Width];
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var luma = Luma(image.At(x, y));
                // The middle of the pixel's brightness band in the cumulative distribution, 0 to 1.
                var rank = (below[luma] + histogram[luma] / 2.0) / total;
                levels[y, x] = Math.Clamp((int)(rank * Greys.Length), 0, Greys.Length - 1);
            }
        return levels;
    }

    private static string Centre(string text, int width) =>
        text.Length >= width ? text[..Math.Max(0, width)] : new string(' ', (width - text.Length) / 2) + text;
}
