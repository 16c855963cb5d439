using Microsoft.EntityFrameworkCore;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// The audit chain's turn across server instances. Each entry takes the newest entry's hash, so
/// appends must be serialised wherever they come from: in one process the
/// <see cref="AuditWriter"/> does that; with several instances on one PostgreSQL database, each
/// transaction that appends (a batch, a write's unit of work, housekeeping) first takes this
/// transaction-level advisory lock, held until it commits or rolls back. PostgreSQL releases
/// the lock only after the commit is visible, and the next holder reads the chain's tail in a
/// statement after taking it (READ COMMITTED: a fresh snapshot per statement), so it always
/// chains after the last committed entry. SQLite has one writer and one instance: nothing to take.
/// </summary>
public static class AuditChainLock
{
    /// <summary>The advisory lock's key: "OMAUDIT" in ASCII, so it is recognisable in pg_locks.</summary>
    public const long Key = 0x4F4D_4155_4449_54;

    /// <summary>Waits until this transaction holds the chain. Taking it again in the same transaction is harmless.</summary>
    public static async Task TakeAsync(Persistence.OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The audit chain lock is held to commit, so it must be taken inside a transaction.");
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
    }
}
