using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// The audit writer's own session with the database: one context whose connection stays open
/// from batch to batch, and the insert and head commands prepared on it (<see cref="AuditInserts"/>).
/// A batch is one transaction: read the chain's head (under <see cref="AuditChainLock"/>), chain
/// the records after it, insert the entries and the record sets not stored before, commit. A new context and
/// connection for every batch (DI scope, pooled context, the pool's open and close, EF's
/// function registration on open) and a statement compiled for every command were most of a
/// small batch's CPU. After any failure the session is dropped, so the next batch starts on a
/// fresh connection. Not thread-safe: the writer's one loop is its only caller.
/// </summary>
public sealed class AuditBatchStore(IServiceScopeFactory scopes, AuditCommitHold hold) : IAsyncDisposable
{
    private AsyncServiceScope? _scope;
    private OffenderMgmtDb? _db;
    private readonly AuditInserts _inserts = new();

    /// <summary>
    /// Digests of record sets this writer has seen committed, so a briefing opened again sends
    /// none of its set's rows. Filled only after a commit (a set in a batch that failed is not
    /// stored); sets are never deleted (the table is append-only), so an entry stays true. When
    /// full it starts again: a set forgotten is only offered again and ignored as stored.
    /// </summary>
    private readonly HashSet<string> _storedSets = new(StringComparer.Ordinal);
    public const int StoredSetsKept = 100_000;

    /// <summary>Chains and commits the records in order after the newest entry: all of them are durable when this returns, or it throws and none is.</summary>
    public async Task CommitAsync(IReadOnlyList<AuditRecord> records)
    {
        try
        {
            var db = await SessionAsync();
            // The head is read in the batch's own transaction, under the chain lock, every time: an
            // entry may have been appended by anything but this writer (a write's turn, another
            // instance on PostgreSQL, an admin command in another process on SQLite). Keeping the
            // head this writer committed last saved one indexed read a batch and made the first
            // batch after such an append fail (AUDIT_UNAVAILABLE for every call in it).
            // In the engine's execution strategy (PostgreSQL retries a passing failure from the start).
            // A retry can follow a commit that went through but whose answer was lost (the
            // connection broke after COMMIT was sent): written again, every call in the batch would
            // be on record twice. So a retry first looks for the last attempt's newest entry, by
            // its sequence number and hash, and if it is there the batch is done (EF Core's
            // "verify succeeded" step for commit failures; see docs/DESIGN.md section 9).
            (long Sequence, string Hash)? tried = null;
            List<string> digests = [];
            await db.InTransactionAsync(async () =>
            {
                if (tried is { } last && await CommittedAsync(db, last.Sequence, last.Hash)) return;
                var head = await _inserts.HeadAsync(db, CancellationToken.None);
                var (entries, sets) = AuditLog.ChainAll(records, head, _storedSets.Contains);
                tried = (entries[^1].Sequence, entries[^1].Hash);
                digests = sets.Select(set => set.Digest).Distinct(StringComparer.Ordinal).ToList();
                await _inserts.InsertAsync(db, entries, sets, CancellationToken.None);
                await hold.BeforeCommitAsync(records);
            }, CancellationToken.None);
            if (_storedSets.Count + digests.Count > StoredSetsKept) _storedSets.Clear();
            _storedSets.UnionWith(digests);
        }
        catch
        {
            await ForgetSessionAsync();
            throw;
        }
    }

    /// <summary>Whether the entry a previous attempt chained last is in the log (rare: only on a retry).</summary>
    private static Task<bool> CommittedAsync(OffenderMgmtDb db, long sequence, string hash) =>
        db.AuditEntries.AnyAsync(e => e.Sequence == sequence && e.Hash == hash);

    private async ValueTask<OffenderMgmtDb> SessionAsync()
    {
        if (_db is { } open) return open;
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            // Opened here and kept open: the commands prepared on it live as long as it does.
            await db.Database.OpenConnectionAsync();
            (_scope, _db) = (scope, db);
            return db;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async ValueTask ForgetSessionAsync()
    {
        _inserts.Dispose();
        var (scope, db) = (_scope, _db);
        (_scope, _db) = (null, null);
        try
        {
            if (db is not null) await db.Database.CloseConnectionAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection is already broken: disposing the context lets it go all the same.
        }
        if (scope is { } s) await s.DisposeAsync();
    }

    public ValueTask DisposeAsync() => ForgetSessionAsync();
}
