using System.Text.Json;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// Reads the rings of a GeoJSON Polygon or MultiPolygon ([longitude, latitude] pairs, as GeoJSON
/// has them). Anything else, or malformed JSON, gives no rings: a beat without an outline is
/// still a beat, and the map says so rather than the client failing.
/// </summary>
internal static class GeoJsonOutline
{
    public static IReadOnlyList<IReadOnlyList<GeoPosition>> Rings(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson)) return [];
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return [];
            if (root.TryGetProperty("geometry", out var geometry)) root = geometry;  // a Feature
            if (!root.TryGetProperty("type", out var type) || !root.TryGetProperty("coordinates", out var coordinates)) return [];
            return type.GetString() switch
            {
                "Polygon" => PolygonRings(coordinates),
                "MultiPolygon" => coordinates.EnumerateArray().SelectMany(PolygonRings).ToList(),
                _ => [],
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private static List<IReadOnlyList<GeoPosition>> PolygonRings(JsonElement polygon) =>
        polygon.EnumerateArray()
            .Select(ring => (IReadOnlyList<GeoPosition>)ring.EnumerateArray()
                .Where(p => p.GetArrayLength() >= 2)
                .Select(p => new GeoPosition(p[1].GetDouble(), p[0].GetDouble()))
                .Where(p => p.IsValid)
                .ToList())
            .Where(r => r.Count >= 3)
            .ToList();
}
