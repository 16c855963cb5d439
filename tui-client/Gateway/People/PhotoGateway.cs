using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A photo's image as the server sent it (JPEG or PNG bytes).</summary>
public sealed record PhotoBytes(string PhotoId, byte[] Image, int Width, int Height, string? TakenOn);

/// <summary>People's photographs: the thumbnail to draw, and which photo is a person's current one.</summary>
public sealed class PhotoGateway(ServerConnection connection)
{
    private readonly V1.People.PeopleClient _people = new(connection.Invoker);

    /// <summary>The photo's thumbnail (at most 64 x 80): all a terminal can show of it.</summary>
    public async Task<PhotoBytes> ThumbnailAsync(string photoId, Purpose purpose, CancellationToken cancellationToken)
    {
        var photo = await connection.CallAsync(purpose, o => _people.GetPhotoAsync(new V1.GetPhotoRequest { Id = photoId, Size = V1.PhotoSize.Thumbnail }, o), cancellationToken);
        return new PhotoBytes(photoId, photo.Image.ToByteArray(), photo.Width, photo.Height, Wire.Text(photo.Photo?.TakenOn ?? ""));
    }

    /// <summary>The id of the person's current photo (newest custody front, not retired), or null.</summary>
    public async Task<string?> CurrentPhotoIdAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var list = await connection.CallAsync(purpose, o => _people.ListPhotosAsync(new V1.ListPhotosRequest { PersonId = personId, PageSize = 50 }, o), cancellationToken);
        return list.Photos.FirstOrDefault(p => p.Current)?.Id;
    }
}
