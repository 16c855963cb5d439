using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// One single-row INSERT compiled once on a SQLite connection and run again for every row, its
/// values bound by position through SQLitePCL's statement API. Microsoft.Data.Sqlite binds every
/// parameter by name (a scan of the statement's names and a UTF-8 copy of each name, every time
/// a command runs), which was a fifth of the audit writer's time in its inserts
/// (docs/benchmarks.md, "2026-12-03"). Values are those the EF model's mappings hand the provider
/// (<see cref="AuditInserts"/>), stored in the forms Microsoft.Data.Sqlite gives them: integers as
/// INTEGER, strings as TEXT, a Guid as upper-case TEXT, null as NULL
/// (<c>AuditBatchInsertTests.On_sqlite_the_batch_stores_every_column_in_the_same_form_as_EF_does</c>).
/// <para>
/// It runs in whatever transaction the connection is in (the writer's batch), on the writer's
/// one thread, and must be disposed before its connection is closed.
/// </para>
/// </summary>
internal sealed class SqliteRowInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteRowInsert(sqlite3 db, sqlite3_stmt statement) => (_db, _statement) = (db, statement);

    /// <summary>The connection's native handle, which the statement is compiled on.</summary>
    public sqlite3 Connection => _db;

    public static SqliteRowInsert Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return new SqliteRowInsert(db, statement!);
    }

    /// <summary>Inserts one row: <paramref name="values"/> in the statement's parameter order.</summary>
    public void Insert(ReadOnlySpan<object> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++) Check(Bind(i + 1, values[i]));
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            // Ready for the next row whatever happened; a failed step's error has been read above.
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private int Bind(int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        short number => raw.sqlite3_bind_int64(_statement, index, number),
        byte number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(_statement, index, real),
        // As Microsoft.Data.Sqlite binds a Guid to a parameter whose type is not BLOB (EF's TEXT column).
        Guid id => raw.sqlite3_bind_text(_statement, index, id.ToString().ToUpperInvariant()),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new NotSupportedException($"An audit column's value of type {value.GetType().Name} has no SQLite binding here; add one with its test."),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
