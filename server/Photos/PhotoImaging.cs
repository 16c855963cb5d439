using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OffenderMgmt.Server.Common;
using SkiaSharp;

namespace OffenderMgmt.Server.Photos;

/// <summary>An image as it is stored: re-encoded from its decoded pixels, with its thumbnail.</summary>
public sealed record CleanImage(
    PhotoFormat Format, int Width, int Height, byte[] Bytes, string Sha256, byte[] Thumbnail, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>
/// Checks an uploaded image by decoding it with SkiaSharp (Google's Skia: libjpeg-turbo and
/// libpng underneath) and re-encodes it, so nothing but pixels is kept. In order, each refusal
/// naming the field "image" with reason IMAGE_NOT_ACCEPTED:
/// the byte count against <see cref="PhotoOptions.MaxBytes"/> (before anything reads the bytes);
/// the format detected from the bytes themselves (JPEG or PNG, whatever a file was called);
/// the dimensions the header declares against <see cref="PhotoOptions.MaxPixels"/> (before a
/// pixel is decoded, so a decompression bomb costs nothing); then a complete decode (a truncated
/// or corrupt file is refused, not stored half-grey). The EXIF orientation is applied to the
/// pixels before re-encoding, since the tag that carried it is dropped with the rest of the
/// metadata (EXIF, GPS location, XMP, comments).
/// </summary>
public sealed class PhotoImaging(PhotoOptions options)
{
    public const int ThumbnailWidth = 64;
    public const int ThumbnailHeight = 80;
    private const int JpegQuality = 90;
    private const int ThumbnailQuality = 80;

    public CleanImage Clean(ReadOnlySpan<byte> image)
    {
        if (image.Length == 0) throw new ValidationException("image", "is required: a JPEG or PNG image");
        if (image.Length > options.MaxBytes)
            Refuse($"is {image.Length:N0} bytes; the most accepted is {options.MaxBytes:N0} (Photos:MaxBytes)");

        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null) Refuse("is not an image format that can be read; send a JPEG or PNG");
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => PhotoFormat.Jpeg,
            SKEncodedImageFormat.Png => PhotoFormat.Png,
            var other => Refuse<PhotoFormat>($"is a {other} image; only JPEG and PNG are accepted"),
        };
        var declared = codec.Info;
        if (declared.Width <= 0 || declared.Height <= 0) Refuse("declares no width or height");
        if ((long)declared.Width * declared.Height > options.MaxPixels)
            Refuse($"declares {declared.Width} x {declared.Height} pixels; the most accepted is {options.MaxPixels:N0} pixels (Photos:MaxPixels)");

        using var decoded = Decode(codec, declared.Width, declared.Height);
        using var oriented = Orient(decoded, codec.EncodedOrigin);
        return FromPixels(oriented, format);
    }

    /// <summary>Encodes decoded pixels as they are stored, with their SHA-256 and thumbnail (also how the demo's drawn portraits are stored).</summary>
    public static CleanImage FromPixels(SKBitmap pixels, PhotoFormat format)
    {
        var bytes = Encode(pixels, format, JpegQuality);
        var (thumbnail, tw, th) = Thumbnail(pixels);
        return new CleanImage(format, pixels.Width, pixels.Height, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), thumbnail, tw, th);
    }

    private static SKBitmap Decode(SKCodec codec, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return result == SKCodecResult.IncompleteInput
            ? Refuse<SKBitmap>("is incomplete (the file is truncated); send the whole image")
            : Refuse<SKBitmap>($"could not be decoded ({result})");
    }

    /// <summary>Draws the pixels the way the EXIF orientation tag (TIFF tag 274) says they are to be shown.</summary>
    internal static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // x' = ScaleX*x + SkewX*y + TransX, y' = SkewY*x + ScaleY*y + TransY
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } m) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(m);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return target;
    }

    private static byte[] Encode(SKBitmap bitmap, PhotoFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format == PhotoFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, quality)
                            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {bitmap.Width}x{bitmap.Height} {format} image.");
        return encoded.ToArray();
    }

    private static (byte[] Bytes, int Width, int Height) Thumbnail(SKBitmap bitmap)
    {
        var scale = Math.Min(1.0, Math.Min((double)ThumbnailWidth / bitmap.Width, (double)ThumbnailHeight / bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var small = bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
                          ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
        return (Encode(small, PhotoFormat.Jpeg, ThumbnailQuality), width, height);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string problem) => throw new ValidationException("image", problem, ErrorReason.ImageNotAccepted);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static T Refuse<T>(string problem) => throw new ValidationException("image", problem, ErrorReason.ImageNotAccepted);
}
