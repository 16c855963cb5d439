namespace OffenderMgmt.Tui.Gateway;

/// <summary>A beat (area) in a list: enough to pick it.</summary>
public sealed record AreaRow(string Code, string Name, string District, int Residents);

/// <summary>A beat's boundary for drawing: the rings of its polygon(s), and its extent.</summary>
public sealed record BeatOutline(string Code, string Name, string District, IReadOnlyList<IReadOnlyList<GeoPosition>> Rings, GeoPosition? Centroid)
{
    /// <summary>The smallest box holding every ring (south-west, north-east), or null when there is no boundary.</summary>
    public (GeoPosition SouthWest, GeoPosition NorthEast)? Extent
    {
        get
        {
            var points = Rings.SelectMany(r => r).ToList();
            if (points.Count == 0) return null;
            return (new GeoPosition(points.Min(p => p.Latitude), points.Min(p => p.Longitude)),
                    new GeoPosition(points.Max(p => p.Latitude), points.Max(p => p.Longitude)));
        }
    }
}
