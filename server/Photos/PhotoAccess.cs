using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Photos;

/// <summary>
/// Who may see a person's photos. Photos are briefing fields (issue 18, Access): whoever
/// <see cref="DisclosurePolicy"/> lets read the person sees them (an offender manager their
/// cases, others with a reason, a partner agency its cohort, a service), and a local officer
/// sees them for the people briefings are about: those living in a beat under management or a
/// live order, and those barred from a beat by an exclusion zone. Anyone else's photo is not
/// disclosed to a local officer, whatever purpose is given.
/// </summary>
public sealed class PhotoAccess(Caller caller, DisclosurePolicy disclosure, BriefingFactsView briefings)
{
    public async Task EnsureMaySeeAsync(Guid personId, CancellationToken cancellationToken)
    {
        await disclosure.ForPersonAsync(personId, cancellationToken);
        if (caller.Role != Role.LocalOfficer) return;
        var view = await briefings.CurrentAsync(cancellationToken);
        if (view.Find(personId) is not { } facts || !InSomeBriefing(facts))
            throw new AccessDeniedException("A local officer sees the photos of people in or barred from a beat (the people of a briefing); this person is in none.", ErrorReason.NotYourCase);
    }

    /// <summary>Lives in one of the force's areas, or is barred from one by a live order's exclusion zone.</summary>
    public static bool InSomeBriefing(BriefingFacts facts) =>
        facts.AreaCode is not null ||
        facts.Orders.SelectMany(o => o.Conditions).OfType<ExclusionZoneCondition>().Any(z => z.IsInForce && z.Areas.Count > 0);
}
