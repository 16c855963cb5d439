using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OffenderMgmt.Server.Audit;

namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// Writes a transaction's change-log row inside that transaction, just before it commits
/// (called by <see cref="CommitSignals"/>, the one place where a write's commit is seen). On
/// PostgreSQL it first takes the audit chain's lock (held to commit, and already held by every
/// unit of work), so positions follow commit order across instances, and it sends
/// <c>NOTIFY</c> on <see cref="Channel"/> with the position: PostgreSQL delivers a notification
/// only when its transaction commits, so a wake-up never announces a change that rolled back.
/// Alerts the transaction wrote are stamped with the position, so watchers read them in commit
/// order (see <see cref="Alerts.AlertFeed"/>). Plain commands on the transaction's connection:
/// no second save of the context while it commits.
/// </summary>
public static class ChangeLogWriter
{
    /// <summary>The LISTEN/NOTIFY channel; the payload is the change-log position, a wake-up only.</summary>
    public const string Channel = "offendermgmt_changes";

    public static async Task<long> WriteAsync(DbContext context, DbTransaction transaction, ChangeSet changes, IReadOnlyCollection<long> alertIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        var postgres = context.Database.IsNpgsql();
        if (postgres)
        {
            await using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({AuditChainLock.Key})");
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var table = ChangeLogEntryConfiguration.Table;
        var insert = $"""INSERT INTO "{table}" ("CommittedAt", "Changes") VALUES (@at, @changes) RETURNING "Position" """;
        // One round trip on PostgreSQL: the row and its wake-up together.
        var sql = postgres
            ? $"""WITH "entry" AS ({insert}) SELECT "Position", pg_notify('{Channel}', "Position"::text) FROM "entry" """
            : insert;
        await using var command = Command(connection, transaction, sql);
        var entity = context.Model.FindEntityType(typeof(ChangeLogEntry))!;
        command.Parameters.Add(Parameter(entity, nameof(ChangeLogEntry.CommittedAt), command, "at", now));
        command.Parameters.Add(Parameter(entity, nameof(ChangeLogEntry.Changes), command, "changes", changes.ToJson()));
        var position = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var batch in alertIds.Chunk(500))
        {
            var names = batch.Select((_, i) => $"@a{i}").ToList();
            await using var stamp = Command(connection, transaction,
                $"""UPDATE "AlertEvents" SET "ChangePosition" = @position WHERE "Id" IN ({string.Join(", ", names)})""");
            AddValue(stamp, "position", position);
            for (var i = 0; i < batch.Length; i++) AddValue(stamp, $"a{i}", batch[i]);
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }
        return position;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A parameter in the column's stored form on this engine (SQLite keeps instants as UTC ticks).</summary>
    private static DbParameter Parameter(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string property, DbCommand command, string name, object value) =>
        entity.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, name, value, nullable: false);

    private static void AddValue(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
