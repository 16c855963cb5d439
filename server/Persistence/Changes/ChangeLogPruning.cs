using Microsoft.EntityFrameworkCore;

namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// Keeps the change log short (run by housekeeping): rows older than <see cref="Retention"/>
/// go, but never the newest, so positions keep rising and an instance can tell whether the log
/// was pruned past it (see <see cref="ChangeFeed"/>). Instances catch up within moments of a
/// commit; one that has been behind for a whole day rebuilds its views in full instead.
/// </summary>
public static class ChangeLogPruning
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Deletes the old rows; returns how many.</summary>
    public static async Task<int> PruneAsync(OffenderMgmtDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Retention;
        var newest = await db.ChangeLog.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
        return await db.ChangeLog.Where(e => e.CommittedAt < cutoff && e.Position < newest).ExecuteDeleteAsync(cancellationToken);
    }
}
