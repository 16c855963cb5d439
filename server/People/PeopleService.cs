using Grpc.Core;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.People;

/// <summary>
/// gRPC People service: guards and maps, then hands over to <see cref="PeopleDirectory"/>.
/// What a caller sees of a person is decided by the <see cref="DisclosurePolicy"/>.
/// </summary>
public sealed partial class PeopleService(
    PeopleDirectory directory, DisclosurePolicy disclosure, CallAudit audit, AreaIndexHolder areas, ForceClock clock, Photos.PhotoDesk photos,
    IdentificationDesk identification, Caller caller)
    : V1.People.PeopleBase
{
    public override async Task<V1.Person> CreatePerson(V1.CreatePersonRequest request, ServerCallContext context)
    {
        var details = PersonMessages.ToDetails(request.Person, clock);
        var person = await directory.CreateAsync(details, context.CancellationToken);
        audit.Touched(person.Id);
        // The creator sees what they wrote, less anything their role may never see.
        return PersonMessages.ToMessage(person, areas.Current, DisclosureLevel.Standard);
    }

    public override async Task<V1.Person> GetPerson(V1.GetPersonRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.Id, "id");
        var person = await directory.GetAsync(id, context.CancellationToken);
        audit.Touched(person.Id);
        var level = await disclosure.ForPersonAsync(person.Id, context.CancellationToken);
        return PersonMessages.ToMessage(person, areas.Current, level);
    }

    public override async Task<V1.Person> UpdatePerson(V1.UpdatePersonRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the edit was based on");
        v.Count("update_mask", request.UpdateMask?.Paths.Count ?? 0, RequestLimits.MaskPaths);
        v.ThrowIfInvalid();
        var requested = PersonMessages.ToDetails(request.Person, clock);
        audit.Touched(id);
        await directory.GetAsync(id, context.CancellationToken);  // NOT_FOUND before PERMISSION_DENIED
        await disclosure.EnsureMayEditPersonAsync(id, context.CancellationToken);
        var person = await directory.UpdateAsync(id, request.ExpectedVersion,
            current => PersonMessages.ApplyMask(current, requested, request.UpdateMask), context.CancellationToken);
        var level = await disclosure.ForPersonAsync(id, context.CancellationToken);
        return PersonMessages.ToMessage(person, areas.Current, level);
    }

    public override async Task<V1.SearchPeopleResponse> SearchPeople(V1.SearchPeopleRequest request, ServerCallContext context)
    {
        var only = await disclosure.SearchLimitAsync(byName: !string.IsNullOrWhiteSpace(request.Name), context.CancellationToken);
        var page = await directory.SearchAsync(
            new PersonSearch(request.Name, request.PncId, request.PageSize, request.PageToken, only), context.CancellationToken);
        audit.Touched(page.People.Select(p => p.Id));
        var response = new V1.SearchPeopleResponse { NextPageToken = page.NextPageToken, MatchCount = page.MatchCount, MatchCountCapped = page.MatchCountCapped };
        response.People.AddRange(page.People.Select(p => PersonMessages.ToSummary(p, areas.Current)));
        return response;
    }

    // ---- Issue 18: marks, vehicles, devices and online identifiers ----

    public override async Task<V1.Identifier> AddIdentifier(V1.AddIdentifierRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var details = IdentifierMessages.ToDetails(request.Mark, request.Vehicle, request.Device, request.Online, v);
        v.ThrowIfInvalid();
        audit.Touched(person);
        await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);
        var identifier = await identification.AddAsync(person, details!, context.CancellationToken);
        audit.Touched(identifier.Id);
        return IdentifierMessages.ToMessage(identifier);
    }

    public override async Task<V1.Identifier> UpdateIdentifier(V1.UpdateIdentifierRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the edit was based on");
        var details = IdentifierMessages.ToDetails(request.Mark, request.Vehicle, request.Device, request.Online, v, optional: request.Retire);
        v.ThrowIfInvalid();
        audit.Touched(id);
        var current = await identification.GetAsync(id, context.CancellationToken);
        audit.Touched(current.PersonId);
        await disclosure.EnsureMayEditPersonAsync(current.PersonId, context.CancellationToken);
        if (!IdentifierRules.MaySee(current, caller.Role, await disclosure.ForPersonAsync(current.PersonId, context.CancellationToken), caller.Subject))
            throw new AccessDeniedException("Devices and online identifiers are casework: only the person's managers and the service that recorded them may change them.", ErrorReason.NotYourCase);
        var identifier = await identification.UpdateAsync(id, request.ExpectedVersion, details, request.Retire, context.CancellationToken);
        return IdentifierMessages.ToMessage(identifier);
    }

    public override async Task<V1.ListIdentifiersResponse> ListIdentifiers(V1.ListIdentifiersRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.PersonId, "person_id");
        audit.Touched(id);
        await directory.GetAsync(id, context.CancellationToken);  // NOT_FOUND before PERMISSION_DENIED
        var level = await disclosure.ForPersonAsync(id, context.CancellationToken);
        var all = await identification.ListAsync(id, request.IncludeRetired, context.CancellationToken);
        var shown = all.Where(i => IdentifierRules.MaySee(i, caller.Role, level, caller.Subject)).ToList();
        audit.Touched(shown.Select(i => i.Id));
        var response = new V1.ListIdentifiersResponse { CaseworkWithheld = shown.Count < all.Count };
        response.Identifiers.AddRange(shown.Select(IdentifierMessages.ToMessage));
        return response;
    }

    public override async Task<V1.SearchByVehicleResponse> SearchByVehicle(V1.SearchByVehicleRequest request, ServerCallContext context)
    {
        if (!RegistrationPattern.TryParse(request.Registration, out var pattern, out var problem))
            throw new ValidationException("registration", problem);
        var page = await identification.SearchVehiclesAsync(pattern, request.PageSize, request.PageToken, request.IncludeRetired, context.CancellationToken);
        var people = await directory.ManyAsync(page.Items.Select(r => r.Item.PersonId).ToList(), context.CancellationToken);
        audit.Touched(page.Items.Select(r => r.Item.PersonId));
        audit.Touched(page.Items.Select(r => r.Item.Id));
        var response = new V1.SearchByVehicleResponse { NextPageToken = page.NextPageToken };
        response.Matches.AddRange(page.Items.Select(r => new V1.VehicleMatch
        {
            Person = PersonMessages.ToSummary(people[r.Item.PersonId], areas.Current), Vehicle = IdentifierMessages.ToMessage(r.Item), UnknownCharacters = r.Rank,
        }));
        return response;
    }

    public override async Task<V1.SearchByMarkResponse> SearchByMark(V1.SearchByMarkRequest request, ServerCallContext context)
    {
        var page = await identification.SearchMarksAsync(request.Text, request.PageSize, request.PageToken, context.CancellationToken);
        var people = await directory.ManyAsync(page.Items.Select(r => r.Item.PersonId).ToList(), context.CancellationToken);
        audit.Touched(page.Items.Select(r => r.Item.PersonId));
        audit.Touched(page.Items.Select(r => r.Item.Id));
        var response = new V1.SearchByMarkResponse { NextPageToken = page.NextPageToken };
        response.Matches.AddRange(page.Items.Select(r => new V1.MarkMatch
        {
            Person = PersonMessages.ToSummary(people[r.Item.PersonId], areas.Current), Mark = IdentifierMessages.ToMessage(r.Item), WordsMatched = r.Rank,
        }));
        return response;
    }
}
