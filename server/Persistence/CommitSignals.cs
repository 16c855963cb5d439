using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// Tells the in-memory views when the database has changed under them, and only once the
/// change is committed: the zone index goes stale when orders or conditions change, and alert
/// watchers wake when an alert is written. A change rolled back signals nothing.
/// </summary>
public sealed class CommitSignals(ZoneIndexHolder zones, AlertFeed alerts) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    [Flags]
    private enum Pending { None = 0, Zones = 1, Alerts = 2 }

    private readonly ConditionalWeakTable<DbContext, StrongBox<Pending>> _pending = new();

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

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var pending = Pending.None;
        if (changed.Any(e => e.Entity is Order or Condition or ExclusionZoneArea)) pending |= Pending.Zones;
        if (changed.Any(e => e.Entity is AlertEvent)) pending |= Pending.Alerts;
        if (pending == Pending.None) return;
        _pending.GetOrCreateValue(context).Value |= pending;
    }

    private void Release(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var box)) return;
        var pending = box.Value;
        box.Value = Pending.None;
        if (pending.HasFlag(Pending.Zones)) zones.Invalidate();
        if (pending.HasFlag(Pending.Alerts)) alerts.Signal();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var box)) box.Value = Pending.None;
    }
}
