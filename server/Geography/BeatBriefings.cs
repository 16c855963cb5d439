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
/// a zone belongs to was decided when it was written (DESIGN.md section 4). The people are kept
/// per beat until the view, the zones, the areas or the date change (<see cref="BriefingWards"/>).
/// </summary>
public sealed class BeatBriefings(BriefingPeople people, BriefingWards wards, ZoneIndexHolder zones, AreaIndexHolder areas, ForceClock clock)
{
    public async Task<Briefing> GetAsync(string areaCode, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var code = v.Required("area_code", areaCode, 20);
        v.ThrowIfInvalid();
        // The view first: catching up with the change log reloads the area index after a re-import.
        var view = await people.CurrentAsync(cancellationToken);
        // Read before anything the entry is made from, so an entry is never older than its key.
        var version = view.Version;
        var areaIndex = areas.Current;
        var area = areaIndex.Stored(code) ?? throw new NotFoundException("area", code, "area_code");
        var index = await zones.CaughtUpAsync(cancellationToken);  // the view's catch-up just now was for both
        var key = new BriefingWards.Key(version, index, areaIndex, clock.Today);
        var ward = wards.Find(code, key) ?? wards.Keep(code, await WardAsync(code, key, view, cancellationToken));

        var local = clock.ToLocal(clock.Now).DateTime;
        return new Briefing(
            area, ward.Residents, ward.Excluded,
            ward.Touching.Select(z => new BriefedZone(z, ward.Names.GetValueOrDefault(z.PersonId, ""), z.BindsAt(local), ward.ResidentIds.Contains(z.PersonId)))
                .OrderByDescending(z => z.InForceNow).ToList(),  // stable: name and condition order within each
            clock.Now);
    }

    private async Task<BriefingWards.Ward> WardAsync(string code, BriefingWards.Key key, BriefingFactsView view, CancellationToken cancellationToken)
    {
        var residentIds = view.LivingIn(code).Select(f => f.Person.Id).ToList();
        var touching = key.Zones.TouchingArea(code).Where(z => z.InDateOn(key.Today))
            .OrderBy(z => z.ZoneName).ThenBy(z => z.ConditionId).ToList();
        var residents = residentIds.ToHashSet();
        var excludedIds = touching.Select(z => z.PersonId).Where(id => !residents.Contains(id)).Distinct().ToList();

        var all = await people.LoadAsync(residentIds.Concat(excludedIds).ToList(), p => residents.Contains(p.Id), _ => null, cancellationToken, key.Today);
        return new BriefingWards.Ward(
            key,
            BriefingPeople.ByRisk(all.Where(p => p.LivesHere)).ToList(),
            BriefingPeople.ByRisk(all.Where(p => !p.LivesHere)).ToList(),
            touching,
            all.ToDictionary(p => p.Person.Id, p => p.Person.DisplayName),
            residents);
    }
}
