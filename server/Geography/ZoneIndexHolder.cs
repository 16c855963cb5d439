using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;
using OffenderMgmt.Server.Telemetry;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Keeps the <see cref="ZoneIndex"/> in step with the database. Any committed change to orders
/// or their conditions, through any instance, marks it stale (the change log, see
/// <see cref="ChangeFeed"/>); the next reader catches up with the log and rebuilds it (one at a
/// time) before answering, so a zone is never missed after it is served or varied, and never
/// kept after it is removed or its order discharged.
/// </summary>
public sealed class ZoneIndexHolder : IDisposable, IChangeObserver
{
    private readonly IServiceScopeFactory scopes;
    private readonly ViewMetrics metrics;
    private readonly ChangeFeed feed;
    private readonly Staleness _staleness;

    public ZoneIndexHolder(IServiceScopeFactory scopes, ViewMetrics metrics, ChangeFeed feed)
    {
        this.scopes = scopes;
        this.metrics = metrics;
        this.feed = feed;
        _staleness = metrics.Track(ViewMetrics.ZoneIndex);
        feed.Observe(this);
    }

    public ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.Zones || changes.Areas || changes.Everything) Invalidate();
        return ValueTask.CompletedTask;
    }

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile ZoneIndex _index = ZoneIndex.Empty;
    private long _generation = 1;
    private long _builtFor;

    /// <summary>Whether the index has been built at least once (readiness: see Hosting/HealthRegistration).</summary>
    public bool IsBuilt => Interlocked.Read(ref _builtFor) > 0;

    /// <summary>Marks the index stale; called after a commit that changed zones.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _staleness.Changed();
    }

    /// <summary>The index with every change committed before the call (on any instance) applied.</summary>
    public async ValueTask<ZoneIndex> CurrentAsync(CancellationToken cancellationToken)
    {
        await feed.CatchUpAsync(cancellationToken);
        return await CaughtUpAsync(cancellationToken);
    }

    /// <summary>
    /// The index with every change the change feed has applied, for a caller that has just
    /// caught up with the feed itself (as <see cref="BriefingFactsView.CurrentAsync"/> does):
    /// one catch-up serves both views of a call (SightingDesk.ZonesAtAsync).
    /// </summary>
    public async ValueTask<ZoneIndex> CaughtUpAsync(CancellationToken cancellationToken)
    {
        var wanted = Interlocked.Read(ref _generation);
        if (Interlocked.Read(ref _builtFor) == wanted) return _index;
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            wanted = Interlocked.Read(ref _generation);
            if (Interlocked.Read(ref _builtFor) != wanted)
            {
                var started = Stopwatch.GetTimestamp();
                _index = await BuildAsync(cancellationToken);
                Interlocked.Exchange(ref _builtFor, wanted);
                metrics.Reloaded(ViewMetrics.ZoneIndex, ViewMetrics.Build, Stopwatch.GetElapsedTime(started));
                if (Interlocked.Read(ref _generation) == wanted) _staleness.Current();
            }
            return _index;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Every zone of a served order that bound on any day of the past year or binds from now on,
    /// with the days it binds: from the later of its order's start, its service and the zone's
    /// adding, to the earlier of the order's end, discharge and the zone's removal. So "which
    /// zones covered this point last Friday" is answered as it stood last Friday.
    /// </summary>
    private async Task<ZoneIndex> BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var clock = scope.ServiceProvider.GetRequiredService<Common.ForceClock>();
        var oldest = clock.Today.AddDays(-SightingDesk.MaxDaysBack);
        var zones = await db.Conditions.AsNoTracking().OfType<ExclusionZoneCondition>().Include(z => z.Areas)
            .Where(z => z.RemovedOn == null || z.RemovedOn > oldest)
            .Join(db.Orders.AsNoTracking().Where(o => o.ServedAt != null && (o.EndsOn == null || o.EndsOn >= oldest) && (o.DischargedOn == null || o.DischargedOn > oldest)),
                z => z.OrderId, o => o.Id, (z, o) => new { Zone = z, o.PersonId, o.Type, o.StartsOn, o.EndsOn, o.ServedAt, o.DischargedOn })
            .ToListAsync(cancellationToken);
        return new ZoneIndex(zones.Select(x =>
        {
            var served = DateOnly.FromDateTime(clock.ToLocal(x.ServedAt!.Value).DateTime);
            var from = new[] { x.Zone.AddedOn, x.StartsOn, served }.Max();
            var until = new[] { x.EndsOn, x.DischargedOn?.AddDays(-1), x.Zone.RemovedOn?.AddDays(-1) }.Where(d => d is not null).Min();
            return new ZoneEntry(x.Zone.Id, x.Zone.OrderId, x.PersonId, x.Type, x.Zone.ZoneName, ZoneGeometry.Of(x.Zone), x.Zone.Windows, from, until, x.Zone);
        }).Where(z => z.Until is null || z.Until >= z.From));
    }

    public void Dispose() => _rebuild.Dispose();
}
