using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;

namespace OffenderMgmt.Server.Areas;

/// <summary>
/// How many people (everyone with an address filed in the area, managed or not: the count
/// GetArea and ListAreas give) live in each area, in memory, so GetArea reads no table per call
/// (issue 13). Built once from the database; after that each committed change to a person or
/// an address, through any instance, is in the change log (<see cref="ChangeFeed"/>), and the
/// next reader, having caught up with the log, re-reads just those people's areas before
/// answering, as the briefing view does. A re-import of the areas (which re-files addresses)
/// rebuilds it whole.
/// </summary>
public sealed class AreaResidents : IChangeObserver, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ChangeFeed _feed;
    private readonly SemaphoreSlim _refresh = new(1, 1);

    // Changed in place by a refresh (copying it per change would cost milliseconds at national scale).
    private readonly Lock _data = new();
    private Dictionary<Guid, string> _areaOf = [];
    private Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private HashSet<Guid> _changedPeople = [];
    private bool _everyone = true;
    private volatile bool _changed = true;
    // Set (before _changed is cleared) while a refresh applies what it took, so a reader finding
    // nothing left to take still waits for it (as in the briefing view).
    private volatile bool _refreshing;

    public AreaResidents(IServiceScopeFactory scopes, ChangeFeed feed)
    {
        _scopes = scopes;
        _feed = feed;
        feed.Observe(this);
    }

    public ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.Everything || changes.Areas || changes.People.Count > 0)
        {
            lock (_gate)
            {
                _changedPeople.UnionWith(changes.People);
                _everyone |= changes.Everything || changes.Areas;
                _changed = true;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>How many people live in the area, with every change committed before the call (on any instance) counted.</summary>
    public async ValueTask<int> CountAsync(string areaCode, CancellationToken cancellationToken)
    {
        await CurrentAsync(cancellationToken);
        lock (_data) return _counts.GetValueOrDefault(areaCode);
    }

    private async ValueTask CurrentAsync(CancellationToken cancellationToken)
    {
        await _feed.CatchUpAsync(cancellationToken);
        if (!_changed && !_refreshing) return;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_changed) await RefreshAsync(cancellationToken);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        HashSet<Guid> people;
        bool everyone;
        lock (_gate)
        {
            // Changes noted from here on are left for the next refresh: what this one reads may predate them.
            (people, everyone) = (_changedPeople, _everyone);
            _refreshing = true;
            (_changedPeople, _everyone, _changed) = ([], false, false);
        }
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            if (everyone)
            {
                var all = await HomesAsync(db, null, cancellationToken);
                var counts = CountsOf(all.Values);
                lock (_data) (_areaOf, _counts) = (all, counts);
                return;
            }
            var homes = new Dictionary<Guid, string>();
            foreach (var chunk in people.Chunk(500))
                foreach (var (id, area) in await HomesAsync(db, chunk, cancellationToken)) homes[id] = area;
            lock (_data)
            {
                foreach (var id in people)
                {
                    if (_areaOf.Remove(id, out var left)) _counts[left]--;
                    if (!homes.TryGetValue(id, out var area)) continue;
                    _areaOf[id] = area;
                    _counts[area] = _counts.GetValueOrDefault(area) + 1;
                }
            }
        }
        catch
        {
            // Not applied: keep the changes for the next reader.
            lock (_gate)
            {
                _changedPeople.UnionWith(people);
                _everyone |= everyone;
                _changed = true;
            }
            throw;
        }
        finally
        {
            _refreshing = false;
        }
    }

    /// <summary>The area each person's address is filed in (people without one are left out).</summary>
    private static async Task<Dictionary<Guid, string>> HomesAsync(OffenderMgmtDb db, Guid[]? ids, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().Where(p => p.Address != null && p.Address.AreaCode != null);
        if (ids is not null) people = people.Where(p => ids.Contains(p.Id));
        return await people.Select(p => new { p.Id, Area = p.Address!.AreaCode! }).ToDictionaryAsync(p => p.Id, p => p.Area, cancellationToken);
    }

    private static Dictionary<string, int> CountsOf(IEnumerable<string> areas)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var area in areas) counts[area] = counts.GetValueOrDefault(area) + 1;
        return counts;
    }

    public void Dispose() => _refresh.Dispose();
}
