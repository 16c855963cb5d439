using System.Diagnostics;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>What the gRPC run saw besides latencies.</summary>
public sealed record GrpcFacts(double ServerStartSeconds, double FirstCallMilliseconds, long AuditEntriesWritten, long ServerWorkingSetBytes, string ServerLog);

/// <summary>
/// The same questions through the real server on loopback: started as its own process on a
/// copy of the data set (every call appends to the audit log, and the pristine file must stay
/// pristine for the next run), signed in as a local officer created for the run, calling
/// sequentially with Grpc.Net.Client over HTTP/2. Each call pays what a real one does: token
/// validation, the account check, access policy, the service, protobuf, and the hash-chained
/// audit entry written in its own SQLite transaction before the answer leaves.
/// </summary>
public static class GrpcBench
{
    public const string Where = "gRPC";
    private const string Username = "bench.officer";

    public static async Task<(List<LatencySummary> Results, GrpcFacts Facts)> RunAsync(BenchStore store, string datasetPath, Workload workload, TextWriter log, CancellationToken cancellationToken)
    {
        var copy = store.CopyNameFor(datasetPath);
        store.Copy(datasetPath, copy);
        try
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            var auditBefore = await PrepareAccountAsync(store, copy, password, cancellationToken);
            var logPath = Path.Combine(BenchPaths.DataDirectory, "server.log");
            var started = Stopwatch.StartNew();
            List<LatencySummary> results;
            double startSeconds, firstCall;
            long workingSet;
            await using (var server = ServerProcess.Start(BenchPaths.ServerAssembly, store.ConnectionString(copy), BenchPaths.DataDirectory, logPath,
                             [
                                 $"--Storage:Provider={store.Provider}",
                                 // SearchNear counts against a per-officer limit of 120 a minute (an abuse guard);
                                 // a benchmark asks far faster than any officer, so it is lifted for this run.
                                 "--Auth:SearchesPerMinute=1000000",
                                 "--Logging:LogLevel:Default=Warning",
                             ]))
            {
                await server.WaitUntilListeningAsync(TimeSpan.FromMinutes(3), cancellationToken);
                startSeconds = started.Elapsed.TotalSeconds;
                await log.WriteLineAsync($"  server listening on {server.Address} after {startSeconds:F1} s (log: {logPath})");
                using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
                var auth = new V1.Auth.AuthClient(channel);
                var token = (await auth.SignInAsync(new V1.SignInRequest { Username = Username, Password = password }, cancellationToken: cancellationToken)).AccessToken;
                var headers = new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "briefing" } };
                var areas = new V1.Areas.AreasClient(channel);
                var options = new CallOptions(headers, cancellationToken: cancellationToken);

                // The first call waits for the zone index and the briefing view, which the server builds
                // in the background once it is up.
                var first = Stopwatch.StartNew();
                await areas.ZonesAtAsync(new V1.ZonesAtRequest { Point = new V1.GeoPoint { Latitude = 51.5, Longitude = -0.1 } }, options);
                firstCall = first.Elapsed.TotalMilliseconds;

                results = [];
                async Task Measure<T>(string operation, Inputs<T> inputs, Func<T, Task<int>> call, string note = "")
                {
                    // Stop cleanly, keeping what was measured, if the server goes away (its exit code says why).
                    if (server.HasExited) return;
                    try
                    {
                        results.Add(await Latencies.MeasureAsync(operation, Where, inputs.WarmUp, inputs.Timed, call, note));
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && server.HasExited)
                    {
                        await log.WriteLineAsync($"  the server process exited (code {server.ExitCode}) during {operation}; stopped by something outside the benchmark? Results so far are kept.");
                    }
                }
                await Measure("WhoAmI (per-call floor)", workload.Briefings,
                    async _ => (await auth.WhoAmIAsync(new V1.WhoAmIRequest(), options)).AllowedMethods.Count > 0 ? 1 : 0, "token, account check, audit entry");
                await Measure("GetBriefing (any ward)", workload.Briefings,
                    async code => Count(await areas.GetBriefingAsync(new V1.GetBriefingRequest { AreaCode = code }, options)));
                await Measure("GetBriefing (densest 1% of wards)", workload.DenseBriefings,
                    async code => Count(await areas.GetBriefingAsync(new V1.GetBriefingRequest { AreaCode = code }, options)), $"{workload.DenseWardResidentsFrom}+ residents");
                await Measure("SearchNear 1 km", workload.NearPoints,
                    async p => (await areas.SearchNearAsync(new V1.SearchNearRequest { Point = Point(p), RadiusMetres = 1_000 }, options)).People.Count);
                await Measure("ZonesAt", workload.ZonePoints,
                    async p => (await areas.ZonesAtAsync(new V1.ZonesAtRequest { Point = Point(p) }, options)).Zones.Count);
                await Measure("CheckSighting", workload.Sightings, async s =>
                {
                    var request = new V1.CheckSightingRequest { PersonId = s.PersonId.ToString(), Point = Point(new PointInput(s.Latitude, s.Longitude)) };
                    request.WithPersonIds.AddRange(s.With.Select(w => w.ToString()));
                    return (await areas.CheckSightingAsync(request, options)).Findings.Count;
                });
                workingSet = server.HasExited ? 0 : server.WorkingSet;
            }
            store.ClearPools();

            // The audit write alone, as the interceptor makes it, on the copy the server just used.
            await using var services = BenchServices.For(store, copy);
            long auditAfter;
            await using (var scope = services.CreateAsyncScope())
                auditAfter = await scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>().AuditEntries.LongCountAsync(cancellationToken);
            results.Add(await MeasureAuditAppendAsync(services, workload, cancellationToken));
            return (results, new GrpcFacts(startSeconds, firstCall, auditAfter - auditBefore, workingSet, logPath));
        }
        finally
        {
            store.Delete(copy);
        }
    }

    /// <summary>Creates the run's local officer account (through AccountService); returns the audit entries already there.</summary>
    private static async Task<long> PrepareAccountAsync(BenchStore store, string path, string password, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.For(store, path);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var officer = await db.Officers.AsNoTracking().Where(o => o.Role == OfficerRole.LocalOfficer).OrderBy(o => o.CollarNumber).Select(o => o.Id).FirstAsync(cancellationToken);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.CreateAsync(Username, "Benchmark local officer", Role.LocalOfficer, officer, password, cancellationToken);
        var existing = await db.AuditEntries.LongCountAsync(cancellationToken);
        store.ClearPools();
        return existing;
    }

    /// <summary>
    /// Appends audit entries exactly as AccountabilityInterceptor.AppendAsync does (its turn at
    /// the write gate, a fresh scope, AuditLog.AppendAsync, SaveChanges), naming 20 records as
    /// a briefing of a busy ward would.
    /// </summary>
    private static async Task<LatencySummary> MeasureAuditAppendAsync(ServiceProvider services, Workload workload, CancellationToken cancellationToken)
    {
        var gate = services.GetRequiredService<WriteGate>();
        var ids = workload.Sightings.Timed.Take(20).Select(s => s.PersonId.ToString()).ToList();
        return await Latencies.MeasureAsync("audit entry append alone", "in process", workload.Briefings.WarmUp, workload.Briefings.Timed, async _ =>
        {
            await gate.RunAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
                await AuditLog.AppendAsync(db, new AuditRecord(DateTimeOffset.UtcNow, Username, null, "local-officer", "/offendermgmt.v1.Areas/GetBriefing",
                    AuditAction.Read, ids, "briefing", "OK"), CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
            }, cancellationToken);
            return 1;
        }, "as AccountabilityInterceptor writes it, 20 record ids");
    }

    private static V1.GeoPoint Point(PointInput p) => new() { Latitude = p.Latitude, Longitude = p.Longitude };

    private static int Count(V1.Briefing briefing) => briefing.Residents.Count + briefing.Excluded.Count + briefing.Zones.Count;
}
