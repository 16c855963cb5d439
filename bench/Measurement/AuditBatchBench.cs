using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>
/// The audit writer's batch on its own, in process (docs/benchmarks.md, issue 13): the same
/// batches of entries written through EF's change tracking (as a write's own entry still is,
/// a scope and context per batch) and by <see cref="AuditBatchStore"/> exactly as the writer
/// commits a batch (its session kept open, commands kept prepared), each in its own transaction
/// and commit, on a throw-away copy of the demo force's database. Prints CPU and wall time per
/// batch, and per entry; the rows with more reference rows per entry give the cost of a row.
/// </summary>
public static class AuditBatchBench
{
    public static async Task RunAsync(string demoDatabase, TextWriter output, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(BenchPaths.DataDirectory, "audit-batch.db");
        BenchStore.Sqlite.Delete(copy);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(demoDatabase + suffix)) File.Copy(demoDatabase + suffix, copy + suffix);
        await using var services = BenchServices.For(BenchStore.Sqlite, copy);
        output.WriteLine("| batch | reference rows per entry | EF change tracking: CPU ms / wall ms per batch | the writer's batch (AuditBatchStore): CPU ms / wall ms per batch | CPU per entry, EF / writer (µs) |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        await using var store = new AuditBatchStore(services.GetRequiredService<IServiceScopeFactory>(), AuditCommitHold.Off);
        var perEntry = new Dictionary<(int, int), double>();
        foreach (var (batch, refs) in new[] { (1, 1), (16, 1), (64, 1), (64, 4), (64, 23), (256, 1) })
        {
            // The same people disclosed by every call, as in the throughput run (one ZonesAt or briefing asked again and again).
            var disclosed = Enumerable.Range(0, refs).Select(_ => Guid.CreateVersion7().ToString()).ToList();
            var records = Enumerable.Range(0, batch).Select(i => new AuditRecord(DateTimeOffset.UtcNow, "bench.officer", Guid.CreateVersion7(), "LocalOfficer",
                "/offendermgmt.v1.Areas/ZonesAt", AuditAction.Read, disclosed, "reason: bench", "OK")).ToList();
            var rounds = Math.Max(20, 2_000 / batch);
            var ef = await TimeAsync(services, rounds, async db =>
            {
                await AuditLog.AppendAllAsync(db, records, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
            var raw = await TimeAsync(rounds, () => store.CommitAsync(records));
            perEntry[(batch, refs)] = raw.Cpu * 1000 / batch;
            output.WriteLine($"| {batch} | {refs} | {ef.Cpu:F3} / {ef.Wall:F3} | {raw.Cpu:F3} / {raw.Wall:F3} | {ef.Cpu * 1000 / batch:F0} / {raw.Cpu * 1000 / batch:F0} |");
        }
        output.WriteLine($"The writer's batch of 64: {perEntry[(64, 1)]:F1} µs of CPU per entry with one reference row; each further reference row {(perEntry[(64, 23)] - perEntry[(64, 1)]) / 22:F1} µs (from 23 an entry), {(perEntry[(64, 4)] - perEntry[(64, 1)]) / 3:F1} µs (from 4).");
        var verdict = await InScope(services, db => AuditLog.VerifyAsync(db, cancellationToken));
        output.WriteLine($"Chain after the run: {(verdict.Intact ? "intact" : "BROKEN: " + verdict.Problem)} ({verdict.EntriesChecked:N0} entries).");
    }

    private static async Task<T> InScope<T>(ServiceProvider services, Func<OffenderMgmtDb, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>());
    }

    private static Task<(double Cpu, double Wall)> TimeAsync(ServiceProvider services, int rounds, Func<OffenderMgmtDb, Task> write, CancellationToken cancellationToken) =>
        TimeAsync(rounds, () => RoundAsync(services, write, cancellationToken));

    private static async Task<(double Cpu, double Wall)> TimeAsync(int rounds, Func<Task> round)
    {
        for (var i = 0; i < 5; i++) await round();  // warm-up (JIT)
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) await round();
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMilliseconds / rounds, wall.Elapsed.TotalMilliseconds / rounds);
    }

    private static Task RoundAsync(ServiceProvider services, Func<OffenderMgmtDb, Task> write, CancellationToken cancellationToken) =>
        InScope(services, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.InTransactionAsync(() => write(db), cancellationToken);
            return true;
        });
}
