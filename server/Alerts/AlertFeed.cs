using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;

namespace OffenderMgmt.Server.Alerts;

/// <summary>
/// Writes alerts with the changes they report, and wakes watchers once those changes commit,
/// on this instance or (through the change log) on any other. Watchers read from the database
/// after the last alert they sent, in commit order (<see cref="AlertCursor"/>), so a wake-up
/// missed or doubled costs nothing: the database is the record, the signal only says "look now".
/// </summary>
public sealed class AlertFeed : IChangeObserver
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AlertFeed(ChangeFeed changes) => changes.Observe(this);

    public ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.Alerts) Signal();
        return ValueTask.CompletedTask;
    }

    /// <summary>Completes the next time alerts are committed.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Adds an alert to the unit of work, for every area it concerns.</summary>
    public static void Raise(OffenderMgmtDb db, ForceClock clock, AlertKind kind, IEnumerable<string?> areaCodes, Guid? personId, Guid? officerId, Guid? orderId, Guid? breachId, string summary)
    {
        var areas = areaCodes.Where(a => !string.IsNullOrEmpty(a)).Distinct().ToList();
        // An officer watching their own work hears of it even when it happens outside the force's areas.
        if (areas.Count == 0) areas.Add(null);
        foreach (var area in areas)
        {
            db.Set<AlertEvent>().Add(new AlertEvent
            {
                At = clock.Now, Kind = kind, AreaCode = area, PersonId = personId, OfficerId = officerId, OrderId = orderId, BreachId = breachId,
                Summary = summary.Length > 1000 ? summary[..1000] : summary,
            });
        }
    }

    /// <summary>Alerts committed after <paramref name="after"/> for an area or an officer, in commit order.</summary>
    public static async Task<IReadOnlyList<AlertEvent>> AfterAsync(OffenderMgmtDb db, string? areaCode, Guid? officerId, AlertCursor after, int max, CancellationToken cancellationToken)
    {
        var (position, id) = (after.Position, after.Id);
        var events = db.Set<AlertEvent>().AsNoTracking().Where(e => e.ChangePosition > position || (e.ChangePosition == position && e.Id > id));
        events = areaCode is not null ? events.Where(e => e.AreaCode == areaCode) : events.Where(e => e.OfficerId == officerId);
        return await events.OrderBy(e => e.ChangePosition).ThenBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>Where a stream starts: after the newest committed alert.</summary>
    public static async Task<AlertCursor> LatestAsync(OffenderMgmtDb db, CancellationToken cancellationToken) =>
        await db.Set<AlertEvent>().OrderByDescending(e => e.ChangePosition).ThenByDescending(e => e.Id)
            .Select(e => new AlertCursor(e.ChangePosition, e.Id)).FirstOrDefaultAsync(cancellationToken) ?? AlertCursor.Start;

    /// <summary>
    /// Where a stream resumes after the alert a watcher last saw (on any instance): just after
    /// it in commit order. An id that names no alert resumes after the alerts numbered below it.
    /// </summary>
    public static async Task<AlertCursor> AfterEventAsync(OffenderMgmtDb db, long eventId, CancellationToken cancellationToken)
    {
        var seen = await db.Set<AlertEvent>().Where(e => e.Id == eventId).Select(e => (long?)e.ChangePosition).FirstOrDefaultAsync(cancellationToken);
        if (seen is { } position) return new AlertCursor(position, eventId);
        var before = await db.Set<AlertEvent>().Where(e => e.Id < eventId).MaxAsync(e => (long?)e.ChangePosition, cancellationToken) ?? 0;
        return new AlertCursor(before, eventId);
    }
}

/// <summary>A place in the alerts' commit order: the change-log position, then the id within it.</summary>
public sealed record AlertCursor(long Position, long Id)
{
    public static readonly AlertCursor Start = new(0, 0);

    public static AlertCursor Of(AlertEvent e) => new(e.ChangePosition, e.Id);
}
