using Grpc.Core;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.People;

/// <summary>
/// gRPC People service: guards and maps, then hands over to <see cref="PeopleDirectory"/>.
/// What a caller sees of a person is decided by the <see cref="DisclosurePolicy"/>.
/// </summary>
public sealed class PeopleService(PeopleDirectory directory, DisclosurePolicy disclosure, CallAudit audit, AreaIndexHolder areas, ForceClock clock)
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
        var response = new V1.SearchPeopleResponse { NextPageToken = page.NextPageToken };
        response.People.AddRange(page.People.Select(p => PersonMessages.ToSummary(p, areas.Current)));
        return response;
    }

}
