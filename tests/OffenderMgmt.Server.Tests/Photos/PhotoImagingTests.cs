using System.Security.Cryptography;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Photos;
using SkiaSharp;

namespace OffenderMgmt.Tests.Photos;

/// <summary>Image validation by decoding (issue 18): what is accepted, what is refused and why, what is kept.</summary>
public sealed class PhotoImagingTests
{
    private static readonly PhotoImaging Imaging = new(new PhotoOptions());

    private static ValidationException Refused(byte[] bytes, PhotoImaging? imaging = null)
    {
        var error = Assert.Throws<ValidationException>(() => (imaging ?? Imaging).Clean(bytes));
        Assert.Equal(ErrorReason.ImageNotAccepted, error.Reason);
        Assert.Equal("image", Assert.Single(error.Violations).Field);
        return error;
    }

    [Fact]
    public void A_jpeg_is_stored_as_a_jpeg_with_the_sha256_of_the_stored_bytes_and_a_thumbnail_within_64_by_80()
    {
        var clean = Imaging.Clean(TestImages.Jpeg(300, 400));

        Assert.Equal(PhotoFormat.Jpeg, clean.Format);
        Assert.Equal((300, 400), (clean.Width, clean.Height));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(clean.Bytes)), clean.Sha256);
        Assert.Equal((60, 80), (clean.ThumbnailWidth, clean.ThumbnailHeight));
        using var thumbnail = SKBitmap.Decode(clean.Thumbnail);
        Assert.Equal((60, 80), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void A_png_is_recognised_from_its_bytes_whatever_it_was_called_and_stored_as_a_png()
    {
        // The API takes no file name or declared type: a PNG saved as "photo.jpg" arrives as
        // its bytes, and the bytes decide. It is accepted, as what it is.
        var clean = Imaging.Clean(TestImages.Png());

        Assert.Equal(PhotoFormat.Png, clean.Format);
        Assert.True(clean.Bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }

    [Fact]
    public void A_gif_is_refused_though_it_decodes()
    {
        Assert.Contains("only JPEG and PNG", Refused(TestImages.Gif()).Violations[0].Description);
    }

    [Fact]
    public void Bytes_that_are_no_image_are_refused()
    {
        Refused("<html>this is not a photo</html>"u8.ToArray());
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_rather_than_stored_half_decoded()
    {
        var whole = TestImages.Jpeg(200, 200);
        var truncated = whole[..(whole.Length * 6 / 10)];

        Assert.Contains("truncated", Refused(truncated).Violations[0].Description);
    }

    [Fact]
    public void An_image_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var imaging = new PhotoImaging(new PhotoOptions { MaxBytes = 2 * 1024 * 1024 });
        // 50 MB of zeros: no decoder would make anything of it; the size alone refuses it.
        var huge = new byte[50 * 1024 * 1024];

        Assert.Contains("the most accepted is 2,097,152", Refused(huge, imaging).Violations[0].Description);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_a_pixel_is_decoded()
    {
        // 50,000 x 50,000 declared (10 GB decoded) in a file of a few hundred bytes.
        var bomb = TestImages.PngDeclaring(50_000, 50_000);
        Assert.True(bomb.Length < 1_000);
        using (var codec = SKCodec.Create(SKData.CreateCopy(bomb)))
            Assert.Equal(50_000, codec.Info.Width);  // the header really says so

        Assert.Contains("declares 50000 x 50000 pixels", Refused(bomb).Violations[0].Description);
    }

    [Fact]
    public void Gps_exif_is_stripped_and_the_orientation_it_gave_is_applied_to_the_pixels()
    {
        // Orientation 6: the stored pixels are to be turned 90 degrees clockwise to be seen upright.
        var withExif = TestImages.WithGpsExif(TestImages.Jpeg(40, 20), orientation: 6);
        using (var codec = SKCodec.Create(SKData.CreateCopy(withExif)))
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);  // the EXIF block is well formed
        Assert.True(TestImages.Contains(withExif, "Exif\0\0"u8));

        var clean = Imaging.Clean(withExif);

        Assert.False(TestImages.Contains(clean.Bytes, "Exif"u8));
        Assert.False(TestImages.Contains(clean.Bytes, [0xFF, 0xE1]));  // no APP1 segment at all (EXIF, XMP)
        Assert.False(TestImages.Contains(clean.Thumbnail, "Exif"u8));
        Assert.Equal((20, 40), (clean.Width, clean.Height));
        using var stored = SKCodec.Create(SKData.CreateCopy(clean.Bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, stored.EncodedOrigin);
    }

    [Fact]
    public void Each_exif_orientation_turns_or_mirrors_the_pixels_to_upright()
    {
        // A 2x1 image: red on the left, blue on the right.
        using var source = new SKBitmap(new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Premul));
        source.SetPixel(0, 0, SKColors.Red);
        source.SetPixel(1, 0, SKColors.Blue);
        (SKEncodedOrigin Origin, int W, int H, (int X, int Y) Red)[] cases =
        [
            (SKEncodedOrigin.TopLeft, 2, 1, (0, 0)), (SKEncodedOrigin.TopRight, 2, 1, (1, 0)),
            (SKEncodedOrigin.BottomRight, 2, 1, (1, 0)), (SKEncodedOrigin.BottomLeft, 2, 1, (0, 0)),
            (SKEncodedOrigin.LeftTop, 1, 2, (0, 0)), (SKEncodedOrigin.RightTop, 1, 2, (0, 0)),
            (SKEncodedOrigin.RightBottom, 1, 2, (0, 1)), (SKEncodedOrigin.LeftBottom, 1, 2, (0, 1)),
        ];
        foreach (var (origin, w, h, red) in cases)
        {
            using var turned = PhotoImaging.Orient(source, origin);
            Assert.Equal((origin, w, h), (origin, turned.Width, turned.Height));
            Assert.Equal((origin, SKColors.Red), (origin, turned.GetPixel(red.X, red.Y)));
        }
    }

    [Fact]
    public void Every_photo_kind_has_a_wire_value()
    {
        foreach (var kind in Enum.GetValues<PhotoKind>()) Assert.Equal(kind, PhotoMessages.Kinds.ToDomain(PhotoMessages.Kinds.ToProto(kind)));
        foreach (var kind in Enum.GetValues<Contracts.V1.PhotoKind>().Where(k => k != Contracts.V1.PhotoKind.Unspecified))
            Assert.NotNull(PhotoMessages.Kinds.ToDomain(kind));
        foreach (var format in Enum.GetValues<PhotoFormat>()) Assert.True(PhotoMessages.ContentTypes.ContainsKey(format));
    }
}
