using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// Reads what a person's notification duty is derived from: their registration, their served
/// SHPOs and SPOs, their custody and releases, and the notifications they have given. Changes
/// made in the current unit of work and not yet saved count, so the duty is right before the
/// write that changed it commits.
/// </summary>
public sealed class NotificationFactsLoader(OffenderMgmtDb db, ForceClock clock)
{
    public async Task<(NotificationFacts Facts, Management? Registration, Person Person)> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
                     ?? throw new NotFoundException("person", personId.ToString(), "person_id");
        var managements = await TrackedAsync(db.Managements, m => m.PersonId == personId, cancellationToken);
        var rso = managements.FirstOrDefault(m => m.IsActive && m.Register == Register.RegisteredSexOffender);
        var orders = await TrackedAsync(db.Orders, o => o.PersonId == personId &&
            (o.Type == OrderType.SexualHarmPreventionOrder || o.Type == OrderType.StalkingProtectionOrder), cancellationToken);
        var releases = await TrackedAsync(db.CustodyReleases, r => r.PersonId == personId, cancellationToken);
        var notifications = await TrackedAsync(db.OffenderNotifications, n => n.PersonId == personId, cancellationToken);

        var registration = rso is null ? null : RegistrationFacts.Of(rso);
        var facts = new NotificationFacts(
            registration,
            orders.Where(o => o.ServedAt is not null)
                .Select(o => new DutyOrderFacts(o.Id, o.Type, LocalDay(o.ServedAt!.Value), o.StartsOn, o.EndsOn,
                    o.Status is OrderStatus.Discharged or OrderStatus.Expired))
                .ToList(),
            person.CustodyStatus == CustodyStatus.InCustody,
            releases.Select(r => (DateOnly?)r.ReleasedOn).Max(),
            notifications.OrderBy(x => x.NotifiedAt)
                .Select(x => new NotificationFact(x.Kind, x.NotifiedAt, LocalDay(x.NotifiedAt), x.EffectiveOn, x.NoFixedAbode, x.DepartsAt, x.Destination, x.ReturnOn, x.Late, x.Judgement))
                .ToList(),
            rso?.ReactiveReviewOn);
        return (facts, rso, person);
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToLocal(at).DateTime);

    /// <summary>The rows matching, as saved and as changed (or added) in this unit of work.</summary>
    private async Task<List<T>> TrackedAsync<T>(DbSet<T> set, Expression<Func<T, bool>> where, CancellationToken cancellationToken) where T : class
    {
        var found = await set.Where(where).ToListAsync(cancellationToken);
        var matches = where.Compile();
        foreach (var local in set.Local.Where(matches))
            if (!found.Contains(local)) found.Add(local);
        return found.Where(e => db.Entry(e).State != EntityState.Deleted).ToList();
    }
}
