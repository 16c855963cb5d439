using Microsoft.Data.Sqlite;
using Npgsql;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// What a database failure means, in the same words on either engine: a unique key already held
/// (someone else took the username, the request id, the task's source key or the audit sequence
/// first), or a passing fault worth trying again.
/// </summary>
public static class DatabaseErrors
{
    // https://www.sqlite.org/rescode.html: SQLITE_CONSTRAINT (19), extended _PRIMARYKEY (1555) and _UNIQUE (2067).
    private const int SqliteConstraint = 19, SqlitePrimaryKey = 1555, SqliteUnique = 2067;
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the lock for now.
    private const int SqliteBusy = 5, SqliteLocked = 6;

    /// <summary>True when the failure (or one it wraps) is a unique or primary key violation.</summary>
    public static bool IsUniqueViolation(Exception exception) => Causes(exception).Any(e => e switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,  // 23505
        _ => false,
    });

    /// <summary>True when trying the same work again may succeed (lost connection, deadlock, serialization failure, lock held).</summary>
    public static bool IsTransient(Exception exception) => Causes(exception).Any(e => e switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        NpgsqlException n => n.IsTransient,
        _ => false,
    });

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
