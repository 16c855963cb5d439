using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Geography;

/// <summary>A person as a local officer needs to know them (briefing-level only).</summary>
public sealed record BriefedPerson(
    Person Person, RiskLevel Risk, IReadOnlyList<string> Schemes, IReadOnlyList<Order> Orders, Officer? Contact, Team? ContactTeam,
    string WhatToDo, bool LivesHere, double? DistanceMetres);

/// <summary>
/// Loads everything a briefing says about a set of people in a handful of queries: their live
/// orders and conditions, their managements (for risk and schemes) and whom to call.
/// </summary>
public sealed class BriefingPeople(OffenderMgmtDb db, ZoneIndexHolder zoneIndex, ForceClock clock)
{
    /// <summary>People who are managed or under a live order (the ones a briefing is about), among those given.</summary>
    public IQueryable<Person> Managed(IQueryable<Person> people) =>
        people.Where(p => db.Managements.Any(m => m.PersonId == p.Id && m.Status == ManagementStatus.Active) ||
                          db.Orders.Any(o => o.PersonId == p.Id && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired));

    public async Task<IReadOnlyList<BriefedPerson>> LoadAsync(IReadOnlyCollection<Guid> personIds, Func<Person, bool> livesHere, Func<Person, double?> distance, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0) return [];
        var ids = personIds.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        // Only what a briefing says of a case: a whole Management row (notification details, risk
        // assessment...) cost a third of a busy ward's briefing to read.
        var managements = (await db.Managements.AsNoTracking().Where(m => ids.Contains(m.PersonId) && m.Status == ManagementStatus.Active)
                .Select(m => new CaseFacts(m.PersonId, m.Scheme, m.Register, m.MappaCategory, m.MappaLevel, m.CohortType, m.OcgReference, m.RiskLevel, m.ResponsibleOfficerId, m.OwningTeamId))
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.PersonId);
        var orders = (await LiveOrdersAsync(ids, await zoneIndex.CurrentAsync(cancellationToken), cancellationToken)).ToLookup(o => o.PersonId);
        var officerIds = managements.SelectMany(g => g.Select(m => m.ResponsibleOfficerId)).Concat(orders.SelectMany(g => g.Select(o => o.LeadOfficerId))).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var teamIds = officers.Values.Select(o => o.TeamId).Concat(managements.SelectMany(g => g.Select(m => m.OwningTeamId))).Concat(orders.SelectMany(g => g.Select(o => o.OwningTeamId))).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var associateIds = orders.SelectMany(g => g.SelectMany(o => o.Conditions)).OfType<NonAssociationCondition>().SelectMany(c => c.Associates).Select(a => a.PersonId).OfType<Guid>().Distinct().ToList();
        var associateNames = await db.NamesOfAsync(associateIds, cancellationToken);

        return people.Select(person =>
        {
            var cases = managements[person.Id].OrderByDescending(m => m.RiskLevel).ToList();
            var live = orders[person.Id].OrderBy(o => o.Type).ToList();
            var risk = cases.Count > 0 ? cases[0].RiskLevel : RiskLevel.Unspecified;
            var lead = cases.Select(m => m.ResponsibleOfficerId).Concat(live.Select(o => o.LeadOfficerId)).OfType<Guid>().FirstOrDefault();
            var contact = lead == Guid.Empty ? null : officers.GetValueOrDefault(lead);
            var teamId = contact?.TeamId ?? cases.Select(m => (Guid?)m.OwningTeamId).FirstOrDefault() ?? live.Select(o => (Guid?)o.OwningTeamId).FirstOrDefault();
            var team = teamId is { } t ? teams.GetValueOrDefault(t) : null;
            return new BriefedPerson(person, risk, cases.Select(Describe).ToList(), live, contact, team,
                WhatToDo(person, live, contact, team, associateNames), livesHere(person), distance(person));
        }).ToList();
    }

    /// <summary>
    /// The people's live orders with their current conditions and each zone's areas. Three
    /// plain queries keyed on ids: an Include would re-join Orders in every part of a split
    /// query, which was most of a busy ward's briefing.
    /// </summary>
    private async Task<List<Order>> LiveOrdersAsync(List<Guid> personIds, ZoneIndex zones, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => personIds.Contains(o.PersonId) && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired)
            .ToListAsync(cancellationToken);
        if (orders.Count == 0) return orders;
        var orderIds = orders.Select(o => o.Id).ToList();
        var conditions = await db.Conditions.AsNoTracking().Where(c => orderIds.Contains(c.OrderId) && c.RemovedOn == null).ToListAsync(cancellationToken);
        // A served zone's areas are in the zone index already; only zones of unserved orders are read.
        var unindexed = conditions.OfType<ExclusionZoneCondition>().Where(z => zones.ForCondition(z.Id) is null).Select(z => z.Id).ToList();
        var zoneAreas = (unindexed.Count == 0 ? [] : await db.ExclusionZoneAreas.AsNoTracking().Where(a => unindexed.Contains(a.ConditionId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ConditionId);
        foreach (var zone in conditions.OfType<ExclusionZoneCondition>())
            zone.Areas.AddRange(zones.ForCondition(zone.Id)?.Condition.Areas ?? zoneAreas[zone.Id]);
        var byOrder = conditions.OrderBy(c => c.AddedOn).ThenBy(c => c.Id).ToLookup(c => c.OrderId);
        foreach (var order in orders) order.Conditions.AddRange(byOrder[order.Id]);
        return orders;
    }

    public static IEnumerable<BriefedPerson> ByRisk(IEnumerable<BriefedPerson> people) =>
        people.OrderByDescending(p => p.Risk).ThenByDescending(p => p.Orders.Count).ThenBy(p => p.Person.SortName).ThenBy(p => p.Person.Id);

    private sealed record CaseFacts(
        Guid PersonId, Scheme Scheme, Register Register, int? MappaCategory, int? MappaLevel, IomCohortType? CohortType, string? OcgReference,
        RiskLevel RiskLevel, Guid? ResponsibleOfficerId, Guid OwningTeamId);

    private static string Describe(CaseFacts m) => m.Scheme switch
    {
        Scheme.Vsomt => m.Register == Register.RegisteredSexOffender
            ? $"VSOMT: registered sex offender (MAPPA {m.MappaCategory}, level {m.MappaLevel})"
            : $"VSOMT: registered violent offender (MAPPA {m.MappaCategory}, level {m.MappaLevel})",
        Scheme.Iom => $"IOM: {m.CohortType} cohort",
        _ => $"Serious organised crime: lifetime management ({m.OcgReference})",
    };

    /// <summary>What a local officer should do if they see the person, in plain words.</summary>
    private string WhatToDo(Person person, IReadOnlyList<Order> orders, Officer? contact, Team? team, IReadOnlyDictionary<Guid, string> names)
    {
        var lines = new List<string>();
        if (person.CustodyStatus == CustodyStatus.InCustody)
            lines.Add($"In custody{(person.ExpectedReleaseDate is { } r ? $", release expected {r:yyyy-MM-dd}" : "")}: if seen, they may have been released early or be unlawfully at large; report it.");
        var today = clock.Today;
        foreach (var order in orders.Where(o => o.ServedAt is not null && o.IsEnforceableOn(today)))
        {
            foreach (var condition in order.Conditions)
            {
                switch (condition)
                {
                    case ExclusionZoneCondition z:
                        lines.Add($"Must not enter {z.ZoneName}{(z.Windows.Count > 0 ? $" ({string.Join(", ", z.Windows.Select(w => w.Describe()))})" : "")}.");
                        break;
                    case CurfewCondition c:
                        lines.Add($"Must be at {(c.AddressText.Length > 0 ? c.AddressText : "home")} {string.Join(", ", c.Windows.Select(w => w.Describe()).Distinct())}.");
                        break;
                    case NonAssociationCondition n:
                        lines.Add($"Must not be with {string.Join(", ", n.Associates.Select(a => a.PersonId is { } id && names.TryGetValue(id, out var name) ? name : a.Description))}.");
                        break;
                }
            }
        }
        if (orders.Any(o => o.ServedAt is null)) lines.Add("An order has been made but not yet served: if you meet them, it may be served on them; contact the lead officer.");
        if (person.WarningMarkers != WarningMarkers.None)
            lines.Add($"Warning markers: {person.WarningMarkers.ToString().ToLowerInvariant()}. {(person.WarningMarkers.HasFlag(WarningMarkers.Weapons) || person.WarningMarkers.HasFlag(WarningMarkers.Firearms) || person.WarningMarkers.HasFlag(WarningMarkers.Violent) ? "Do not approach alone." : "")}".Trim());
        lines.Add("If seen, run a sighting check: it says whether this is a breach.");
        lines.Add(contact is not null
            ? $"Tell {contact.DisplayName} ({contact.CollarNumber}) on {contact.Phone} of any sighting or breach."
            : $"Nobody holds this case at present: call {team?.Name ?? "the owning team"}{(team is { Phone.Length: > 0 } ? $" on {team.Phone}" : "")}.");
        return string.Join(" ", lines);
    }
}
