using System.Collections.Concurrent;
using System.Diagnostics;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;
using OffenderMgmt.Server.Telemetry;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Everyone a briefing can be about, in memory, by area: a briefing is dozens of people with
/// their cases, orders and conditions, and reading them per call was ten queries and most of
/// its time (docs/benchmarks.md). Built once from the database; after that, each committed
/// change, through any instance, marks the people it touched (the change log, see
/// <see cref="ChangeFeed"/>) and the next reader, having caught up with the log, reloads just
/// those before answering, so a briefing never shows a person as they were before a change that
/// has been committed and answered.
/// </summary>
public sealed class BriefingFactsView : IDisposable, IChangeObserver
{
    private readonly IServiceScopeFactory scopes;
    private readonly ViewMetrics metrics;
    private readonly ChangeFeed feed;
    private readonly Staleness _staleness;

    public BriefingFactsView(IServiceScopeFactory scopes, ViewMetrics metrics, ChangeFeed feed)
    {
        this.scopes = scopes;
        this.metrics = metrics;
        this.feed = feed;
        _staleness = metrics.Track(ViewMetrics.BriefingFacts);
        feed.Observe(this);
    }

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ConcurrentDictionary<Guid, BriefingFacts> _people = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> _residents = new(StringComparer.Ordinal);
    private volatile BriefingContacts _contacts = BriefingContacts.None;
    private volatile bool _built;

    private readonly Lock _gate = new();
    private Changes _changes = new();
    private volatile bool _changed;
    // Set (before _changed is cleared) while a refresh applies the changes it took, so a reader
    // that finds nothing left to take still waits for them rather than answer from before them.
    private volatile bool _refreshing;

    /// <summary>What commits have changed since the last refresh.</summary>
    private sealed class Changes
    {
        public HashSet<Guid> People { get; } = [];
        public HashSet<Guid> Orders { get; } = [];
        public HashSet<Guid> Conditions { get; } = [];
        public bool Contacts { get; set; }
        public bool Everyone { get; set; }

        public void Add(Changes other)
        {
            People.UnionWith(other.People);
            Orders.UnionWith(other.Orders);
            Conditions.UnionWith(other.Conditions);
            Contacts |= other.Contacts;
            Everyone |= other.Everyone;
        }
    }

    /// <summary>Committed changes from the change log (any instance's).</summary>
    public ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.ForBriefings) Changed(changes.People, changes.Orders, changes.Conditions, changes.Contacts, everyone: changes.Everything || changes.Areas);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Called after a commit: these people, orders, conditions (whose owners are looked up)
    /// or officers and teams changed; or, with <paramref name="everyone"/>, reload everyone
    /// (areas re-imported, too many changes to list, or changes possibly missed).
    /// </summary>
    public void Changed(IEnumerable<Guid> people, IEnumerable<Guid> orders, IEnumerable<Guid> conditions, bool contacts, bool everyone = false)
    {
        lock (_gate)
        {
            _changes.People.UnionWith(people);
            _changes.Orders.UnionWith(orders);
            _changes.Conditions.UnionWith(conditions);
            _changes.Contacts |= contacts || everyone;
            _changes.Everyone |= everyone;
            _changed = true;
        }
        _staleness.Changed();
    }

    /// <summary>The view with every change committed before the call (on any instance) applied (built first if need be).</summary>
    public async ValueTask<BriefingFactsView> CurrentAsync(CancellationToken cancellationToken)
    {
        await feed.CatchUpAsync(cancellationToken);
        if (_built && !_changed && !_refreshing) return this;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!_built || _changed) await RefreshAsync(cancellationToken);
            return this;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The facts of a person in the view (managed or under a live order), if any.</summary>
    public BriefingFacts? Find(Guid personId) => _people.GetValueOrDefault(personId);

    /// <summary>Everyone in the view whose home is in the area.</summary>
    public IEnumerable<BriefingFacts> LivingIn(string areaCode)
    {
        if (!_residents.TryGetValue(areaCode, out var ids)) yield break;
        foreach (var id in ids.Keys)
        {
            // A person moved by a refresh running now is skipped in the area they left.
            if (_people.TryGetValue(id, out var facts) && facts.AreaCode == areaCode) yield return facts;
        }
    }

    public BriefingContacts Contacts => _contacts;

    /// <summary>People's names: from the view, and from the database for anyone not in it.</summary>
    public async Task<Dictionary<Guid, string>> NamesOfAsync(IEnumerable<Guid> personIds, OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        var unnamed = new List<Guid>();
        foreach (var id in personIds.Distinct())
        {
            if (Find(id) is { } facts) names[id] = facts.Person.DisplayName;
            else unnamed.Add(id);
        }
        if (unnamed.Count > 0)
        {
            foreach (var (id, name) in await db.NamesOfAsync(unnamed, cancellationToken)) names[id] = name;
        }
        return names;
    }

    public int Count => _people.Count;

    private long _version;

    /// <summary>
    /// Advances with every refresh (whether or not it found anything to change): what is built
    /// from the view and kept (<see cref="BriefingWards"/>) is kept for one version. Read after
    /// <see cref="CurrentAsync"/>, it is at least the version that has every change committed
    /// before the call; something built after reading it is never older than it.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Whether the view has been built from the database (readiness: see Hosting/HealthRegistration).</summary>
    public bool IsBuilt => _built;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Changes taken;
        lock (_gate)
        {
            // Changes committed from here on are left for the next refresh: whatever this one
            // reads may predate them.
            taken = _changes;
            _changes = new Changes();
            _refreshing = true;
            _changed = false;
        }
        var started = Stopwatch.GetTimestamp();
        var kind = _built ? ViewMetrics.Refresh : ViewMetrics.Build;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var loader = scope.ServiceProvider.GetRequiredService<BriefingFactsLoader>();
            if (!_built)
            {
                var everyone = await loader.LoadAsync(null, cancellationToken);
                _contacts = await loader.ContactsAsync(cancellationToken);
                foreach (var facts in everyone) Put(facts.Person.Id, facts);
                _built = true;
                Applied(kind, started);
                return;
            }
            if (taken.Everyone)
            {
                var everyone = (await loader.LoadAsync(null, cancellationToken)).ToDictionary(f => f.Person.Id);
                _contacts = await loader.ContactsAsync(cancellationToken);
                foreach (var gone in _people.Keys.Where(id => !everyone.ContainsKey(id)).ToList()) Put(gone, null);
                foreach (var (id, facts) in everyone) Put(id, facts);
                Applied(ViewMetrics.Build, started);
                return;
            }
            var people = taken.People.ToHashSet();
            people.UnionWith(await loader.OwnersAsync(taken.Orders, taken.Conditions, cancellationToken));
            var reloaded = (await loader.LoadAsync(people, cancellationToken)).ToDictionary(f => f.Person.Id);
            if (taken.Contacts) _contacts = await loader.ContactsAsync(cancellationToken);
            foreach (var id in people) Put(id, reloaded.GetValueOrDefault(id));
            Applied(kind, started);
        }
        catch
        {
            // Not applied: keep the changes for the next reader.
            lock (_gate)
            {
                _changes.Add(taken);
                _changed = true;
            }
            throw;
        }
        finally
        {
            // Before the refresh is seen as done: a reader that no longer waits for it sees the new version.
            Interlocked.Increment(ref _version);
            _refreshing = false;
        }
    }

    private void Applied(string kind, long started)
    {
        metrics.Reloaded(ViewMetrics.BriefingFacts, kind, Stopwatch.GetElapsedTime(started));
        if (!_changed) _staleness.Current();
    }

    /// <summary>Replaces a person's facts (null: no longer managed or under a live order).</summary>
    private void Put(Guid personId, BriefingFacts? facts)
    {
        if (_people.TryGetValue(personId, out var old) && old.AreaCode is { } left && left != facts?.AreaCode &&
            _residents.TryGetValue(left, out var formerNeighbours))
            formerNeighbours.TryRemove(personId, out _);
        if (facts is null)
        {
            _people.TryRemove(personId, out _);
            return;
        }
        _people[personId] = facts;
        if (facts.AreaCode is { } area) _residents.GetOrAdd(area, _ => new ConcurrentDictionary<Guid, byte>())[personId] = 0;
    }

    public void Dispose() => _refresh.Dispose();
}
