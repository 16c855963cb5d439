using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Numerics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// Inserts chained audit entries and their record sets with multi-row INSERT commands on the
/// context's connection and transaction, without EF's change tracking (which was 15 to 19% of a
/// cheap read's server time, docs/benchmarks.md). The rows are exactly those EF would write:
/// table, column names and every value's conversion (the instant as UTC ticks on SQLite, the
/// officer's Guid as SQLite's text, the action as its number) come from the EF model's own type
/// mappings, so VerifyChain and every reader see no difference.
/// <para>
/// One instance belongs to one writer (it is not thread-safe) and keeps its commands while the
/// connection stays the same: each command inserts a fixed number of rows (a power of two, up to
/// <see cref="RowsPerCommand"/>), so a handful of commands cover every batch, and each is
/// prepared once (SQLite keeps a command's compiled statement while its connection is open)
/// and bound again with new values in the same parameter objects. Preparing a statement anew
/// for every command was 15% of the batch's CPU, and the named parameters' lookup (quadratic
/// in a command's parameters) another 11% (docs/benchmarks.md, "The audit batch, per entry and
/// per reference row").
/// </para>
/// <para>
/// On SQLite the rows go in one at a time through a single-row statement bound by position
/// (<see cref="SqliteStatement"/>): SQLite runs a compiled statement again for little more than
/// the row's own B-tree work, and the binding by name that Microsoft.Data.Sqlite does for every
/// command was a fifth of the inserts' time. PostgreSQL keeps the multi-row commands (one round
/// trip for many rows).
/// </para>
/// </summary>
public sealed class AuditInserts : IDisposable
{
    public const int SqliteMaxParameters = 32_766, PostgresMaxParameters = 65_535;

    /// <summary>
    /// Parameters aimed at per command. Binding is quadratic in a command's parameters (SQLite
    /// finds each named parameter by a scan of the statement's names): one command of 3,840
    /// parameters (256 entries) took three times EF's CPU, while commands of a hundred or so are
    /// linear (the in-process bench, docs/benchmarks.md).
    /// </summary>
    public const int TargetParameters = 48;

    private sealed record Column(string Name, Func<object, object> Value, RelationalTypeMapping Mapping, bool Nullable);
    private sealed record Table(string Name, Column[] Columns);
    private sealed record Prepared(DbCommand Command, DbParameter[] Parameters);

    private readonly Dictionary<(string Table, int Rows), Prepared> _commands = [];
    private readonly Dictionary<string, (SqliteStatement Statement, object[] Values)> _rowInserts = [];
    private DbConnection? _connection;
    private DbCommand? _head;

    /// <summary>
    /// How many rows of <paramref name="columns"/> columns the largest command carries: the
    /// largest power of two whose parameters are about <see cref="TargetParameters"/>, never
    /// over <paramref name="maxParameters"/>.
    /// </summary>
    public static int RowsPerCommand(int columns, int maxParameters)
    {
        var rows = Math.Max(1, Math.Min(maxParameters, TargetParameters) / columns);
        return (int)BitOperations.RoundUpToPowerOf2((uint)rows + 1) >> 1;
    }

    /// <summary>
    /// The row counts of the commands that insert <paramref name="rows"/> rows: as many full
    /// commands of <paramref name="perCommand"/> rows as fit, then the rest in powers of two
    /// (so every count is one of a few, each prepared once).
    /// </summary>
    public static IEnumerable<int> Chunks(int rows, int perCommand)
    {
        for (; rows >= perCommand; rows -= perCommand) yield return perCommand;
        for (var size = perCommand >> 1; size > 0; size >>= 1)
            if ((rows & size) != 0) yield return size;
    }

    /// <summary>
    /// Writes the entries and the record sets they need in the context's current transaction. A
    /// set's row that is already stored is left as it is (another instance may have stored the
    /// same set): INSERT OR IGNORE on SQLite, ON CONFLICT DO NOTHING on PostgreSQL.
    /// </summary>
    public async Task InsertAsync(OffenderMgmtDb db, IReadOnlyList<AuditEntry> entries, IReadOnlyList<AuditRecordSet> sets, CancellationToken cancellationToken)
    {
        var transaction = Transaction(db);
        var limit = db.Database.IsNpgsql() ? PostgresMaxParameters : SqliteMaxParameters;
        await InsertRowsAsync(db, transaction, TableOf<AuditEntry>(db), entries, limit, ignoreConflicts: false, cancellationToken);
        await InsertRowsAsync(db, transaction, TableOf<AuditRecordSet>(db), sets, limit, ignoreConflicts: true, cancellationToken);
    }

    /// <summary>
    /// The chain's newest committed entry, read in the context's current transaction with a
    /// command kept prepared; on PostgreSQL after taking <see cref="AuditChainLock"/> (another
    /// instance may have appended since), as <see cref="AuditLog.HeadAsync"/> does.
    /// </summary>
    public async Task<AuditLog.Tail> HeadAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var transaction = Transaction(db);
        await AuditChainLock.TakeAsync(db, cancellationToken);
        if (_head is null)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var entry = TableOf<AuditEntry>(db);
            string Column(string property) => sql.DelimitIdentifier(entry.Columns.Single(c => c.Name == property).Name);
            _head = transaction.Connection!.CreateCommand();
            _head.CommandText = $"SELECT {Column(nameof(AuditEntry.Sequence))}, {Column(nameof(AuditEntry.Hash))} FROM {sql.DelimitIdentifier(entry.Name)} " +
                                $"ORDER BY {Column(nameof(AuditEntry.Sequence))} DESC LIMIT 1";
        }
        _head.Transaction = transaction;
        await using var reader = await _head.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new AuditLog.Tail(reader.GetInt64(0), reader.GetString(1)) : AuditLog.Tail.Empty;
    }

    /// <summary>The context's transaction; the commands kept are dropped if its connection is not the one they were made on.</summary>
    private DbTransaction Transaction(OffenderMgmtDb db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are inserted inside the transaction that commits them.");
        if (!ReferenceEquals(transaction.Connection, _connection))
        {
            Dispose();
            _connection = transaction.Connection;
        }
        return transaction;
    }

    private async Task InsertRowsAsync<T>(OffenderMgmtDb db, DbTransaction transaction, Table table, IReadOnlyList<T> rows, int maxParameters, bool ignoreConflicts, CancellationToken cancellationToken)
        where T : class
    {
        if (transaction.Connection is SqliteConnection sqlite)
        {
            InsertRowsOneByOne(db, sqlite, table, rows, ignoreConflicts);
            return;
        }
        var start = 0;
        foreach (var count in Chunks(rows.Count, RowsPerCommand(table.Columns.Length, maxParameters)))
        {
            var prepared = CommandFor(db, transaction, table, count, ignoreConflicts);
            prepared.Command.Transaction = transaction;
            var p = 0;
            for (var r = start; r < start + count; r++)
                foreach (var column in table.Columns)
                    prepared.Parameters[p++].Value = column.Value(rows[r]);
            await prepared.Command.ExecuteNonQueryAsync(cancellationToken);
            start += count;
        }
    }

    private void InsertRowsOneByOne<T>(OffenderMgmtDb db, SqliteConnection connection, Table table, IReadOnlyList<T> rows, bool ignoreConflicts)
        where T : class
    {
        if (rows.Count == 0) return;
        if (!_rowInserts.TryGetValue(table.Name, out var insert) || !ReferenceEquals(insert.Statement.Connection, connection.Handle))
        {
            insert.Statement?.Dispose();
            // The one-row form of the multi-row commands' SQL: SQLite numbers named parameters in the
            // order they first appear, so @p0, @p1, ... are positions 1, 2, ..., the columns' order.
            insert = (SqliteStatement.Prepare(connection, InsertSql(db, table, 1, ignoreConflicts)), new object[table.Columns.Length]);
            _rowInserts[table.Name] = insert;
        }
        foreach (var row in rows)
        {
            for (var c = 0; c < table.Columns.Length; c++) insert.Values[c] = table.Columns[c].Value(row);
            insert.Statement.Execute(insert.Values);
        }
    }

    private Prepared CommandFor(OffenderMgmtDb db, DbTransaction transaction, Table table, int rows, bool ignoreConflicts)
    {
        if (_commands.TryGetValue((table.Name, rows), out var known)) return known;
        var command = transaction.Connection!.CreateCommand();
        command.CommandText = InsertSql(db, table, rows, ignoreConflicts);
        var parameters = new DbParameter[rows * table.Columns.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            var column = table.Columns[p % table.Columns.Length];
            // The mapping configures the parameter (type, size) as EF's own commands do; only the value changes from one use to the next.
            parameters[p] = column.Mapping.CreateParameter(command, "@p" + p, null, column.Nullable);
            command.Parameters.Add(parameters[p]);
        }
        var prepared = new Prepared(command, parameters);
        _commands[(table.Name, rows)] = prepared;
        return prepared;
    }

    private static string InsertSql(OffenderMgmtDb db, Table table, int rows, bool ignoreConflicts)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var postgres = db.Database.IsNpgsql();
        var text = new StringBuilder(ignoreConflicts && !postgres ? "INSERT OR IGNORE INTO " : "INSERT INTO ").Append(sql.DelimitIdentifier(table.Name)).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(", ");
            text.Append('(');
            for (var c = 0; c < table.Columns.Length; c++)
            {
                if (c > 0) text.Append(", ");
                text.Append("@p").Append(p++);
            }
            text.Append(')');
        }
        if (ignoreConflicts && postgres) text.Append(" ON CONFLICT DO NOTHING");
        return text.ToString();
    }

    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    private static Table TableOf<T>(OffenderMgmtDb db) => Tables.GetOrAdd((db.Model, typeof(T)), key =>
    {
        var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(property =>
            {
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                return new Column(property.GetColumnName(store)!, ProviderValue(property, mapping), mapping, property.IsNullable);
            })
            .ToArray();
        return new Table(name, columns);
    });

    /// <summary>The property's value as the mapping hands it to the provider (what <see cref="RelationalTypeMapping.CreateParameter"/> sets).</summary>
    private static Func<object, object> ProviderValue(IProperty property, RelationalTypeMapping mapping)
    {
        var getter = property.GetGetter();
        var converter = mapping.Converter;
        return entity =>
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            else if (value is Enum) value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
            return value ?? DBNull.Value;
        };
    }

    /// <summary>Drops the commands kept (their connection is going, or has gone).</summary>
    public void Dispose()
    {
        foreach (var prepared in _commands.Values) prepared.Command.Dispose();
        _commands.Clear();
        foreach (var (statement, _) in _rowInserts.Values) statement.Dispose();
        _rowInserts.Clear();
        _head?.Dispose();
        _head = null;
        _connection = null;
    }
}
