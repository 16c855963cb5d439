using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Geometry conventions: WGS84 longitude/latitude (SRID 4326), X = longitude, Y = latitude,
/// stored as WKB. Distances are metres on the ellipsoid's mean sphere, which is within 0.5% of
/// the ellipsoid at any distance an officer cares about.
/// </summary>
public static class Geo
{
    public const int Srid = 4326;
    public const double EarthRadiusMetres = 6_371_008.8;

    public static readonly GeometryFactory Factory =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Srid);

    public static Point Point(double latitude, double longitude) =>
        Factory.CreatePoint(new Coordinate(longitude, latitude));

    public static byte[] ToWkb(Geometry geometry) => new WKBWriter().Write(geometry);

    public static Geometry FromWkb(byte[] wkb)
    {
        var geometry = new WKBReader(NtsGeometryServices.Instance).Read(wkb);
        geometry.SRID = Srid;
        return geometry;
    }

    /// <summary>
    /// A distance as an officer says it: metres under a kilometre ("850 m"), then kilometres, to
    /// one place under ten ("1.9 km") and whole above ("29 km"), never "28951 m".
    /// </summary>
    public static string DistanceWords(double metres) => metres switch
    {
        < 999.5 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{metres:0} m"),
        < 9950 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{metres / 1000:0.0} km"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{metres / 1000:0} km"),
    };

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var φ1 = DegreesToRadians(lat1);
        var φ2 = DegreesToRadians(lat2);
        var dφ = φ2 - φ1;
        var dλ = DegreesToRadians(lon2 - lon1);
        var a = Math.Sin(dφ / 2) * Math.Sin(dφ / 2) +
                Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of latitude and longitude spanned by a distance around a latitude.</summary>
    public static (double DeltaLatitude, double DeltaLongitude) DegreesFor(double metres, double atLatitude)
    {
        var dLat = RadiansToDegrees(metres / EarthRadiusMetres);
        var cos = Math.Max(Math.Cos(DegreesToRadians(atLatitude)), 1e-6);
        return (dLat, Math.Min(180, dLat / cos));
    }

    public static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
    public static double RadiansToDegrees(double radians) => radians * 180 / Math.PI;
}
