using Microsoft.EntityFrameworkCore;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// Transactions the application opens, run under the engine's execution strategy. On
/// PostgreSQL the strategy retries a unit of work that failed for a passing reason (a lost
/// connection, a deadlock, a serialization failure), and it refuses a transaction opened outside
/// it; on SQLite it runs the work once.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it. A retry starts again from
    /// what the database holds: whatever the failed attempt left in the context is forgotten.
    /// Already inside a transaction, the work simply joins it.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this OffenderMgmtDb db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        var attempt = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            // Past this point the work is done: finish it even if the caller has gone.
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        });
    }

    public static Task InTransactionAsync(this OffenderMgmtDb db, Func<Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () => { await work(); return true; }, cancellationToken);
}
