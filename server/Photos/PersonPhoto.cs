using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Photos;

/// <summary>
/// The record of one photograph of a person, without its bytes (those are in
/// <see cref="PhotoContent"/>, read only when asked for). A photo is never edited: it is
/// added, and later retired (kept, but no longer shown as current).
/// </summary>
public sealed class PersonPhoto : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public PhotoKind Kind { get; set; }
    public DateOnly TakenOn { get; set; }
    public PhotoFormat Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteCount { get; set; }
    /// <summary>SHA-256 of the stored (re-encoded) bytes, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public string? RetiredBy { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public long Version { get; set; }

    public bool IsRetired => RetiredAt is not null;
}

/// <summary>What a photo shows. The current photo of a person is their newest custody front photo.</summary>
public enum PhotoKind
{
    CustodyFront = 1,
    Profile = 2,
    Mark = 3,
    Other = 4,
}

/// <summary>The formats a photo is accepted and stored in.</summary>
public enum PhotoFormat
{
    Jpeg = 1,
    Png = 2,
}
