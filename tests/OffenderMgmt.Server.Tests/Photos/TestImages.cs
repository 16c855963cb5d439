using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace OffenderMgmt.Tests.Photos;

/// <summary>Images made for the photo tests: real encodings, and hostile variations of them.</summary>
internal static class TestImages
{
    /// <summary>A width x height image of seeded noise (noise, so a JPEG of it is not tiny).</summary>
    public static byte[] Encoded(int width, int height, SKEncodedImageFormat format, int seed = 1)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var random = new Random(seed);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x * 255 / width), (byte)(y * 255 / height)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 40, int height = 20, int seed = 1) => Encoded(width, height, SKEncodedImageFormat.Jpeg, seed);

    public static byte[] Png(int width = 40, int height = 20, int seed = 1) => Encoded(width, height, SKEncodedImageFormat.Png, seed);

    /// <summary>A GIF89a of one pixel (SkiaSharp decodes GIF but has no GIF encoder).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>
    /// A small valid PNG whose header (IHDR) declares width x height pixels, with its CRC fixed
    /// up: the file is tiny, decoding it would allocate width x height x 4 bytes.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = Png(8, 8);
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = Crc32(png.AsSpan(12, 4 + 13));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(12 + 4 + 13), crc);
        return png;
    }

    /// <summary>
    /// The JPEG with an EXIF APP1 segment put in after its SOI marker: an orientation tag
    /// (274) and a GPS IFD with a latitude and longitude (51.8667 N, 0.4167 W: Luton).
    /// </summary>
    public static byte[] WithGpsExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)(v >> 8)); tiff.Add((byte)v); }
        void U32(long v) { U16((int)(v >> 16)); U16((int)(v & 0xFFFF)); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(8);
        // IFD0 at 8: two entries (2 + 24 + 4 = 30 bytes), so the GPS IFD starts at 38.
        U16(2);
        Entry(0x0112, 3, 1, (long)orientation << 16);          // Orientation, SHORT, left-justified
        Entry(0x8825, 4, 1, 38);                                // GPSInfo IFD pointer
        U32(0);
        // GPS IFD at 38: four entries (2 + 48 + 4 = 54 bytes), so its rationals start at 92.
        U16(4);
        Entry(1, 2, 2, 'N' << 24);                              // GPSLatitudeRef "N"
        Entry(2, 5, 3, 92);                                     // GPSLatitude, 3 RATIONALs
        Entry(3, 2, 2, 'W' << 24);                              // GPSLongitudeRef "W"
        Entry(4, 5, 3, 116);                                    // GPSLongitude, 3 RATIONALs
        U32(0);
        foreach (var (n, d) in new[] { (51, 1), (52, 1), (0, 1), (0, 1), (25, 1), (0, 1) }) { U32(n); U32(d); }

        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
