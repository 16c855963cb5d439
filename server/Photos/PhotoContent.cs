namespace OffenderMgmt.Server.Photos;

/// <summary>
/// A photo's bytes, in a table of their own so that listing photos, reading a person or
/// building a briefing never reads them: the stored image (re-encoded, no metadata) and its
/// thumbnail (JPEG, at most <see cref="PhotoImaging.ThumbnailWidth"/> x <see cref="PhotoImaging.ThumbnailHeight"/>).
/// </summary>
public sealed class PhotoContent
{
    public Guid PhotoId { get; init; }
    public byte[] Image { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public int ThumbnailWidth { get; set; }
    public int ThumbnailHeight { get; set; }
}
