using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>What loading the in-memory indexes cost before the first call could be answered.</summary>
public sealed record StartupCosts(double AreaIndexSeconds, double ZoneIndexSeconds, int ZonesIndexed, double BriefingViewSeconds, int PeopleInView, long HeapBeforeView, long HeapAfterView);

/// <summary>
/// The application services themselves, without gRPC: a DI container built with the server's
/// AddOffenderMgmt over the bench database, one scope per call (as each RPC gets one), the
/// caller signed in as a local officer stating "briefing" (as the interceptor would leave it).
/// Times the service call only; mapping to protobuf and the wire are in the gRPC figures.
/// </summary>
public static class InProcessBench
{
    public const string Where = "in process";

    public static async Task<(StartupCosts Startup, Workload Workload)> PrepareAsync(ServiceProvider services, int seed, int warmUp, int calls, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AreaImporter>().LoadIndexAsync(cancellationToken);
        var areaSeconds = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        var zones = await services.GetRequiredService<ZoneIndexHolder>().CurrentAsync(cancellationToken);
        var zoneSeconds = stopwatch.Elapsed.TotalSeconds;
        // What the view holds: the managed heap before and after it, once loading garbage is collected.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        stopwatch.Restart();
        var view = await services.GetRequiredService<BriefingFactsView>().CurrentAsync(cancellationToken);
        var viewSeconds = stopwatch.Elapsed.TotalSeconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        await using var drawScope = services.CreateAsyncScope();
        var workload = await Workload.DrawAsync(drawScope.ServiceProvider.GetRequiredService<OffenderMgmtDb>(), zones, seed, warmUp, calls, cancellationToken);
        return (new StartupCosts(areaSeconds, zoneSeconds, zones.Zones.Count, viewSeconds, view.Count, heapBefore, heapAfter), workload);
    }

    public static async Task<List<LatencySummary>> RunAsync(ServiceProvider services, Workload workload, CancellationToken cancellationToken)
    {
        async Task<int> InScope<TService>(Func<TService, Task<int>> call) where TService : notnull
        {
            await using var scope = services.CreateAsyncScope();
            var caller = scope.ServiceProvider.GetRequiredService<Caller>();
            caller.SignedIn("bench.officer", Role.LocalOfficer, null);
            caller.States(AccessPurpose.Parse("briefing"));
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }

        var ct = cancellationToken;
        return
        [
            await Latencies.MeasureAsync("GetBriefing (any ward)", Where, workload.Briefings.WarmUp, workload.Briefings.Timed,
                code => InScope<BeatBriefings>(async b => Count(await b.GetAsync(code, ct)))),
            await Latencies.MeasureAsync("GetBriefing (densest 1% of wards)", Where, workload.DenseBriefings.WarmUp, workload.DenseBriefings.Timed,
                code => InScope<BeatBriefings>(async b => Count(await b.GetAsync(code, ct))), $"{workload.DenseWardResidentsFrom}+ residents"),
            await Latencies.MeasureAsync("SearchNear 1 km", Where, workload.NearPoints.WarmUp, workload.NearPoints.Timed,
                p => InScope<NearbySearch>(async n => (await n.NearAsync(p.Latitude, p.Longitude, 1_000, 0, ct)).Count)),
            await Latencies.MeasureAsync("ZonesAt", Where, workload.ZonePoints.WarmUp, workload.ZonePoints.Timed,
                p => InScope<SightingDesk>(async d => (await d.ZonesAtAsync(p.Latitude, p.Longitude, null, ct)).Count)),
            await Latencies.MeasureAsync("CheckSighting", Where, workload.Sightings.WarmUp, workload.Sightings.Timed,
                s => InScope<SightingDesk>(async d => (await d.CheckAsync(s.PersonId, s.Latitude, s.Longitude, null, s.With, "", ct)).Findings.Count)),
        ];
    }

    /// <summary>People and zones in a briefing: what it had to load.</summary>
    public static int Count(Briefing briefing) => briefing.Residents.Count + briefing.Excluded.Count + briefing.Zones.Count;
}
