using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Alerts;

/// <summary>
/// Writes alerts with the changes they report, and wakes watchers once those changes commit.
/// Watchers read from the database after the last id they sent, so a wake-up missed or doubled
/// costs nothing: the database is the record, the signal only says "look now".
/// </summary>
public sealed class AlertFeed
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Alerts after <paramref name="afterId"/> for an area or an officer, oldest first.</summary>
    public static async Task<IReadOnlyList<AlertEvent>> AfterAsync(OffenderMgmtDb db, string? areaCode, Guid? officerId, long afterId, int max, CancellationToken cancellationToken)
    {
        var events = db.Set<AlertEvent>().AsNoTracking().Where(e => e.Id > afterId);
        events = areaCode is not null ? events.Where(e => e.AreaCode == areaCode) : events.Where(e => e.OfficerId == officerId);
        return await events.OrderBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
    }

    public static async Task<long> LatestIdAsync(OffenderMgmtDb db, CancellationToken cancellationToken) =>
        await db.Set<AlertEvent>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
}
