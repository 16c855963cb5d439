using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Generation;

/// <summary>How the data set was built: each step's time, what it holds, and the ward repairs.</summary>
public sealed record BuildReport(
    DateOnly BuiltOn, double WardsSeconds, double ImportSeconds, double GenerateSeconds, double WriteSeconds, double TotalSeconds,
    int Areas, int People, int Officers, int Orders, int Conditions, int Zones, int ZoneAreaLinks, IReadOnlyList<WardRepair> Repairs);

/// <summary>A data set ready to measure: its file or database, and how (and whether, this run) it was built.</summary>
public sealed record Dataset(BenchStore Store, string Path, DatasetSpec Spec, bool BuiltThisRun, BuildReport Report)
{
    /// <summary>The database file and its write-ahead log, or the PostgreSQL database, in bytes.</summary>
    public long SizeBytes => Store.SizeBytes(Path);
}

/// <summary>
/// Builds the national data set into a SQLite file under .bench-data/ (or a PostgreSQL
/// database of the same name), or reuses the one a
/// previous run built with the same sizes and seed (the marker in SystemSettings says which).
/// The wards go through the server's AreaImporter (validated, all or nothing); everything else
/// is generated in memory and written <see cref="ModelRowWriter"/>: plain INSERTs made from the server's EF model, in one
/// transaction (SaveChanges costs about 1 ms per person here; see that class), batched on PostgreSQL.
/// </summary>
public static class NationalDataset
{
    private const string MarkerKey = "bench.dataset";
    private const string ReportKey = "bench.build";

    public static async Task<Dataset> EnsureAsync(BenchStore store, DatasetSpec spec, bool rebuild, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(BenchPaths.DataDirectory);
        var path = store.NameFor(spec);
        if (!rebuild && await ReadReportAsync(store, path, spec, cancellationToken) is { } existing)
        {
            await log.WriteLineAsync($"Reusing {path} (built {existing.BuiltOn:yyyy-MM-dd} in {existing.TotalSeconds:F1} s; --rebuild to build it again)");
            // A set built before a migration that only adds indexes reads back fine: bring it up
            // to date, or its timings would be those of the older schema.
            await using (var services = BenchServices.For(store, path))
            await using (var scope = services.CreateAsyncScope())
                await DatabaseInitialiser.MigrateAsync(scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>(), cancellationToken);
            store.ClearPools();
            return new Dataset(store, path, spec, false, existing);
        }
        store.Delete(path);
        store.Create(path);
        var report = await BuildAsync(store, path, spec, log, cancellationToken);
        return new Dataset(store, path, spec, true, report);
    }

    private static async Task<BuildReport?> ReadReportAsync(BenchStore store, string path, DatasetSpec spec, CancellationToken cancellationToken)
    {
        if (!store.Exists(path)) return null;
        try
        {
            await using var services = BenchServices.For(store, path);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            var settings = await db.SystemSettings.AsNoTracking().Where(s => s.Key == MarkerKey || s.Key == ReportKey)
                .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
            return settings.GetValueOrDefault(MarkerKey) == spec.Marker && settings.TryGetValue(ReportKey, out var json)
                ? JsonSerializer.Deserialize<BuildReport>(json)
                : null;
        }
        catch (Exception e) when (e is SqliteException or Npgsql.PostgresException)
        {
            return null;  // half-written or from an older schema: build it again
        }
        finally
        {
            store.ClearPools();
        }
    }

    private static async Task<BuildReport> BuildAsync(BenchStore store, string path, DatasetSpec spec, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"Building {path}: {spec.People:N0} people, {spec.Orders:N0} orders, {spec.Zones:N0} zones, seed {spec.Seed}");
        var total = Stopwatch.StartNew();
        await using var services = BenchServices.For(store, path);
        var clock = services.GetRequiredService<ForceClock>();
        var (today, now) = (clock.Today, clock.Now);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            await DatabaseInitialiser.MigrateAsync(db, cancellationToken);
            if (!store.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var step = Stopwatch.StartNew();
        var wards = WardFile.Prepare(WardFile.DefaultPath);
        var wardsSeconds = step.Elapsed.TotalSeconds;
        foreach (var repair in wards.Repairs)
            await log.WriteLineAsync($"  ward {repair.Code} ({repair.Name}) refused by the importer: {repair.Problem}; repaired with GeometryFixer (area changed by {repair.AreaChangePercent:G3}%)");
        await log.WriteLineAsync($"  wards: {wards.Count:N0} read and validated, {wards.Repairs.Count} repaired, in {wardsSeconds:F1} s");

        step.Restart();
        AreaIndex areas;
        await using (var scope = services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<AreaImporter>();
            await using var stream = new MemoryStream(wards.GeoJson, writable: false);
            await importer.ImportAsync(stream, new AreaPropertyNames(), cancellationToken);
            areas = importer.Index;
        }
        var importSeconds = step.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"  areas: {areas.Areas.Count:N0} imported through AreaImporter in {importSeconds:F1} s");

        step.Restart();
        var random = new DemoRandom(spec.Seed);
        var data = new NationalData();
        new NationalCaseload(random, today, now, areas, data).Build(spec.People);
        new NationalOrders(random, today, now, areas, data).Build(spec.Orders, spec.Zones);
        var generateSeconds = step.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"  generated {data.People.Count:N0} people, {data.Officers.Count:N0} officers, {data.Orders.Count:N0} orders, {data.Conditions:N0} conditions, {data.Zones:N0} zones in {generateSeconds:F1} s");

        step.Restart();
        var rows = await WriteAsync(services, data, cancellationToken);
        var writeSeconds = step.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"  {rows:N0} rows written in {writeSeconds:F1} s");

        var report = new BuildReport(today, wardsSeconds, importSeconds, generateSeconds, writeSeconds, 0,
            areas.Areas.Count, data.People.Count, data.Officers.Count, data.Orders.Count, data.Conditions, data.Zones, data.ZoneAreaLinks, wards.Repairs);
        report = report with { TotalSeconds = total.Elapsed.TotalSeconds };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            db.SystemSettings.Add(new SystemSetting { Key = ReportKey, Value = JsonSerializer.Serialize(report) });
            db.SystemSettings.Add(new SystemSetting { Key = MarkerKey, Value = spec.Marker });
            await db.SaveChangesAsync(cancellationToken);
            // Fold the write-ahead log into the file, so its size is the data set's size; on
            // PostgreSQL, give the planner statistics for what was just written.
            await db.Database.ExecuteSqlRawAsync(store.IsPostgres ? "VACUUM ANALYZE;" : "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        store.ClearPools();
        await log.WriteLineAsync($"  built in {report.TotalSeconds:F1} s");
        return report;
    }

    /// <summary>Writes everything in one transaction, principals before the rows that refer to them.</summary>
    private static async Task<long> WriteAsync(ServiceProvider services, NationalData data, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // SQLite's default page cache is 2 MB; random Guid keys spread inserts over every page of
        // every index, so a small cache spills and re-reads pages all the time. 512 MB for this
        // one connection, during the build only (the server keeps its defaults when measured).
        if (!db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288;", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var writer = new ModelRowWriter(db, db.Database.GetDbConnection(), transaction.GetDbTransaction());
        foreach (var entity in data.Teams.Concat<object>(data.Officers).Concat(data.People).Concat(data.Managements).Concat(data.Orders))
            writer.Insert(entity);
        writer.Flush();
        await transaction.CommitAsync(cancellationToken);
        return writer.Rows;
    }
}
