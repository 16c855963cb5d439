using Grpc.Core;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Photos;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.People;

/// <summary>The People service's photo calls (issue 18): guard, map, hand over to <see cref="PhotoDesk"/>.</summary>
public sealed partial class PeopleService
{
    public override async Task<V1.Photo> AddPhoto(V1.AddPhotoRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var kind = PhotoMessages.Kinds.Required(v, "kind", request.Kind);
        // A photo is taken in the person's lifetime and never in the future.
        var takenOn = v.Date("taken_on", request.TakenOn, TimeBounds.Life, clock, required: true);
        if (request.Image.IsEmpty) v.Add("image", "is required: a JPEG or PNG image");
        v.ThrowIfInvalid();
        audit.Touched(person);
        var added = await photos.AddAsync(person, kind, takenOn!.Value, request.Image.Memory, context.CancellationToken);
        audit.Touched(added.Photo.Id);
        return PhotoMessages.ToMessage(added.Photo, added.Current);
    }

    public override async Task<V1.PhotoImage> GetPhoto(V1.GetPhotoRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        var thumbnail = PhotoMessages.IsThumbnail(request.Size);
        if (thumbnail is null) v.Add("size", $"has an unknown value ({request.Size})");
        v.ThrowIfInvalid();
        audit.Touched(id);
        var (shown, bytes, format, width, height) = await photos.GetAsync(id, thumbnail!.Value, context.CancellationToken);
        audit.Touched(shown.Photo.PersonId);
        return PhotoMessages.ToImage(shown.Photo, shown.Current, bytes, format, width, height);
    }

    public override async Task<V1.ListPhotosResponse> ListPhotos(V1.ListPhotosRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        var (list, next) = await photos.ListAsync(person, request.IncludeRetired, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(list.Select(p => p.Photo.Id));
        var response = new V1.ListPhotosResponse { NextPageToken = next };
        response.Photos.AddRange(list.Select(p => PhotoMessages.ToMessage(p.Photo, p.Current)));
        return response;
    }

    public override async Task<V1.Photo> RetirePhoto(V1.RetirePhotoRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the edit was based on");
        v.ThrowIfInvalid();
        audit.Touched(id);
        var retired = await photos.RetireAsync(id, request.ExpectedVersion, context.CancellationToken);
        audit.Touched(retired.Photo.PersonId);
        return PhotoMessages.ToMessage(retired.Photo, retired.Current);
    }
}
