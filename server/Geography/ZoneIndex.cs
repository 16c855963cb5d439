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

    public ZoneIndex(IEnumerable<ZoneEntry> zones)
    {
        Zones = zones.ToList();
        foreach (var zone in Zones) _tree.Insert(zone.Geometry.Envelope, zone);
        _tree.Build();
    }

    public static ZoneIndex Empty { get; } = new([]);

    public IReadOnlyList<ZoneEntry> Zones { get; }

    /// <summary>Zones whose shape covers the point, whatever the time.</summary>
    public IReadOnlyList<ZoneEntry> Covering(double latitude, double longitude)
    {
        var point = new Envelope(longitude, longitude, latitude, latitude);
        return _tree.Query(point).Where(z => z.Geometry.Covers(latitude, longitude)).ToList();
    }
}
