using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Idempotency;

/// <summary>
/// Keeps the saved answers to retried writes to what a retry needs (run by housekeeping): a
/// caller retries within minutes, or after an outage within hours, so an answer is kept for
/// <see cref="Retention"/> and then goes. A request id older than that is no longer recognised
/// and would be done again. Answers blanked by a disposal (<see cref="IdempotencyRecord.ErasedAt"/>)
/// are kept: they hold no data any more, and keeping them is what refuses a late retry that
/// would otherwise make the disposed record anew.
/// </summary>
public static class IdempotencyPruning
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Deletes the saved answers older than <see cref="Retention"/>; returns how many.</summary>
    public static Task<int> PruneAsync(OffenderMgmtDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Retention;
        return db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff && r.ErasedAt == null).ExecuteDeleteAsync(cancellationToken);
    }
}
