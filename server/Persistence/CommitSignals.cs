using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence.Changes;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// The one place where a write's commit is seen. It notes what each save changes (people,
/// orders, conditions, zones, officers and teams, accounts, areas, alerts) and, as the transaction
/// commits, writes that down as a change-log row in the same transaction
/// (<see cref="ChangeLogWriter"/>: commit-ordered, and on PostgreSQL a NOTIFY that wakes every
/// instance). Once committed it wakes this instance's <see cref="ChangeFeed"/> and alert
/// watchers; every view catches up from the log before it answers, so this instance and every
/// other one answer with the change. A change rolled back writes and signals nothing.
/// </summary>
public sealed class CommitSignals(ChangeFeed feed, AlertFeed alerts, TimeProvider time) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>What a context's saves have changed and not yet committed.</summary>
    private sealed class Pending
    {
        public ChangeSet Changes { get; } = new();
        public List<AlertEvent> Alerts { get; } = [];
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

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Changes.IsEmpty)
            await ChangeLogWriter.WriteAsync(context, transaction, pending.Changes, AlertIds(pending), time.GetUtcNow(), cancellationToken);
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Changes.IsEmpty)
            ChangeLogWriter.WriteAsync(context, transaction, pending.Changes, AlertIds(pending), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
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

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Before saving (a deleted row's entry is gone afterwards): what the save changes.</summary>
    private void Note(DbContext? context)
    {
        if (context is null) return;
        Pending? pending = null;
        ChangeSet Mark() => (pending ??= _pending.GetOrCreateValue(context)).Changes;
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
                case Identification.PersonIdentifier { IsCasework: false } identifier:
                    // A briefing entry carries the person's current marks and vehicles (issue 18).
                    Mark().People.Add(identifier.PersonId);
                    break;
                case Address or PersonAlias:
                    // Owned by a person, keyed by the person's id.
                    if (entry.Property("PersonId").CurrentValue is Guid owner) Mark().People.Add(owner);
                    break;
                case Officer or Team:
                    Mark().Contacts = true;
                    break;
                case Security.UserAccount when entry.State != EntityState.Modified || entry.Property(nameof(Security.UserAccount.DisplayName)).IsModified:
                    // What WhoAmI answers (not a sign-in's own update of its counts and times).
                    Mark().Accounts = true;
                    break;
                case Area:
                    Mark().Areas = true;
                    break;
                case AlertEvent alert:
                    Mark().Alerts = true;
                    if (entry.State == EntityState.Added) pending!.Alerts.Add(alert);
                    break;
            }
        }
        // A save outside a transaction must still commit its change-log row with it: make EF
        // open one even for a single statement (it would otherwise skip it).
        if (pending is not null && context.Database.CurrentTransaction is null)
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>The alerts the transaction wrote, numbered by now.</summary>
    private static List<long> AlertIds(Pending pending) => pending.Alerts.Select(a => a.Id).Where(id => id > 0).Distinct().ToList();

    private void Release(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        if (pending.Changes.IsEmpty) return;
        feed.Nudge();
        if (pending.Changes.Alerts) alerts.Signal();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
