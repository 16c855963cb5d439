using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using OffenderMgmt.Server.Geography;

namespace OffenderMgmt.Server.Areas;

/// <summary>An area's boundary, prepared for fast repeated point-in-polygon tests.</summary>
public sealed record AreaShape(string Code, string Name, string DistrictCode, string DistrictName, Geometry Boundary)
{
    public IPreparedGeometry Prepared { get; } = PreparedGeometryFactory.Prepare(Boundary);

    /// <summary>
    /// The stored row (as read from the database, never changed: shared between calls), when the
    /// index was loaded from the database; GetArea and GetBriefing answer from it instead of
    /// reading the area per call (issue 13). Null in an index built from a file not yet stored.
    /// </summary>
    public Area? Stored { get; init; }
}

/// <summary>
/// The force's areas in an STR-tree, answering "which area contains this point" and "which
/// areas does this zone touch" in memory. Immutable: a re-import builds a new index and swaps
/// it in (<see cref="AreaIndexHolder"/>), so readers never see a half-built tree.
/// </summary>
public sealed class AreaIndex
{
    private readonly STRtree<AreaShape> _tree = new();
    private readonly Dictionary<string, AreaShape> _byCode;

    public AreaIndex(IEnumerable<AreaShape> areas)
    {
        Areas = areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        _byCode = Areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var area in Areas) _tree.Insert(area.Boundary.EnvelopeInternal, area);
        _tree.Build();
        Extent = Areas.Count == 0 ? new Envelope() : Areas.Select(a => a.Boundary.EnvelopeInternal)
            .Aggregate(new Envelope(), (all, e) => { all.ExpandToInclude(e); return all; });
    }

    public static AreaIndex Empty { get; } = new([]);

    public IReadOnlyList<AreaShape> Areas { get; }

    /// <summary>The bounding box of every area: the force's extent.</summary>
    public Envelope Extent { get; }

    /// <summary>
    /// The area containing the point, or null outside every area. A point exactly on a shared
    /// boundary belongs to both; the lowest code wins, so the answer is stable.
    /// </summary>
    public AreaShape? Classify(double latitude, double longitude)
    {
        var point = Geo.Point(latitude, longitude);
        AreaShape? best = null;
        foreach (var candidate in _tree.Query(point.EnvelopeInternal))
        {
            if (!candidate.Prepared.Covers(point)) continue;
            if (best is null || string.CompareOrdinal(candidate.Code, best.Code) < 0) best = candidate;
        }
        return best;
    }

    /// <summary>Codes of every area the geometry touches (intersects, boundary included).</summary>
    public IReadOnlyList<string> Touching(Geometry geometry) =>
        _tree.Query(geometry.EnvelopeInternal)
            .Where(a => a.Prepared.Intersects(geometry))
            .Select(a => a.Code)
            .Order(StringComparer.Ordinal)
            .ToList();

    public AreaShape? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The stored area with this code, or null if there is none.</summary>
    public Area? Stored(string code) => Find(code)?.Stored;

    /// <summary>An index of the stored areas, each keeping its row (see <see cref="AreaShape.Stored"/>).</summary>
    public static AreaIndex OfStored(IEnumerable<Area> areas) => new(areas.Select(a =>
        new AreaShape(a.Code, a.Name, a.DistrictCode, a.DistrictName, Geo.FromWkb(a.BoundaryWkb)) { Stored = a }));
}

/// <summary>
/// Holds the current <see cref="AreaIndex"/>; swapped whole when areas are re-imported, by this
/// process or another (the admin command, another instance): the change log says so and every
/// running instance reloads the stored areas before its next answer from the views (issue 15).
/// </summary>
public sealed class AreaIndexHolder : Persistence.Changes.IChangeObserver
{
    private readonly IServiceScopeFactory _scopes;
    private volatile AreaIndex _current = AreaIndex.Empty;

    public AreaIndexHolder(IServiceScopeFactory scopes, Persistence.Changes.ChangeFeed feed)
    {
        _scopes = scopes;
        feed.Observe(this);
    }

    public AreaIndex Current => _current;

    public void Replace(AreaIndex index) => _current = index;

    public async ValueTask ApplyAsync(Persistence.Changes.ChangeSet changes, CancellationToken cancellationToken)
    {
        if (!(changes.Areas || changes.Everything)) return;
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AreaImporter>().LoadIndexAsync(cancellationToken);
    }
}
