using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Photos;

/// <summary>Maps photos between the wire and the domain (explicit enum tables; no queries).</summary>
public static class PhotoMessages
{
    public static readonly EnumTable<PhotoKind, V1.PhotoKind> Kinds = new(new Dictionary<PhotoKind, V1.PhotoKind>
    {
        [PhotoKind.CustodyFront] = V1.PhotoKind.CustodyFront,
        [PhotoKind.Profile] = V1.PhotoKind.Profile,
        [PhotoKind.Mark] = V1.PhotoKind.Mark,
        [PhotoKind.Other] = V1.PhotoKind.Other,
    });

    public static readonly IReadOnlyDictionary<PhotoFormat, string> ContentTypes = new Dictionary<PhotoFormat, string>
    {
        [PhotoFormat.Jpeg] = "image/jpeg",
        [PhotoFormat.Png] = "image/png",
    };

    /// <summary>Whether GetPhoto asks for the thumbnail (UNSPECIFIED is the full image).</summary>
    public static bool? IsThumbnail(V1.PhotoSize size) => size switch
    {
        V1.PhotoSize.Unspecified or V1.PhotoSize.Full => false,
        V1.PhotoSize.Thumbnail => true,
        _ => null,
    };

    public static V1.Photo ToMessage(PersonPhoto photo, bool current) => new()
    {
        Id = photo.Id.ToString(),
        PersonId = photo.PersonId.ToString(),
        Kind = Kinds.ToProto(photo.Kind),
        TakenOn = IsoDate.Format(photo.TakenOn),
        ContentType = ContentTypes[photo.Format],
        Width = photo.Width,
        Height = photo.Height,
        ByteCount = photo.ByteCount,
        Sha256 = photo.Sha256,
        AddedBy = photo.AddedBy,
        AddedAt = Timestamp.FromDateTimeOffset(photo.AddedAt),
        Retired = photo.IsRetired,
        RetiredBy = photo.RetiredBy ?? "",
        RetiredAt = photo.RetiredAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        Current = current,
        Version = photo.Version,
    };

    public static V1.PhotoImage ToImage(PersonPhoto photo, bool current, byte[] bytes, PhotoFormat format, int width, int height) => new()
    {
        Photo = ToMessage(photo, current),
        Image = ByteString.CopyFrom(bytes),
        ContentType = ContentTypes[format],
        Width = width,
        Height = height,
    };

    public static readonly WordTable<PhotoKind> KindWords = new(new Dictionary<PhotoKind, string>
    {
        [PhotoKind.CustodyFront] = "custody front", [PhotoKind.Profile] = "profile", [PhotoKind.Mark] = "mark", [PhotoKind.Other] = "other",
    });
}
