using Microsoft.EntityFrameworkCore;
using Npgsql;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Start-up work that must not run twice at once (migrations, demo seeding): on PostgreSQL a
/// transaction-level advisory lock (<c>pg_advisory_xact_lock</c>) in a transaction of its own,
/// left open on a connection of its own until disposed, so instances started at the same moment
/// do it one after another. Transaction-level rather than session-level so that it holds behind
/// pgbouncer in transaction pooling mode (issue 15): there an open transaction keeps its one
/// server connection, whereas a session lock would stay behind on a pooled server connection
/// that the next client inherits (re-entrant for it) and the unlock could run on another. If the
/// instance dies, its transaction ends with its connection and the lock goes with it. SQLite
/// serves one instance: nothing to take.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "OMSTART" in ASCII.</summary>
    public const long Key = 0x4F4D_5354_4152_54;

    private readonly NpgsqlConnection? _connection;
    private readonly NpgsqlTransaction? _transaction;

    private StartupLock(NpgsqlConnection? connection, NpgsqlTransaction? transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<StartupLock> TakeAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null, null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // No command timeout: the wait lasts as long as another instance's migration and
            // seeding (the start-up's own cancellation still ends it).
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Key})", connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Ending the transaction releases the lock (it wrote nothing: a rollback is the same as a commit).
        if (_connection is null) return;
        try
        {
            await _transaction!.RollbackAsync();
        }
        finally
        {
            await _transaction!.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
