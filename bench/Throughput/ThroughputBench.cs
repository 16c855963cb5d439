using System.Diagnostics;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Bench.Measurement;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>One cell of the throughput table.</summary>
public sealed record ThroughputRow(string Force, string Rpc, int InFlight, LoadResult Result, double GreeterCallsPerSecond, double CpuMillisecondsPerCall, string Note)
{
    public double Ratio => Result.CallsPerSecond / GreeterCallsPerSecond;
}

/// <summary>What the server's audit log says about a force's run: every call answered leaves an entry.</summary>
public sealed record AuditCheck(string Force, long Entries, long NotOk, string NotOkByRpc);

/// <summary>
/// Calls a second under load, measured in one run: the plain Greeter first, then each RPC of
/// the real server (its own process, Release, on a copy of the force's database, logging at
/// Warning) at 1, 16 and 64 calls in flight with h2load on loopback. Each request is the one a
/// user would send: signed in as a local officer or an offender manager made for the run, with
/// the purpose the client states. RecordContact writes a new contact note each call (no
/// request id, so nothing is deduplicated), committed with its audit entry before the answer.
/// </summary>
public static class ThroughputBench
{
    public static readonly int[] InFlight = [1, 16, 64];
    private const string OfficerName = "bench.officer";
    private const string ManagerName = "bench.manager";

    /// <param name="Profile">Also profile the server (perf, strace) during each RPC's run at 64 in flight.</param>
    /// <param name="Only">Only the RPCs whose name contains this (all when null).</param>
    /// <param name="Port">The server's loopback port, the Greeter's this plus 10 (any free port when 0).</param>
    /// <param name="ServerAssembly">Another build of the server to measure (the one built with the benchmark when null).</param>
    public sealed record Settings(int Seconds, int WarmUpSeconds, bool Profile, string? Only = null, int Port = 0, string? ServerAssembly = null);

    /// <summary>
    /// The Greeter, started once and kept running for the whole run: measured at each concurrency
    /// first, and measured again at 64 in flight just before each RPC's cell at 64, so the ratio
    /// that the targets are judged on is to a Greeter measured in the same minute. This machine's
    /// speed drifts by a factor of two or three over minutes (other virtual machines on the host:
    /// the Greeter alone made 69,000 to 233,000 calls/s in runs of one day), so a ratio to a Greeter
    /// measured once, minutes earlier, could be off by that factor either way.
    /// </summary>
    public sealed class GreeterReference : IAsyncDisposable
    {
        private readonly ServerProcess _process;
        private readonly Settings _settings;
        private readonly TextWriter _log;
        private readonly string _work;
        private readonly Greeter.HelloRequest _request = new() { Name = "bench" };

        private GreeterReference(ServerProcess process, Settings settings, TextWriter log, string work)
        {
            _process = process;
            _settings = settings;
            _log = log;
            _work = work;
        }

        /// <summary>The first measurement at each concurrency (the denominator of the 1 and 16 in flight ratios).</summary>
        public Dictionary<int, LoadResult> First { get; } = new();

        public static async Task<GreeterReference> StartAsync(Settings settings, TextWriter log, CancellationToken cancellationToken)
        {
            var work = WorkDirectory();
            var process = ServerProcess.Start(BenchPaths.GreeterAssembly, "", work, Path.Combine(work, "greeter.log"), [],
                port: settings.Port == 0 ? 0 : settings.Port + 10);
            var greeter = new GreeterReference(process, settings, log, work);
            await process.WaitUntilListeningAsync(TimeSpan.FromMinutes(1), cancellationToken);
            using (var channel = GrpcChannel.ForAddress(process.Address))
                await new Greeter.Greeter.GreeterClient(channel).SayHelloAsync(greeter._request, cancellationToken: cancellationToken);
            foreach (var inFlight in InFlight) greeter.First[inFlight] = await greeter.MeasureAsync(inFlight, "", cancellationToken);
            return greeter;
        }

        /// <summary>One h2load run of SayHello at this concurrency.</summary>
        public async Task<LoadResult> MeasureAsync(int inFlight, string beside, CancellationToken cancellationToken)
        {
            var cpuBefore = _process.CpuTime;
            var result = await H2Load.RunAsync($"{_process.Address}/greet.Greeter/SayHello", _request, new Dictionary<string, string>(), inFlight,
                _settings.Seconds, _settings.WarmUpSeconds, _work, cancellationToken);
            // As for the server's rows: the Greeter's own CPU over the run, so the host's cost per call can be set beside it.
            var cpuPerCall = (_process.CpuTime - cpuBefore).TotalMilliseconds / (result.CallsPerSecond * (_settings.Seconds + _settings.WarmUpSeconds));
            await _log.WriteLineAsync($"  Greeter SayHello{beside}, {inFlight} in flight: {result.CallsPerSecond:N0} calls/s, Greeter CPU {cpuPerCall:F4} ms/call");
            return result;
        }

        public ValueTask DisposeAsync() => _process.DisposeAsync();
    }

    /// <summary>The generated demo force (Bedfordshire), built once beside the national data set and copied for each run.</summary>
    public static async Task<string> EnsureDemoAsync(TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(BenchPaths.DataDirectory);
        var path = Path.Combine(BenchPaths.DataDirectory, $"throughput-demo-g{DemoSeeder.GeneratorVersion}.db");
        var ready = path + ".ready";
        if (File.Exists(ready) && File.Exists(path)) return path;
        BenchStore.Sqlite.Delete(path);
        await log.WriteLineAsync($"Building the demo force in {path}...");
        await using (var services = BenchServices.For(BenchStore.Sqlite, path))
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            await DatabaseInitialiser.MigrateAsync(db, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAsync(2016, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(ready, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        return path;
    }

    /// <summary>Every RPC of the server at each concurrency, on a copy of the force's database.</summary>
    public static async Task<(List<ThroughputRow> Rows, AuditCheck Audit)> ForceAsync(string force, string databasePath, GreeterReference greeter,
        Settings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var work = WorkDirectory();
        var copy = Path.Combine(work, $"throughput-{force}.db");
        BenchStore.Sqlite.Delete(copy);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(databasePath + suffix)) File.Copy(databasePath + suffix, copy + suffix);
        try
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            var inputs = await PrepareAsync(copy, password, cancellationToken);
            var rows = new List<ThroughputRow>();
            var logPath = Path.Combine(work, $"server-{force}.log");
            await using (var server = ServerProcess.Start(settings.ServerAssembly ?? BenchPaths.ServerAssembly, BenchStore.Sqlite.ConnectionString(copy), work, logPath,
                             ["--Auth:SearchesPerMinute=1000000", "--Logging:LogLevel:Default=Warning"],
                             // The JIT writes /tmp/perf-PID.map, so perf can name managed frames.
                             // (W^X double-mapping off, or perf sees only an anonymous "doublemapper" region).
                             settings.Profile ? new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1", ["DOTNET_EnableWriteXorExecute"] = "0" } : null,
                             settings.Port))
            {
                var started = Stopwatch.StartNew();
                await server.WaitUntilListeningAsync(TimeSpan.FromMinutes(3), cancellationToken);
                using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
                await WaitUntilReadyAsync(channel, cancellationToken);
                await log.WriteLineAsync($"  {force}: server ready (offendermgmt.v1 SERVING) after {started.Elapsed.TotalSeconds:F1} s (log: {logPath})");

                var auth = new V1.Auth.AuthClient(channel);
                var officer = (await auth.SignInAsync(new V1.SignInRequest { Username = OfficerName, Password = password }, cancellationToken: cancellationToken)).AccessToken;
                var manager = (await auth.SignInAsync(new V1.SignInRequest { Username = ManagerName, Password = password }, cancellationToken: cancellationToken)).AccessToken;
                var calls = Calls(inputs, officer, manager).Where(c => settings.Only is null || c.Name.Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
                var notes = new Dictionary<Call, string>();
                foreach (var call in calls) notes[call] = await call.PreflightAsync(channel.CreateCallInvoker(), call.Headers);
                // A fresh server is still compiling its hot paths (tiered JIT): load every call once, unmeasured, first.
                foreach (var call in calls)
                    await H2Load.RunAsync($"{server.Address}/{call.Path}", call.Request, call.Headers, 16, 1, 1, work, cancellationToken);
                foreach (var call in calls)
                {
                    var note = notes[call];
                    foreach (var inFlight in InFlight)
                    {
                        if (server.HasExited) throw new InvalidOperationException($"The server exited (code {server.ExitCode}); see {logPath}.");
                        // At the targets' concurrency, the Greeter again in the same minute (see GreeterReference).
                        var reference = inFlight == InFlight[^1]
                            ? await greeter.MeasureAsync(inFlight, $" (beside {force} {call.Name})", cancellationToken)
                            : greeter.First[inFlight];
                        var url = $"{server.Address}/{call.Path}";
                        var cpuBefore = server.CpuTime;
                        var result = await H2Load.RunAsync(url, call.Request, call.Headers, inFlight, settings.Seconds, settings.WarmUpSeconds, work, cancellationToken);
                        // The server's CPU over the whole h2load run (warm-up included) per call answered in it.
                        var cpuPerCall = (server.CpuTime - cpuBefore).TotalMilliseconds / (result.CallsPerSecond * (settings.Seconds + settings.WarmUpSeconds));
                        rows.Add(new ThroughputRow(force, call.Name, inFlight, result, reference.CallsPerSecond, cpuPerCall, note));
                        await log.WriteLineAsync($"  {force} {call.Name}, {inFlight} in flight: {result.CallsPerSecond:N0} calls/s, p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms, server CPU {cpuPerCall:F3} ms/call{(result.Failed > 0 ? $", {result.Failed} FAILED" : "")}");
                        if (settings.Profile && inFlight == InFlight[^1])
                            await log.WriteLineAsync(await ProfileAsync(server, call, url, settings, Path.Combine(work, $"{force}-{Slug(call.Name)}.perf.data"), work, cancellationToken));
                    }
                }
            }
            SqliteConnection.ClearAllPools();
            return (rows, await CheckAuditAsync(force, copy, inputs.AuditBefore, cancellationToken));
        }
        finally
        {
            BenchStore.Sqlite.Delete(copy);
        }
    }

    /// <summary>The questions to ask, drawn from the force's own data, and the run's two accounts.</summary>
    private sealed record Inputs(Guid CasePerson, Guid CaseManagement, string DenseWard, int DenseHomes, string QuietWard, int QuietHomes,
        Guid ZonePerson, double Latitude, double Longitude, long AuditBefore);

    private static async Task<Inputs> PrepareAsync(string path, string password, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.For(BenchStore.Sqlite, path);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var localOfficer = await db.Officers.AsNoTracking().Where(o => o.Role == OfficerRole.LocalOfficer).OrderBy(o => o.CollarNumber).Select(o => o.Id).FirstAsync(cancellationToken);
        var caseHeld = await db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.PersonId, Officer = m.ResponsibleOfficerId!.Value }).FirstAsync(cancellationToken);
        var homes = (await db.People.AsNoTracking().Where(p => p.Address != null && p.Address.AreaCode != null).Select(p => p.Address!.AreaCode!).ToListAsync(cancellationToken))
            .GroupBy(code => code).Select(g => (Code: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        // A served circle zone: its centre is inside it, so ZonesAt finds it and CheckSighting weighs a breach.
        var zone = await db.Conditions.AsNoTracking().OfType<ExclusionZoneCondition>().Where(z => z.Shape == ZoneShape.Circle && z.RemovedOn == null)
            .Join(db.Orders.AsNoTracking().Where(o => o.ServedAt != null && o.DischargedOn == null), z => z.OrderId, o => o.Id,
                (z, o) => new { o.PersonId, z.Id, Latitude = z.CentreLatitude!.Value, Longitude = z.CentreLongitude!.Value })
            .OrderBy(z => z.Id).FirstAsync(cancellationToken);

        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.CreateAsync(OfficerName, "Benchmark local officer", Role.LocalOfficer, localOfficer, password, cancellationToken);
        await accounts.CreateAsync(ManagerName, "Benchmark offender manager", Role.OffenderManager, caseHeld.Officer, password, cancellationToken);
        var auditBefore = await db.AuditEntries.Select(e => (long?)e.Sequence).MaxAsync(cancellationToken) ?? 0;
        SqliteConnection.ClearAllPools();
        return new Inputs(caseHeld.PersonId, caseHeld.Id, homes[0].Code, homes[0].Count, homes[^1].Code, homes[^1].Count,
            zone.PersonId, zone.Latitude, zone.Longitude, auditBefore);
    }

    /// <summary>One RPC as h2load sends it, with the same request sent once through Grpc.Net.Client first.</summary>
    private sealed record Call(string Name, string Path, IMessage Request, Dictionary<string, string> Headers, Func<CallInvoker, Dictionary<string, string>, Task<string>> Preflight)
    {
        public Task<string> PreflightAsync(CallInvoker invoker, Dictionary<string, string> headers) => Preflight(invoker, headers);
    }

    private static List<Call> Calls(Inputs inputs, string officerToken, string managerToken)
    {
        Dictionary<string, string> As(string token, string purpose) => new() { ["authorization"] = $"Bearer {token}", ["x-access-purpose"] = purpose };
        static CallOptions Options(Dictionary<string, string> headers)
        {
            var metadata = new Metadata();
            foreach (var (name, value) in headers) metadata.Add(name, value);
            return new CallOptions(metadata);
        }
        var point = new V1.GeoPoint { Latitude = inputs.Latitude, Longitude = inputs.Longitude };
        var dense = new V1.GetBriefingRequest { AreaCode = inputs.DenseWard };
        var quiet = new V1.GetBriefingRequest { AreaCode = inputs.QuietWard };
        var sighting = new V1.CheckSightingRequest { PersonId = inputs.ZonePerson.ToString(), Point = point };
        var contact = new V1.RecordContactRequest
        {
            PersonId = inputs.CasePerson.ToString(), ManagementId = inputs.CaseManagement.ToString(), Kind = V1.ContactKind.Phone,
            Text = "Phoned to confirm Thursday's appointment at the station; attending, no change of address or circumstances.",
        };
        return
        [
            new("Health/Check (liveness)", "grpc.health.v1.Health/Check", new HealthCheckRequest(), [],
                async (c, h) => (await new Health.HealthClient(c).CheckAsync(new HealthCheckRequest(), Options(h))).Status.ToString()),
            // The host alone on an authenticated call: the same liveness check with an officer's
            // token and purpose, so authentication runs as on every offendermgmt.v1 call, and no
            // database, audit entry or call pipeline part (health is not offendermgmt.v1).
            new("Health/Check (liveness, with a token)", "grpc.health.v1.Health/Check", new HealthCheckRequest(), As(officerToken, "briefing"),
                async (c, h) => (await new Health.HealthClient(c).CheckAsync(new HealthCheckRequest(), Options(h))).Status.ToString()),
            new("Health/Check offendermgmt.v1 (readiness)", "grpc.health.v1.Health/Check", new HealthCheckRequest { Service = HealthRegistration.ReadinessService }, [],
                async (c, h) => (await new Health.HealthClient(c).CheckAsync(new HealthCheckRequest { Service = HealthRegistration.ReadinessService }, Options(h))).Status.ToString()),
            new("Auth/WhoAmI", "offendermgmt.v1.Auth/WhoAmI", new V1.WhoAmIRequest(), As(officerToken, "briefing"),
                async (c, h) => (await new V1.Auth.AuthClient(c).WhoAmIAsync(new V1.WhoAmIRequest(), Options(h))).Role.ToString()),
            new("Areas/GetArea", "offendermgmt.v1.Areas/GetArea", new V1.GetAreaRequest { Code = inputs.DenseWard }, As(officerToken, "briefing"),
                async (c, h) => (await new V1.Areas.AreasClient(c).GetAreaAsync(new V1.GetAreaRequest { Code = inputs.DenseWard }, Options(h))).Name),
            new("Areas/GetBriefing, dense ward", "offendermgmt.v1.Areas/GetBriefing", dense, As(officerToken, "briefing"),
                async (c, h) => Describe(await new V1.Areas.AreasClient(c).GetBriefingAsync(dense, Options(h)), inputs.DenseHomes)),
            new("Areas/GetBriefing, quiet ward", "offendermgmt.v1.Areas/GetBriefing", quiet, As(officerToken, "briefing"),
                async (c, h) => Describe(await new V1.Areas.AreasClient(c).GetBriefingAsync(quiet, Options(h)), inputs.QuietHomes)),
            new("Areas/ZonesAt", "offendermgmt.v1.Areas/ZonesAt", new V1.ZonesAtRequest { Point = point }, As(officerToken, "briefing"),
                async (c, h) => $"{(await new V1.Areas.AreasClient(c).ZonesAtAsync(new V1.ZonesAtRequest { Point = point }, Options(h))).Zones.Count} zones at the point"),
            new("Areas/CheckSighting", "offendermgmt.v1.Areas/CheckSighting", sighting, As(officerToken, "sighting-check"),
                async (c, h) => $"{(await new V1.Areas.AreasClient(c).CheckSightingAsync(sighting, Options(h))).Findings.Count} findings, inside the person's zone"),
            new("Caseload/RecordContact (write)", "offendermgmt.v1.Caseload/RecordContact", contact, As(managerToken, "case-management"),
                async (c, h) => (await new V1.Caseload.CaseloadClient(c).RecordContactAsync(contact, Options(h))).Id.Length > 0 ? "a new contact note each call, own case" : "?"),
        ];
    }

    /// <summary>
    /// Two more runs at the same load, not measured: one under perf (where the CPU goes), one
    /// under strace (syncs per answered call; strace stops the server at every system call, so
    /// only the ratio means anything).
    /// </summary>
    private static async Task<string> ProfileAsync(ServerProcess server, Call call, string url, Settings settings, string output, string work, CancellationToken cancellationToken)
    {
        var cpu = Profiler.CpuAsync(server.ProcessId, settings.WarmUpSeconds, settings.Seconds, output, cancellationToken);
        await H2Load.RunAsync(url, call.Request, call.Headers, InFlight[^1], settings.Seconds, settings.WarmUpSeconds, work, cancellationToken);
        var report = await cpu;
        var syncs = Profiler.SyncsAsync(server.ProcessId, settings.WarmUpSeconds, settings.Seconds, cancellationToken);
        var traced = await H2Load.RunAsync(url, call.Request, call.Headers, InFlight[^1], settings.Seconds, settings.WarmUpSeconds, work, cancellationToken);
        var perCall = await syncs / Math.Max(1.0, traced.CallsPerSecond * settings.Seconds);
        return $"    {call.Name}: {perCall:F2} fsync/fdatasync per answered call (under strace)\n{report}";
    }

    private static string Slug(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    private static string Describe(V1.Briefing briefing, int homes) =>
        $"{briefing.Residents.Count} residents, {briefing.Excluded.Count} excluded, {briefing.Zones.Count} zones ({homes} people live there)";

    internal static async Task WaitUntilReadyAsync(GrpcChannel channel, CancellationToken cancellationToken)
    {
        var health = new Health.HealthClient(channel);
        var deadline = Stopwatch.StartNew();
        while ((await health.CheckAsync(new HealthCheckRequest { Service = HealthRegistration.ReadinessService }, cancellationToken: cancellationToken)).Status
               != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The server did not become ready within 3 minutes.");
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<AuditCheck> CheckAuditAsync(string force, string path, long before, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.For(BenchStore.Sqlite, path);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).GroupBy(e => new { e.Rpc, e.Outcome })
            .Select(g => new { g.Key.Rpc, g.Key.Outcome, Count = g.LongCount() }).ToListAsync(cancellationToken);
        SqliteConnection.ClearAllPools();
        var notOk = entries.Where(e => !e.Outcome.StartsWith("OK", StringComparison.Ordinal)).OrderBy(e => e.Rpc, StringComparer.Ordinal).ToList();
        return new AuditCheck(force, entries.Sum(e => e.Count), notOk.Sum(e => e.Count), string.Join(", ", notOk.Select(e => $"{e.Rpc} {e.Outcome} {e.Count}")));
    }

    private static string WorkDirectory()
    {
        var work = Path.Combine(BenchPaths.DataDirectory, "throughput");
        Directory.CreateDirectory(work);
        return work;
    }

    /// <summary>The markdown tables: every cell, then the issue's targets at 64 in flight.</summary>
    public static void Print(TextWriter output, IReadOnlyDictionary<int, LoadResult> greeter, IReadOnlyList<ThroughputRow> rows, IReadOnlyList<AuditCheck> audits)
    {
        output.WriteLine();
        output.WriteLine("| force | RPC | in flight | calls/s | p50 ms | p99 ms | Greeter calls/s (at 64: measured just before) | ratio to Greeter | server CPU ms/call | notes |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (inFlight, g) in greeter.OrderBy(g => g.Key))
            output.WriteLine($"| - | Greeter SayHello (plain grpc-dotnet), first | {inFlight} | {g.CallsPerSecond:N0} | {g.P50Milliseconds:F2} | {g.P99Milliseconds:F2} | {g.CallsPerSecond:N0} | 1 | | |");
        foreach (var r in rows)
            output.WriteLine($"| {r.Force} | {r.Rpc} | {r.InFlight} | {r.Result.CallsPerSecond:N0} | {r.Result.P50Milliseconds:F2} | {r.Result.P99Milliseconds:F2} | {r.GreeterCallsPerSecond:N0} | {r.Ratio:F3} | {r.CpuMillisecondsPerCall:F3} | {r.Note}{(r.Result.Failed > 0 ? $"; {r.Result.Failed} failed" : "")} |");

        var forces = rows.Select(r => r.Force).Distinct().ToList();
        output.WriteLine();
        output.WriteLine($"| RPC (64 in flight) | target ratio | {string.Join(" | ", forces.Select(f => $"{f} ratio"))} | met on {forces[0]} |");
        output.WriteLine($"|---|---:|{string.Concat(forces.Select(_ => "---:|"))}---|");
        foreach (var (rpc, target) in Targets)
        {
            var ratios = forces.Select(f => rows.FirstOrDefault(r => r.Force == f && r.Rpc == rpc && r.InFlight == 64)?.Ratio).ToList();
            output.WriteLine($"| {rpc} | {target:0.###} | {string.Join(" | ", ratios.Select(x => x is { } v ? v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-"))} | {(ratios[0] is null ? "-" : ratios[0] >= target ? "yes" : "no")} |");
        }
        output.WriteLine();
        foreach (var a in audits)
            output.WriteLine($"Audit log ({a.Force}): {a.Entries:N0} entries written by the run, {a.NotOk:N0} with an outcome other than OK{(a.NotOk > 0 ? $" ({a.NotOkByRpc}; h2load cancels the calls in flight when each run's time is up)" : "")}.");
    }

    /// <summary>Issue 13's targets: ratio to the Greeter at 64 calls in flight on the demo force.</summary>
    private static readonly (string Rpc, double Target)[] Targets =
    [
        ("Health/Check (liveness)", 0.5), ("Auth/WhoAmI", 0.2), ("Areas/GetArea", 0.2), ("Areas/ZonesAt", 0.15), ("Areas/CheckSighting", 0.1),
        ("Areas/GetBriefing, dense ward", 0.05), ("Caseload/RecordContact (write)", 0.03),
    ];
}
