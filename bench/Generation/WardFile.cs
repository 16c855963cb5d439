using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;

namespace OffenderMgmt.Bench.Generation;

/// <summary>A ward the server's importer refused, and what the repair changed.</summary>
public sealed record WardRepair(string Code, string Name, string Problem, double AreaChangePercent, int PartsBefore, int PartsAfter);

/// <summary>The ward file made ready for the server's importer, with the repairs it needed.</summary>
public sealed record PreparedWards(byte[] GeoJson, int Count, IReadOnlyList<WardRepair> Repairs);

/// <summary>
/// The 7,681 English wards (2013) shipped in bench/data. They go through the server's own
/// reader first, unchanged: if it refuses some polygons (NetTopologySuite finds them invalid),
/// exactly those are repaired here with NetTopologySuite's GeometryFixer and the file is read
/// again, so the server's validation is never weakened, only satisfied.
/// GeometryFixer rather than buffer(0): buffer(0) keeps only one lobe of a "bow-tie" ring and
/// can silently drop part of a ward; the fixer keeps every lobe. Each repair is reported with
/// how much it changed the ward's area.
/// </summary>
public static class WardFile
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "england-wards.geojson.gz");

    public static PreparedWards Prepare(string path)
    {
        var original = ReadAll(path);
        var refused = Refusals(original);
        if (refused.Count == 0) return new PreparedWards(original, CountFeatures(original), []);

        var root = JsonNode.Parse(original)!.AsObject();
        var features = root["features"]!.AsArray();
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        var repairs = new List<WardRepair>();
        foreach (var (index, problem) in refused)
        {
            var feature = features[index]!.AsObject();
            var properties = feature["properties"]!.AsObject();
            var geometry = feature["geometry"].Deserialize<Geometry>(options)!;
            var fixedGeometry = GeometryFixer.Fix(geometry);
            if (fixedGeometry is not (Polygon or MultiPolygon) || !new IsValidOp(fixedGeometry).IsValid)
                throw new InvalidOperationException($"Ward {properties["ward_code"]} could not be repaired ({problem}).");
            repairs.Add(new WardRepair(
                (string?)properties["ward_code"] ?? "?", (string?)properties["ward_name"] ?? "?", problem,
                100 * (fixedGeometry.Area - geometry.Area) / geometry.Area, geometry.NumGeometries, fixedGeometry.NumGeometries));
            feature["geometry"] = JsonSerializer.SerializeToNode(fixedGeometry, options);
        }
        var repaired = JsonSerializer.SerializeToUtf8Bytes(root);
        var stillRefused = Refusals(repaired);
        if (stillRefused.Count > 0)
            throw new InvalidOperationException($"The repaired ward file is still refused: {string.Join("; ", stillRefused.Select(r => r.Problem))}");
        return new PreparedWards(repaired, features.Count, repairs);
    }

    private static byte[] ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>What the server's reader says about the file: one (feature index, problem) per refused feature.</summary>
    private static List<(int Index, string Problem)> Refusals(byte[] geoJson)
    {
        try
        {
            using var stream = new MemoryStream(geoJson, writable: false);
            GeoJsonAreaReader.Read(stream, new AreaPropertyNames());
            return [];
        }
        catch (ValidationException e)
        {
            return e.Violations.Select(v => (IndexOf(v.Field), v.Description)).ToList();
        }
    }

    /// <summary>"features[123]" to 123; any other field means the whole file is unusable.</summary>
    private static int IndexOf(string field) =>
        field.StartsWith("features[", StringComparison.Ordinal) && field.EndsWith(']')
            ? int.Parse(field["features[".Length..^1], System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The ward file is refused as a whole: {field}");

    private static int CountFeatures(byte[] geoJson)
    {
        using var document = JsonDocument.Parse(geoJson, new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.GetProperty("features").GetArrayLength();
    }
}
