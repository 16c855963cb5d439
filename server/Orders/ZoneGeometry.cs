using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using OffenderMgmt.Server.Geography;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// An exclusion zone's shape for spatial questions: its outline (a circle drawn as a 64-sided
/// polygon for area intersection and maps) and an exact "is this point inside" test (by
/// distance for circles).
/// </summary>
public sealed class ZoneGeometry
{
    private const int CircleSides = 64;
    private readonly IPreparedGeometry? _prepared;
    private readonly (double Lat, double Lon, double Radius)? _circle;

    private ZoneGeometry(Geometry outline, IPreparedGeometry? prepared, (double, double, double)? circle)
    {
        Outline = outline;
        _prepared = prepared;
        _circle = circle;
    }

    public Geometry Outline { get; }

    public Envelope Envelope => Outline.EnvelopeInternal;

    public static ZoneGeometry Of(ExclusionZoneCondition zone) => zone.Shape switch
    {
        ZoneShape.Circle => Circle(zone.CentreLatitude!.Value, zone.CentreLongitude!.Value, zone.RadiusMetres!.Value),
        _ => Polygon(Geo.FromWkb(zone.PolygonWkb!)),
    };

    public static ZoneGeometry Polygon(Geometry polygon) => new(polygon, PreparedGeometryFactory.Prepare(polygon), null);

    public static ZoneGeometry Circle(double latitude, double longitude, double radiusMetres)
    {
        var (dLat, dLon) = Geo.DegreesFor(radiusMetres, latitude);
        var ring = new Coordinate[CircleSides + 1];
        for (var i = 0; i < CircleSides; i++)
        {
            var angle = 2 * Math.PI * i / CircleSides;
            ring[i] = new Coordinate(longitude + dLon * Math.Cos(angle), latitude + dLat * Math.Sin(angle));
        }
        ring[CircleSides] = ring[0];
        return new ZoneGeometry(Geo.Factory.CreatePolygon(ring), null, (latitude, longitude, radiusMetres));
    }

    /// <summary>Whether the point is inside the zone (its edge included).</summary>
    public bool Covers(double latitude, double longitude) =>
        _circle is { } c
            ? Geo.DistanceMetres(c.Lat, c.Lon, latitude, longitude) <= c.Radius
            : _prepared!.Covers(Geo.Point(latitude, longitude));

    /// <summary>Metres from the point to the zone's edge (0 inside).</summary>
    public double DistanceMetres(double latitude, double longitude)
    {
        if (Covers(latitude, longitude)) return 0;
        if (_circle is { } c) return Geo.DistanceMetres(c.Lat, c.Lon, latitude, longitude) - c.Radius;
        var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(Outline, Geo.Point(latitude, longitude))[0];
        return Geo.DistanceMetres(latitude, longitude, nearest.Y, nearest.X);
    }
}
