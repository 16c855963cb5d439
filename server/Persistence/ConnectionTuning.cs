using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// Gives each SQLite connection a page cache and a memory map sized for a force's database,
/// once per physical connection (the pool hands the same handle out again and again). SQLite's
/// default 2 MiB cache holds a sliver of a national-scale file, so a briefing that reads a few
/// hundred scattered rows went to the operating system for nearly every page.
/// </summary>
public sealed class ConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";

    // Keyed on the native handle, which outlives the SqliteConnection objects the pool wraps round it.
    private readonly ConditionalWeakTable<object, object> _tuned = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection) is { } sqlite) Tune(sqlite);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection) is { } sqlite) Tune(sqlite);
        return Task.CompletedTask;
    }

    /// <summary>The connection, if it is to a database file and its handle has not been tuned yet.</summary>
    private SqliteConnection? NeedsTuning(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return null;
        // In-memory databases (tests) have nothing to map.
        if (sqlite.DataSource.Length == 0 || sqlite.DataSource == ":memory:") return null;
        return _tuned.TryGetValue(handle, out _) ? null : sqlite;
    }

    private void Tune(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _tuned.AddOrUpdate(connection.Handle!, connection.Handle!);
    }
}
