using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Geography;

/// <summary>An exclusion zone of a served, live order, with what decides whether it binds at a moment.</summary>
public sealed record ZoneEntry(
    Guid ConditionId, Guid OrderId, Guid PersonId, OrderType OrderType, string ZoneName, ZoneGeometry Geometry,
    IReadOnlyList<WeeklyWindow> Windows, DateOnly From, DateOnly? Until, ExclusionZoneCondition Condition)
{
    /// <summary>The order and the condition are in force on the day (whatever the time windows).</summary>
    public bool InDateOn(DateOnly day) => day >= From && (Until is null || day <= Until);

    /// <summary>In date on the local day, and (for a zone with time windows) inside one of them.</summary>
    public bool BindsAt(DateTime local) =>
        InDateOn(DateOnly.FromDateTime(local)) && (Windows.Count == 0 || WeeklyWindow.AnyCovers(Windows, local));
}

/// <summary>
/// Every exclusion zone of every served, live order in an STR-tree, answering "which zones
/// cover this point" in memory. Immutable: built whole from the database, replaced whole.
/// </summary>
public sealed class ZoneIndex
{
    private readonly STRtree<ZoneEntry> _tree = new();
    private readonly Dictionary<Guid, ZoneEntry> _byCondition;
    private readonly ILookup<string, ZoneEntry> _byArea;

    public ZoneIndex(IEnumerable<ZoneEntry> zones)
    {
        Zones = zones.ToList();
        foreach (var zone in Zones) _tree.Insert(zone.Geometry.Envelope, zone);
        _tree.Build();
        _byCondition = Zones.ToDictionary(z => z.ConditionId);
        // The areas each zone was filed under when it was written (DESIGN.md section 4).
        _byArea = Zones.SelectMany(z => z.Condition.Areas.Select(a => (a.AreaCode, Zone: z))).ToLookup(x => x.AreaCode, x => x.Zone, StringComparer.Ordinal);
    }

    public static ZoneIndex Empty { get; } = new([]);

    public IReadOnlyList<ZoneEntry> Zones { get; }

    /// <summary>Zones filed under an area (they touch it), whatever the day.</summary>
    public IEnumerable<ZoneEntry> TouchingArea(string areaCode) => _byArea[areaCode];

    public ZoneEntry? ForCondition(Guid conditionId) => _byCondition.GetValueOrDefault(conditionId);

    /// <summary>Zones whose shape covers the point, whatever the time.</summary>
    public IReadOnlyList<ZoneEntry> Covering(double latitude, double longitude)
    {
        var point = new Envelope(longitude, longitude, latitude, latitude);
        return _tree.Query(point).Where(z => z.Geometry.Covers(latitude, longitude)).ToList();
    }
}
