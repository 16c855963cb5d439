using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// Tells the in-memory views when the database has changed under them, and only once the
/// change is committed: the zone index goes stale when orders or conditions change, the
/// briefing view reloads the people whose person, address, cases, orders or conditions changed
/// (and its officers and teams when those change), and alert watchers wake when an alert is
/// written. A change rolled back signals nothing.
/// </summary>
public sealed class CommitSignals(ZoneIndexHolder zones, BriefingFactsView briefingFacts, AlertFeed alerts) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>What a context's saves have changed and not yet committed.</summary>
    private sealed class Pending
    {
        public bool Zones { get; set; }
        public bool Alerts { get; set; }
        public bool Contacts { get; set; }
        public HashSet<Guid> People { get; } = [];
        public HashSet<Guid> Orders { get; } = [];
        public HashSet<Guid> Conditions { get; } = [];

        public bool ForBriefings => Contacts || People.Count > 0 || Orders.Count > 0 || Conditions.Count > 0;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Without an explicit transaction, SaveChanges committed its own.
        if (eventData.Context?.Database.CurrentTransaction is null) Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Release(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Before saving (a deleted row's entry is gone afterwards): what the save changes.</summary>
    private void Note(DbContext? context)
    {
        if (context is null) return;
        Pending? pending = null;
        Pending Mark() => pending ??= _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Order order:
                    Mark().Zones = true;
                    Mark().People.Add(order.PersonId);
                    break;
                case Condition condition:
                    Mark().Zones = true;
                    Mark().Orders.Add(condition.OrderId);
                    break;
                case ExclusionZoneArea zoneArea:
                    Mark().Zones = true;
                    Mark().Conditions.Add(zoneArea.ConditionId);
                    break;
                case Person person:
                    Mark().People.Add(person.Id);
                    break;
                case Management management:
                    Mark().People.Add(management.PersonId);
                    break;
                case Photos.PersonPhoto photo:
                    // A briefing entry carries the person's current photo.
                    Mark().People.Add(photo.PersonId);
                    break;
                case Address or PersonAlias:
                    // Owned by a person, keyed by the person's id.
                    if (entry.Property("PersonId").CurrentValue is Guid owner) Mark().People.Add(owner);
                    break;
                case Officer or Team:
                    Mark().Contacts = true;
                    break;
                case AlertEvent:
                    Mark().Alerts = true;
                    break;
            }
        }
    }

    private void Release(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        if (pending.Zones) zones.Invalidate();
        if (pending.ForBriefings) briefingFacts.Changed(pending.People, pending.Orders, pending.Conditions, pending.Contacts);
        if (pending.Alerts) alerts.Signal();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
