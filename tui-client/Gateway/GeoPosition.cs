using System.Globalization;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A point on the map in WGS84 decimal degrees.</summary>
public readonly record struct GeoPosition(double Latitude, double Longitude)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>"52.13612, -0.46710": five decimals is about a metre.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.00000}, {Longitude:0.00000}");

    /// <summary>
    /// Reads a typed location: "52.136, -0.467" or "52.136 -0.467" (latitude first, as on a map
    /// or a phone). Returns false with a message to show when it is not a valid position.
    /// </summary>
    public static bool TryParse(string? text, out GeoPosition position, out string problem)
    {
        position = default;
        var parts = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 ||
            !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            problem = "Type the location as latitude, longitude in decimal degrees, e.g. 51.8812, -0.4176.";
            return false;
        }
        position = new GeoPosition(latitude, longitude);
        if (!position.IsValid)
        {
            problem = "Latitude must be between -90 and 90 and longitude between -180 and 180.";
            return false;
        }
        problem = "";
        return true;
    }

    /// <summary>Distance in metres (haversine; plenty for a beat).</summary>
    public double MetresTo(GeoPosition other)
    {
        const double earthRadius = 6_371_000;
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) *
                Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return earthRadius * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }
}
