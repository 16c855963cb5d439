using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Before the server takes calls: applies migrations, switches SQLite to WAL, builds the demo
/// force when asked and the database is empty, and loads the area index.
/// </summary>
public sealed partial class DatabaseInitialiser(
    IServiceScopeFactory scopes, IOptions<DemoOptions> demo, IOptions<StorageOptions> storage, ILogger<DatabaseInitialiser> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        if (storage.Value.MigrateOnStart) await CreateIfMissingAsync(db, cancellationToken);
        // Instances starting at once migrate and seed one after another (PostgreSQL; on SQLite
        // one server instance serves the file, though the admin commands may write it from
        // another process while it runs): the next finds the schema current and the demo force there.
        await using var startup = await StartupLock.TakeAsync(db, cancellationToken);
        if (storage.Value.MigrateOnStart) await MigrateAsync(db, cancellationToken);
        else await RequireCurrentSchemaAsync(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a write commits; it is a property of the file,
            // so setting it once per start is enough. (In-memory databases ignore it.)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (demo.Value.Enabled)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAsync(demo.Value.Seed, cancellationToken);

        // The change log's position before the views are loaded: whatever commits after it, on
        // any instance, is applied to them from the log.
        await scope.ServiceProvider.GetRequiredService<Persistence.Changes.ChangeFeed>().CatchUpAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AreaImporter>().LoadIndexAsync(cancellationToken);
        LogReady();
    }

    /// <summary>Creates the data directory if need be and brings the schema up to date.</summary>
    public static async Task MigrateAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var path = db.Database.GetDbConnection().DataSource;
            if (!string.IsNullOrEmpty(path) && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
                Directory.CreateDirectory(directory);
        }
        else await CreateIfMissingAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>A PostgreSQL database that does not exist yet is made (here rather than by Migrate, which logs a failed connection as an error first).</summary>
    private static async Task CreateIfMissingAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()
            || db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>() is not { } creator
            || await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting at the same moment made it first.
        }
    }

    /// <summary>With Storage:MigrateOnStart off, the schema must already be current: refuse to start otherwise.</summary>
    private static async Task RequireCurrentSchemaAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database schema is {Plural.Of(pending.Count, "migration")} behind ({pending[^1]}) and Storage:MigrateOnStart is false: run the server's 'migrate' command first.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready")]
    private partial void LogReady();
}
