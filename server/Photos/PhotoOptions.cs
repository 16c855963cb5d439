using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Photos;

/// <summary>Limits on the photographs the server accepts (section "Photos").</summary>
public sealed class PhotoOptions
{
    /// <summary>The largest image accepted, in bytes, checked before anything decodes it.</summary>
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The most pixels (width x height, as the image's header declares them) accepted, checked
    /// before decoding: a small file can declare enormous dimensions (a decompression bomb),
    /// and decoding takes four bytes a pixel. 16 million pixels is 64 MB decoded; custody
    /// cameras take 2 to 12 megapixels.
    /// </summary>
    public int MaxPixels { get; set; } = 16_000_000;
}

/// <summary>Checks the "Photos" settings when the server starts.</summary>
public sealed class PhotoOptionsValidator() : SettingsValidator<PhotoOptions>("Photos")
{
    protected override void Check(PhotoOptions options, SettingChecks check)
    {
        // Above 15 MiB the image would not fit a gRPC message (16 MiB) with the rest of the request.
        check.Range(nameof(options.MaxBytes), options.MaxBytes, 1024, 15 * 1024 * 1024);
        check.Range(nameof(options.MaxPixels), options.MaxPixels, 64 * 80, 100_000_000);
    }
}
