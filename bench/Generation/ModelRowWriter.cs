using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// Inserts new entity graphs with plain parameterized INSERTs, reading every table, column,
/// key, foreign key and value conversion from the server's own EF model, so it follows the
/// schema as the server changes it without a line of hand-written SQL.
/// Why not SaveChanges: measured on this machine, EF's change tracker and update pipeline cost
/// about 1 ms per person graph (person, name keys, aliases): five minutes for the national
/// data set. The same rows written here, in one transaction through one prepared command per
/// table, take seconds. The server's own rules that SaveChanges would apply to new rows are
/// applied here too: a new versioned record starts at version 1.
/// </summary>
public sealed class ModelRowWriter(DbContext db, DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public long Rows { get; private set; }

    /// <summary>Inserts the entity, the owned parts stored in its row, and every dependent it holds (children, owned lists).</summary>
    public void Insert(object entity) => Insert(entity, TypeOf(entity), []);

    private IEntityType TypeOf(object entity) =>
        db.Model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the model.");

    private void Insert(object entity, IEntityType type, Dictionary<IProperty, object?> shadowValues)
    {
        if (entity is IVersioned { Version: 0 } versioned) versioned.Version = 1;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = new List<(string Column, IProperty Property, object? Value)>();
        AddColumns(entity, type, table, shadowValues, columns);
        Execute(table, columns);

        foreach (var navigation in type.GetNavigations().Where(n => !n.IsOnDependent))
        {
            var target = navigation.TargetEntityType;
            if (target.IsOwned() && !navigation.IsCollection && target.GetTableName() == type.GetTableName()) continue;  // in this row
            var value = navigation.PropertyInfo?.GetValue(entity);
            var children = navigation.IsCollection ? ((System.Collections.IEnumerable?)value)?.Cast<object>() ?? [] : value is null ? [] : [value];
            foreach (var child in children)
            {
                var childType = target.IsOwned() ? target : TypeOf(child);
                var childShadows = new Dictionary<IProperty, object?>();
                var foreignKey = navigation.ForeignKey;
                for (var i = 0; i < foreignKey.Properties.Count; i++)
                {
                    var key = foreignKey.PrincipalKey.Properties[i].PropertyInfo!.GetValue(entity);
                    var property = childType.FindProperty(foreignKey.Properties[i].Name)!;
                    if (property.IsShadowProperty()) childShadows[property] = key;
                    else property.PropertyInfo!.SetValue(child, key);
                }
                Insert(child, childType, childShadows);
            }
        }
    }

    /// <summary>The entity's own columns, and those of owned parts split into the same row.</summary>
    private static void AddColumns(object entity, IEntityType type, StoreObjectIdentifier table, Dictionary<IProperty, object?> shadowValues, List<(string, IProperty, object?)> columns)
    {
        foreach (var property in type.GetProperties())
        {
            object? value;
            if (property.IsShadowProperty())
            {
                // A shadow key the database generates (an owned list's row id) is left to it.
                if (!shadowValues.TryGetValue(property, out value)) continue;
            }
            else
            {
                value = property.PropertyInfo?.GetValue(entity) ?? property.FieldInfo?.GetValue(entity);
                if (property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && property.IsPrimaryKey() && Equals(value, property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null))
                    continue;  // an identity column: the database numbers it
            }
            var column = property.GetColumnName(table);
            if (column is not null && !columns.Exists(c => c.Item1 == column)) columns.Add((column, property, value));
        }
        foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection && !n.IsOnDependent))
        {
            if (navigation.TargetEntityType.GetTableName() != table.Name) continue;
            var owned = navigation.PropertyInfo?.GetValue(entity);
            if (owned is not null) AddColumns(owned, navigation.TargetEntityType, table, [], columns);
        }
    }

    // PostgreSQL: a round trip per row would dominate, so rows go in batches of this many
    // statements (Npgsql sends a batch as one message). SQLite is in process: no batching needed.
    private const int BatchSize = 1000;
    private DbBatch? _batch;
    private DbCommand? _parameterMaker;

    private void Execute(StoreObjectIdentifier table, List<(string Column, IProperty Property, object? Value)> columns)
    {
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        if (connection.CanCreateBatch)
        {
            AddToBatch(sql, columns);
            return;
        }
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        for (var i = 0; i < columns.Count; i++)
        {
            // EF's own type mapping makes the parameter: value converters (JSON lists, UTC
            // ticks, enums) and the provider's storage of Guids and dates all apply.
            var mapping = (RelationalTypeMapping)columns[i].Property.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}", columns[i].Value, columns[i].Property.IsNullable));
        }
        command.ExecuteNonQuery();
        Rows++;
    }

    private void AddToBatch(string sql, List<(string Column, IProperty Property, object? Value)> columns)
    {
        _parameterMaker ??= connection.CreateCommand();
        if (_batch is null)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < columns.Count; i++)
        {
            var mapping = (RelationalTypeMapping)columns[i].Property.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(_parameterMaker, $"p{i}", columns[i].Value, columns[i].Property.IsNullable));
        }
        _batch.BatchCommands.Add(command);
        Rows++;
        if (_batch.BatchCommands.Count >= BatchSize) Flush();
    }

    /// <summary>Sends the rows still waiting in a batch; call before committing.</summary>
    public void Flush()
    {
        if (_batch is null) return;
        _batch.ExecuteNonQuery();
        _batch.Dispose();
        _batch = null;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _batch?.Dispose();
        _parameterMaker?.Dispose();
    }
}
