using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// Inserts chained audit entries and their reference rows with multi-row INSERT commands on the
/// context's connection and transaction, without EF's change tracking (which was 15 to 19% of a
/// cheap read's server time, docs/benchmarks.md). The rows are exactly those EF would write:
/// table, column names and every value's conversion (the instant as UTC ticks on SQLite, the
/// officer's Guid as SQLite's text, the action as its number) come from the EF model's own type
/// mappings, so VerifyChain and every reader see no difference. Each command carries a few
/// hundred parameters, never more than the engine allows (SQLite 32,766, PostgreSQL 65,535).
/// </summary>
public static class AuditInserts
{
    public const int SqliteMaxParameters = 32_766, PostgresMaxParameters = 65_535;

    private sealed record Column(string Name, Func<object, object?> Read, RelationalTypeMapping Mapping, bool Nullable);
    private sealed record Table(string Name, Column[] Columns);

    // The SQL text of an insert of n rows, per table, built once (the model does not change at run time).
    private static readonly ConcurrentDictionary<(string Table, int Rows), string> Sql = new();

    /// <summary>Writes the entries and reference rows in the context's current transaction.</summary>
    public static async Task InsertAsync(OffenderMgmtDb db, IReadOnlyList<AuditEntry> entries, IReadOnlyList<AuditRecordRef> refs, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are inserted inside the transaction that commits them.");
        var limit = db.Database.IsNpgsql() ? PostgresMaxParameters : SqliteMaxParameters;
        await InsertRowsAsync(db, transaction, TableOf<AuditEntry>(db), entries, limit, cancellationToken);
        await InsertRowsAsync(db, transaction, TableOf<AuditRecordRef>(db), refs, limit, cancellationToken);
    }

    /// <summary>
    /// Parameters aimed at per command. Binding is quadratic in a command's parameters (SQLite
    /// finds each named parameter by a scan of the statement's names): one command of 3,840
    /// parameters (256 entries) took three times EF's CPU, while commands of a few hundred are
    /// linear (the in-process bench, docs/benchmarks.md).
    /// </summary>
    public const int TargetParameters = 240;

    /// <summary>How many rows of <paramref name="columns"/> columns one command carries: about <see cref="TargetParameters"/>, never over <paramref name="maxParameters"/>.</summary>
    public static int RowsPerCommand(int columns, int maxParameters) => Math.Max(1, Math.Min(maxParameters, TargetParameters) / columns);

    private static async Task InsertRowsAsync<T>(OffenderMgmtDb db, DbTransaction transaction, Table table, IReadOnlyList<T> rows, int maxParameters, CancellationToken cancellationToken)
        where T : class
    {
        var perCommand = RowsPerCommand(table.Columns.Length, maxParameters);
        for (var start = 0; start < rows.Count; start += perCommand)
        {
            var count = Math.Min(perCommand, rows.Count - start);
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql.GetOrAdd((table.Name, count), key => InsertSql(db, table, key.Rows));
            var p = 0;
            for (var r = start; r < start + count; r++)
                foreach (var column in table.Columns)
                    command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + p++, column.Read(rows[r]), column.Nullable));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string InsertSql(OffenderMgmtDb db, Table table, int rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name)).Append(" (")
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
        return text.ToString();
    }

    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    private static Table TableOf<T>(OffenderMgmtDb db) => Tables.GetOrAdd((db.Model, typeof(T)), key =>
    {
        var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(property => new Column(property.GetColumnName(store)!, Reader(property), (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable))
            .ToArray();
        return new Table(name, columns);
    });

    private static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        return getter.GetClrValueUsingContainingEntity;
    }
}
