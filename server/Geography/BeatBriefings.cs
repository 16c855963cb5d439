using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Geography;

/// <summary>A zone that touches a beat, with whose it is and whether it binds now.</summary>
public sealed record BriefedZone(ZoneEntry Zone, string PersonName, bool InForceNow, bool PersonLivesHere);

public sealed record Briefing(Area Area, IReadOnlyList<BriefedPerson> Residents, IReadOnlyList<BriefedPerson> Excluded, IReadOnlyList<BriefedZone> Zones, DateTimeOffset GeneratedAt);

/// <summary>
/// What a local officer needs to know about a beat: everyone living there who is managed or
/// under a live order, highest risk first; every active exclusion zone touching it (whoever's it
/// is); and the people barred from it who live elsewhere. Lookups only: which beat an address or
/// a zone belongs to was decided when it was written (DESIGN.md section 4).
/// </summary>
public sealed class BeatBriefings(BriefingPeople people, ZoneIndexHolder zones, AreaIndexHolder areas, ForceClock clock)
{
    public async Task<Briefing> GetAsync(string areaCode, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var code = v.Required("area_code", areaCode, 20);
        v.ThrowIfInvalid();
        // The view first: catching up with the change log reloads the area index after a re-import.
        var view = await people.CurrentAsync(cancellationToken);
        var area = areas.Current.Stored(code) ?? throw new NotFoundException("area", code, "area_code");

        var residentIds = view.LivingIn(code).Select(f => f.Person.Id).ToList();
        var index = await zones.CurrentAsync(cancellationToken);
        var touching = index.TouchingArea(code).Where(z => z.InDateOn(clock.Today)).ToList();
        var residents = residentIds.ToHashSet();
        var excludedIds = touching.Select(z => z.PersonId).Where(id => !residents.Contains(id)).Distinct().ToList();

        var all = await people.LoadAsync(residentIds.Concat(excludedIds).ToList(), p => residents.Contains(p.Id), _ => null, cancellationToken);
        var names = all.ToDictionary(p => p.Person.Id, p => p.Person.DisplayName);
        var local = clock.ToLocal(clock.Now).DateTime;
        return new Briefing(
            area,
            BriefingPeople.ByRisk(all.Where(p => p.LivesHere)).ToList(),
            BriefingPeople.ByRisk(all.Where(p => !p.LivesHere)).ToList(),
            touching.Select(z => new BriefedZone(z, names.GetValueOrDefault(z.PersonId, ""), z.BindsAt(local), residents.Contains(z.PersonId)))
                .OrderByDescending(z => z.InForceNow).ThenBy(z => z.Zone.ZoneName).ThenBy(z => z.Zone.ConditionId).ToList(),
            clock.Now);
    }
}
