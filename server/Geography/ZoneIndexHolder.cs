using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Keeps the <see cref="ZoneIndex"/> in step with the database. Any committed change to orders
/// or their conditions marks it stale (see <see cref="CommitSignals"/>); the next reader
/// rebuilds it (one at a time) before answering, so a zone is never missed after it is served
/// or varied, and never kept after it is removed.
/// </summary>
public sealed class ZoneIndexHolder(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile ZoneIndex _index = ZoneIndex.Empty;
    private long _generation = 1;
    private long _builtFor;

    /// <summary>Marks the index stale; called after a commit that changed zones.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<ZoneIndex> CurrentAsync(CancellationToken cancellationToken)
    {
        var wanted = Interlocked.Read(ref _generation);
        if (Interlocked.Read(ref _builtFor) == wanted) return _index;
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            wanted = Interlocked.Read(ref _generation);
            if (Interlocked.Read(ref _builtFor) != wanted)
            {
                _index = await BuildAsync(cancellationToken);
                Interlocked.Exchange(ref _builtFor, wanted);
            }
            return _index;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<ZoneIndex> BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var zones = await db.Conditions.AsNoTracking().OfType<ExclusionZoneCondition>()
            .Where(z => z.RemovedOn == null)
            .Join(db.Orders.AsNoTracking().Where(o => o.ServedAt != null && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired),
                z => z.OrderId, o => o.Id, (z, o) => new { Zone = z, o.PersonId, o.Type, o.StartsOn, o.EndsOn })
            .ToListAsync(cancellationToken);
        return new ZoneIndex(zones.Select(x => new ZoneEntry(
            x.Zone.Id, x.Zone.OrderId, x.PersonId, x.Type, x.Zone.ZoneName, ZoneGeometry.Of(x.Zone), x.Zone.Windows,
            x.Zone.AddedOn > x.StartsOn ? x.Zone.AddedOn : x.StartsOn, x.EndsOn, x.Zone)));
    }

    public void Dispose() => _rebuild.Dispose();
}
