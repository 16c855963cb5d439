using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;

namespace OffenderMgmt.Server.Areas;

/// <summary>Which GeoJSON feature properties hold an area's code, name and district.</summary>
public sealed record AreaPropertyNames(
    string Code = "ward_code", string Name = "ward_name",
    string DistrictCode = "lad_code", string DistrictName = "lad_name");

public sealed record AreaDefinition(string Code, string Name, string DistrictCode, string DistrictName, Geometry Boundary);

/// <summary>
/// Reads areas from a GeoJSON FeatureCollection (WGS84). Every feature is checked, and if any
/// is unusable (missing code, not a polygon, a ring that is not closed or crosses itself) the
/// whole file is refused with one violation per bad feature: an import is all or nothing.
/// </summary>
public static class GeoJsonAreaReader
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return options;
    }

    public static IReadOnlyList<AreaDefinition> Read(Stream geoJson, AreaPropertyNames names)
    {
        using var document = ParseDocument(geoJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException("features", "the file is not a GeoJSON FeatureCollection");
        }

        var areas = new List<AreaDefinition>();
        var problems = new List<FieldViolation>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var field = $"features[{index}]";
            try
            {
                var area = ReadFeature(feature, names, field);
                if (seen.TryGetValue(area.Code, out var first))
                    problems.Add(new FieldViolation(field, $"area code '{area.Code}' is repeated (first at features[{first}])"));
                else
                {
                    seen[area.Code] = index;
                    areas.Add(area);
                }
            }
            catch (FeatureException e)
            {
                problems.Add(new FieldViolation(field, e.Message));
            }
            index++;
        }
        if (problems.Count > 0) throw new ValidationException(problems);
        if (areas.Count == 0) throw new ValidationException("features", "the file holds no areas");
        return areas;
    }

    private static JsonDocument ParseDocument(Stream geoJson)
    {
        try
        {
            return JsonDocument.Parse(geoJson, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new ValidationException("file", $"is not valid JSON: {e.Message}");
        }
    }

    private static AreaDefinition ReadFeature(JsonElement feature, AreaPropertyNames names, string field)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            throw new FeatureException("has no properties");
        var code = Text(properties, names.Code);
        var label = code.Length > 0 ? $"area '{code}'" : "the feature";
        if (code.Length == 0) throw new FeatureException($"has no '{names.Code}' property");
        if (code.Length > 20) throw new FeatureException($"{label}: the code is longer than 20 characters");
        var name = Text(properties, names.Name);
        if (name.Length == 0) throw new FeatureException($"{label} has no '{names.Name}' property");

        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind != JsonValueKind.Object)
            throw new FeatureException($"{label} has no geometry");
        Geometry geometry;
        try
        {
            geometry = geometryJson.Deserialize<Geometry>(GeometryOptions)
                       ?? throw new FeatureException($"{label} has an empty geometry");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            // NTS refuses rings that are not closed or too short while building them.
            throw new FeatureException($"{label} has an unreadable geometry: {e.Message}");
        }

        if (geometry is not (Polygon or MultiPolygon))
            throw new FeatureException($"{label} is a {geometry.GeometryType}, not a Polygon or MultiPolygon");
        if (geometry.IsEmpty) throw new FeatureException($"{label} has an empty geometry");
        var outOfRange = geometry.Coordinates.FirstOrDefault(c => c.Y is < -90 or > 90 || c.X is < -180 or > 180 || double.IsNaN(c.X) || double.IsNaN(c.Y));
        if (outOfRange is not null)
            throw new FeatureException($"{label} has a coordinate outside longitude/latitude range ({outOfRange.X} {outOfRange.Y}); is it in WGS84?");
        var validation = new IsValidOp(geometry).ValidationError;
        if (validation is not null)
            throw new FeatureException($"{label} is not a valid polygon: {validation.Message} at ({validation.Coordinate?.X} {validation.Coordinate?.Y})");

        geometry.SRID = Geo.Srid;
        return new AreaDefinition(code, name, Text(properties, names.DistrictCode), Text(properties, names.DistrictName), geometry);
    }

    private static string Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : "";

    private sealed class FeatureException(string message) : Exception(message);
}
