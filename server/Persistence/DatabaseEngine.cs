using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OffenderMgmt.Server.Hosting;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// Points the database context at the chosen engine. Each engine has its own migrations (EF
/// keeps one model snapshot per migrations assembly): SQLite's live in this assembly
/// (Persistence/Migrations), PostgreSQL's in OffenderMgmt.Migrations.Postgres beside it.
/// </summary>
public static class DatabaseEngine
{
    public const string PostgresMigrationsAssembly = "OffenderMgmt.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                // A list of ids goes to SQLite as one JSON parameter (json_each), so a query has one
                // SQL text whatever the list's length: EF's default of a parameter per id makes it
                // generate and cache SQL afresh for each length, a third of a briefing's time.
                options.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case StorageProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql
                    // The same one-parameter list, as a PostgreSQL array (= ANY (@ids)).
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                    .MigrationsAssembly(PostgresMigrations.Value)
                    // Lost connections, deadlocks and serialization failures are tried again; a
                    // transaction the application opens runs inside the strategy (Transactions.RunAsync).
                    .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown storage provider");
        }
    }

    /// <summary>Where the data is, for the start-up banner: the file, or host, port and database (never a password).</summary>
    public static string Describe(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.Postgres => new NpgsqlConnectionStringBuilder(connectionString) is var pg
            ? $"PostgreSQL database '{pg.Database}' on {pg.Host}:{pg.Port} as {pg.Username}"
            : "",
        _ => $"SQLite file {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)}",
    };

    /// <summary>
    /// The PostgreSQL migrations: referenced by the tests and the benchmark, and copied beside the
    /// server by its build (the project references the server, so the server cannot reference it).
    /// </summary>
    private static readonly Lazy<Assembly> PostgresMigrations = new(() =>
    {
        try
        {
            return Assembly.Load(new AssemblyName(PostgresMigrationsAssembly));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, PostgresMigrationsAssembly + ".dll");
            if (!File.Exists(path))
                throw new InvalidOperationException($"PostgreSQL needs {PostgresMigrationsAssembly}.dll beside the server ({path}); build the server project again.");
            return Assembly.LoadFrom(path);
        }
    });
}
