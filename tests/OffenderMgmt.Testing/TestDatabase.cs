using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Testing;

/// <summary>
/// The database one test server uses, on the engine the run chose: SQLite by default (a
/// temporary file), or PostgreSQL when <c>OFFENDERMGMT_TEST_PROVIDER=postgres</c> and
/// <c>OFFENDERMGMT_TEST_PG</c> names a server to create databases on. On PostgreSQL each
/// database is copied from a migrated template (made once per test process), and dropped
/// afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ProviderVariable = "OFFENDERMGMT_TEST_PROVIDER";
    public const string PostgresVariable = "OFFENDERMGMT_TEST_PG";

    /// <summary>The engine of this test run.</summary>
    public static StorageProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase)
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;

    public static bool IsPostgres => Provider == StorageProvider.Postgres;

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public string ConnectionString { get; }
    private readonly string _name;

    public TestDatabase()
    {
        if (IsPostgres)
        {
            _name = $"om_test_{Guid.NewGuid():N}";
            Admin($"""CREATE DATABASE "{_name}" TEMPLATE "{Template.Value}" """);
            ConnectionString = Connection(_name);
        }
        else
        {
            _name = Path.Combine(Path.GetTempPath(), "offendermgmt-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(_name)!);
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = _name }.ToString();
        }
    }

    public void Dispose()
    {
        if (IsPostgres)
        {
            using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
            Admin($"""DROP DATABASE IF EXISTS "{_name}" WITH (FORCE)""");
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_name + suffix); }
            catch (IOException) { }  // another factory's pool may still hold it briefly; /tmp is cleaned anyway
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ProviderVariable}=postgres needs {PostgresVariable}, a connection string to a PostgreSQL server where databases may be created (e.g. Host=127.0.0.1;Port=55432;Username=postgres).");

    private static string Connection(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>An empty database with every migration applied, for the test databases to copy.</summary>
    private static string CreateTemplate()
    {
        var name = $"om_template_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        Admin($"""CREATE DATABASE "{name}" """);
        var options = new DbContextOptionsBuilder<OffenderMgmtDb>();
        DatabaseEngine.Configure(options, StorageProvider.Postgres, new NpgsqlConnectionStringBuilder(Connection(name)) { Pooling = false }.ToString());
        using (var db = new OffenderMgmtDb(options.Options)) db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Admin($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"""); }
            catch (NpgsqlException) { }  // the cluster is thrown away after the run anyway
        };
        return name;
    }
}
