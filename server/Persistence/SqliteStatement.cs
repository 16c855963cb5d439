using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// One SQL statement compiled once on a SQLite connection and run again and again, its values
/// bound by position through SQLitePCL's statement API (the native API Microsoft.Data.Sqlite
/// itself sits on). Microsoft.Data.Sqlite binds every parameter by name (a scan of the
/// statement's names and a UTF-8 copy of each name, every time a command runs) and makes a data
/// reader, its async state and its result set for every query: for the audit writer's inserts
/// that was a fifth of their time, and for the change feed's "anything new?" query, which every
/// read asks and which nearly always answers nothing, most of its cost (docs/benchmarks.md,
/// "2026-12-03"). Values are those the EF model's mappings hand the provider, stored in the
/// forms Microsoft.Data.Sqlite gives them: integers as INTEGER, strings as TEXT, a Guid as
/// upper-case TEXT, null as NULL
/// (<c>AuditBatchInsertTests.On_sqlite_the_batch_stores_every_column_in_the_same_form_as_EF_does</c>).
/// <para>
/// It runs in whatever transaction the connection is in, is used by one thread at a time (its
/// owner's: the audit writer's loop, the change feed's gate), and must be disposed before its
/// connection is closed.
/// </para>
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement) => (_db, _statement) = (db, statement);

    /// <summary>The connection's native handle, which the statement is compiled on.</summary>
    public sqlite3 Connection => _db;

    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return new SqliteStatement(db, statement!);
    }

    /// <summary>Runs a statement that returns no rows (an INSERT): <paramref name="values"/> in the statement's parameter order.</summary>
    public void Execute(ReadOnlySpan<object> values)
    {
        try
        {
            BindAll(values);
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs a query and reads each row it returns with <paramref name="read"/> (columns by position).</summary>
    public List<T> Query<T>(ReadOnlySpan<object> values, Func<Row, T> read)
    {
        var rows = new List<T>();
        try
        {
            BindAll(values);
            var row = new Row(_statement);
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW) rows.Add(read(row));
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return rows;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The current row of a query, its columns read by position (from 0).</summary>
    public readonly struct Row
    {
        private readonly sqlite3_stmt _statement;
        internal Row(sqlite3_stmt statement) => _statement = statement;
        public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);
        public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? "";
    }

    private void BindAll(ReadOnlySpan<object> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var rc = Bind(i + 1, values[i]);
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    // Ready for the next run whatever happened; a failed step's error has been read by then.
    private void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
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
        _ => throw new NotSupportedException($"A value of type {value.GetType().Name} has no SQLite binding here; add one with its test."),
    };

    public void Dispose() => _statement.Dispose();
}
