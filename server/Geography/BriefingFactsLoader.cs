using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Reads <see cref="BriefingFacts"/> from the database: for everyone (when the view is first
/// built) or for the people a commit changed. A handful of set-based queries either way:
/// cases, orders, conditions, zone areas, people, photos, and current marks and vehicles.
/// </summary>
public sealed class BriefingFactsLoader(OffenderMgmtDb db)
{
    /// <summary>
    /// The facts of the given people who are managed or under a live order (the others have
    /// none: they are not in briefings); of every such person when <paramref name="personIds"/> is null.
    /// </summary>
    public async Task<List<BriefingFacts>> LoadAsync(IReadOnlyCollection<Guid>? personIds, CancellationToken cancellationToken)
    {
        if (personIds is { Count: 0 }) return [];
        var ids = personIds?.ToList();
        var cases = db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active);
        var orders = db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired);
        var people = Managed(db, db.People.AsNoTracking());
        if (ids is not null)
        {
            cases = cases.Where(m => ids.Contains(m.PersonId));
            orders = orders.Where(o => ids.Contains(o.PersonId));
            people = people.Where(p => ids.Contains(p.Id));
        }
        var conditions = db.Conditions.AsNoTracking().Where(c => c.RemovedOn == null && orders.Any(o => o.Id == c.OrderId));
        var zoneAreas = db.ExclusionZoneAreas.AsNoTracking().Where(a => conditions.Any(c => c.Id == a.ConditionId));

        var casesByPerson = (await cases
                .Select(m => new CaseFacts(m.PersonId, m.Scheme, m.Register, m.MappaCategory, m.MappaLevel, m.CohortType, m.OcgReference, m.RiskLevel, m.ResponsibleOfficerId, m.OwningTeamId))
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.PersonId);
        var liveOrders = await orders.ToListAsync(cancellationToken);
        var conditionList = await conditions.ToListAsync(cancellationToken);
        var areasByZone = (await zoneAreas.ToListAsync(cancellationToken)).ToLookup(a => a.ConditionId);
        foreach (var zone in conditionList.OfType<ExclusionZoneCondition>()) zone.Areas.AddRange(areasByZone[zone.Id]);
        var conditionsByOrder = conditionList.OrderBy(c => c.AddedOn).ThenBy(c => c.Id).ToLookup(c => c.OrderId);
        foreach (var order in liveOrders) order.Conditions.AddRange(conditionsByOrder[order.Id]);
        var ordersByPerson = liveOrders.OrderBy(o => o.Type).ThenBy(o => o.Id).ToLookup(o => o.PersonId);

        var loaded = await people.ToListAsync(cancellationToken);
        var photos = await Photos.PhotoAlbum.CurrentOfAsync(db, ids, cancellationToken);
        var identifiers = await Identification.IdentificationDesk.BriefingFieldsAsync(db, ids, cancellationToken);
        return loaded.Select(person =>
        {
            // Restricted: never disclosed at briefing level, so not kept where briefings read.
            person.HealthNotes = "";
            return new BriefingFacts(person, casesByPerson[person.Id].OrderByDescending(m => m.RiskLevel).ToList(), ordersByPerson[person.Id].ToList())
            {
                PhotoId = photos.TryGetValue(person.Id, out var photo) ? photo : null,
                Identifiers = identifiers[person.Id].ToList(),
            };
        }).ToList();
    }

    /// <summary>People who are managed or under a live order (the ones a briefing is about), among those given.</summary>
    public static IQueryable<Person> Managed(OffenderMgmtDb db, IQueryable<Person> people) =>
        people.Where(p => db.Managements.Any(m => m.PersonId == p.Id && m.Status == ManagementStatus.Active) ||
                          db.Orders.Any(o => o.PersonId == p.Id && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired));

    public async Task<BriefingContacts> ContactsAsync(CancellationToken cancellationToken) => new(
        await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken),
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken));

    /// <summary>Whose orders and conditions these are, for changes that named only those.</summary>
    public async Task<List<Guid>> OwnersAsync(IReadOnlyCollection<Guid> orderIds, IReadOnlyCollection<Guid> conditionIds, CancellationToken cancellationToken)
    {
        var owners = new List<Guid>();
        if (orderIds.Count > 0)
        {
            var ids = orderIds.ToList();
            owners.AddRange(await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.PersonId).ToListAsync(cancellationToken));
        }
        if (conditionIds.Count > 0)
        {
            var ids = conditionIds.ToList();
            owners.AddRange(await db.Conditions.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Join(db.Orders.AsNoTracking(), c => c.OrderId, o => o.Id, (c, o) => o.PersonId).ToListAsync(cancellationToken));
        }
        return owners;
    }
}
