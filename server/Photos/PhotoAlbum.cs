using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Photos;

public sealed record NewPhoto(Guid PersonId, PhotoKind Kind, DateOnly TakenOn, CleanImage Image);

public sealed record PhotoPage(IReadOnlyList<PersonPhoto> Photos, string NextPageToken);

/// <summary>
/// Adding, reading, listing and retiring a person's photographs. A person's current photo is
/// their newest (by date taken, then by when it was added) custody front photo that is not
/// retired: the custody image is the one taken to a standard for identification; a profile
/// or a photo of a mark is kept with it but never stands for the face.
/// </summary>
public sealed class PhotoAlbum(OffenderMgmtDb db, ForceClock clock)
{
    public async Task<PersonPhoto> AddAsync(NewPhoto photo, string addedBy, CancellationToken cancellationToken)
    {
        var record = Track(db, Guid.CreateVersion7(), photo, addedBy, clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Adds a photo's record and its bytes to the context (also how the demo stores its portraits).</summary>
    internal static PersonPhoto Track(OffenderMgmtDb db, Guid id, NewPhoto photo, string addedBy, DateTimeOffset addedAt)
    {
        var record = new PersonPhoto
        {
            Id = id, PersonId = photo.PersonId, Kind = photo.Kind, TakenOn = photo.TakenOn, Format = photo.Image.Format,
            Width = photo.Image.Width, Height = photo.Image.Height, ByteCount = photo.Image.Bytes.Length, Sha256 = photo.Image.Sha256,
            AddedBy = addedBy, AddedAt = addedAt,
        };
        db.PersonPhotos.Add(record);
        db.PhotoContents.Add(new PhotoContent
        {
            PhotoId = id, Image = photo.Image.Bytes, Thumbnail = photo.Image.Thumbnail,
            ThumbnailWidth = photo.Image.ThumbnailWidth, ThumbnailHeight = photo.Image.ThumbnailHeight,
        });
        return record;
    }

    public async Task<PersonPhoto> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PersonPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("photo", id.ToString(), "id");

    /// <summary>The stored image or its thumbnail, with its width and height; only this reads a photo's bytes.</summary>
    public async Task<(byte[] Bytes, PhotoFormat Format, int Width, int Height)> ContentAsync(PersonPhoto photo, bool thumbnail, CancellationToken cancellationToken)
    {
        var content = db.PhotoContents.AsNoTracking().Where(c => c.PhotoId == photo.Id);
        if (thumbnail)
        {
            var small = await content.Select(c => new { c.Thumbnail, c.ThumbnailWidth, c.ThumbnailHeight }).FirstAsync(cancellationToken);
            return (small.Thumbnail, PhotoFormat.Jpeg, small.ThumbnailWidth, small.ThumbnailHeight);
        }
        var image = await content.Select(c => c.Image).FirstAsync(cancellationToken);
        return (image, photo.Format, photo.Width, photo.Height);
    }

    /// <summary>A person's photos, newest added first.</summary>
    public async Task<PhotoPage> ListAsync(Guid personId, bool includeRetired, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.PageSize(pageSize);
        var after = Paging.Decode(pageToken, 2);
        var query = db.PersonPhotos.AsNoTracking().Where(p => p.PersonId == personId);
        if (!includeRetired) query = query.Where(p => p.RetiredAt == null);
        if (after is not null)
        {
            if (!long.TryParse(after[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(after[1], out var lastId))
                throw new ValidationException("page_token", "is not a page token this list returned; start again without one");
            var addedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            query = query.Where(p => p.AddedAt < addedAt || (p.AddedAt == addedAt && p.Id.CompareTo(lastId) < 0));
        }
        var page = await query.OrderByDescending(p => p.AddedAt).ThenByDescending(p => p.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = page.Count > size
            ? Paging.Encode(page[size - 1].AddedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), page[size - 1].Id.ToString())
            : "";
        return new PhotoPage(page.Take(size).ToList(), next);
    }

    /// <summary>Retires a photo edited from <paramref name="expectedVersion"/>; it is kept, but is no longer anyone's current photo.</summary>
    public async Task<PersonPhoto> RetireAsync(Guid id, long expectedVersion, string retiredBy, CancellationToken cancellationToken)
    {
        var photo = await db.PersonPhotos.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                    ?? throw new NotFoundException("photo", id.ToString(), "id");
        if (photo.Version != expectedVersion) throw new StaleVersionException("photo", id.ToString(), expectedVersion, photo.Version);
        if (photo.IsRetired) throw new RuleViolationException("PHOTO_RETIRED", $"The photo was retired already, on {photo.RetiredAt:yyyy-MM-dd} by {photo.RetiredBy}.");
        photo.RetiredAt = clock.Now;
        photo.RetiredBy = retiredBy;
        db.Entry(photo).Property(p => p.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return photo;
    }

    /// <summary>The id of each given person's current photo (of everyone's when <paramref name="personIds"/> is null).</summary>
    public static async Task<Dictionary<Guid, Guid>> CurrentOfAsync(OffenderMgmtDb db, IReadOnlyCollection<Guid>? personIds, CancellationToken cancellationToken)
    {
        var query = db.PersonPhotos.AsNoTracking().Where(p => p.Kind == PhotoKind.CustodyFront && p.RetiredAt == null);
        if (personIds is not null)
        {
            var ids = personIds.ToList();
            query = query.Where(p => ids.Contains(p.PersonId));
        }
        var rows = await query.Select(p => new { p.PersonId, p.Id, p.TakenOn, p.AddedAt }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.AddedAt).ThenByDescending(r => r.Id).First().Id);
    }
}
