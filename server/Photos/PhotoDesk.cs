using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Photos;

/// <summary>A photo read for a caller: its record and whether it is the person's current photo.</summary>
public sealed record ShownPhoto(PersonPhoto Photo, bool Current);

/// <summary>
/// The photo calls as the application sees them: who may do what (<see cref="PhotoAccess"/>,
/// <see cref="DisclosurePolicy"/>), the image checked and cleaned (<see cref="PhotoImaging"/>),
/// the records kept (<see cref="PhotoAlbum"/>).
/// </summary>
public sealed class PhotoDesk(PhotoAlbum album, PhotoAccess access, DisclosurePolicy disclosure, Caller caller, Persistence.OffenderMgmtDb db, IOptions<PhotoOptions> options)
{
    public async Task<ShownPhoto> AddAsync(Guid personId, PhotoKind kind, DateOnly takenOn, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        // NOT_FOUND and PERMISSION_DENIED before the image is decoded: decoding is the costly part.
        await disclosure.EnsureMayEditPersonAsync(personId, cancellationToken);
        var clean = new PhotoImaging(options.Value).Clean(image.Span);
        var photo = await album.AddAsync(new NewPhoto(personId, kind, takenOn, clean), caller.Subject, cancellationToken);
        return new ShownPhoto(photo, await IsCurrentAsync(photo, cancellationToken));
    }

    public async Task<(ShownPhoto Photo, byte[] Bytes, PhotoFormat Format, int Width, int Height)> GetAsync(Guid id, bool thumbnail, CancellationToken cancellationToken)
    {
        var photo = await album.GetAsync(id, cancellationToken);
        await access.EnsureMaySeeAsync(photo.PersonId, cancellationToken);
        var (bytes, format, width, height) = await album.ContentAsync(photo, thumbnail, cancellationToken);
        return (new ShownPhoto(photo, await IsCurrentAsync(photo, cancellationToken)), bytes, format, width, height);
    }

    public async Task<(IReadOnlyList<ShownPhoto> Photos, string NextPageToken)> ListAsync(
        Guid personId, bool includeRetired, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.People, p => p.Id == personId, cancellationToken)) throw new NotFoundException("person", personId.ToString(), "person_id");
        await access.EnsureMaySeeAsync(personId, cancellationToken);
        var page = await album.ListAsync(personId, includeRetired, pageSize, pageToken, cancellationToken);
        var current = (await PhotoAlbum.CurrentOfAsync(db, [personId], cancellationToken)).GetValueOrDefault(personId);
        return (page.Photos.Select(p => new ShownPhoto(p, p.Id == current)).ToList(), page.NextPageToken);
    }

    public async Task<ShownPhoto> RetireAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var photo = await album.GetAsync(id, cancellationToken);
        await disclosure.EnsureMayEditPersonAsync(photo.PersonId, cancellationToken);
        var retired = await album.RetireAsync(id, expectedVersion, caller.Subject, cancellationToken);
        return new ShownPhoto(retired, false);
    }

    private async Task<bool> IsCurrentAsync(PersonPhoto photo, CancellationToken cancellationToken) =>
        (await PhotoAlbum.CurrentOfAsync(db, [photo.PersonId], cancellationToken)).GetValueOrDefault(photo.PersonId) == photo.Id;
}
