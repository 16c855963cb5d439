using Microsoft.EntityFrameworkCore;
using Npgsql;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Start-up work that must not run twice at once (migrations, demo seeding): on PostgreSQL a
/// session-level advisory lock on a connection of its own, held until disposed, so instances
/// started at the same moment do it one after another. SQLite serves one instance: nothing to take.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "OMSTART" in ASCII.</summary>
    public const long Key = 0x4F4D_5354_4152_54;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> TakeAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the session releases a session-level lock; a pooled connection is only
        // returned to the pool, so unlock first.
        if (_connection is null) return;
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
