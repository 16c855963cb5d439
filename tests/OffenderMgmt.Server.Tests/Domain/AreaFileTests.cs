using System.Text;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Tests.Domain;

/// <summary>Reading a force's areas from GeoJSON: all good features or nothing.</summary>
public class AreaFileTests
{
    private const string Square = "[[[-0.5,52.0],[-0.4,52.0],[-0.4,52.1],[-0.5,52.1],[-0.5,52.0]]]";
    private const string BowTie = "[[[-0.5,52.0],[-0.4,52.1],[-0.4,52.0],[-0.5,52.1],[-0.5,52.0]]]";
    private const string Unclosed = "[[[-0.5,52.0],[-0.4,52.0],[-0.4,52.1],[-0.5,52.1]]]";

    private static string Feature(string code, string coordinates, string type = "Polygon") =>
        $$$"""{"type":"Feature","properties":{"ward_code":"{{{code}}}","ward_name":"Ward {{{code}}}","lad_code":"D1","lad_name":"District"},"geometry":{"type":"{{{type}}}","coordinates":{{{coordinates}}}}}""";

    private static IReadOnlyList<AreaDefinition> Read(params string[] features) =>
        GeoJsonAreaReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes($$$"""{"type":"FeatureCollection","features":[{{{string.Join(",", features)}}}]}""")),
            new AreaPropertyNames());

    [Fact]
    public void Good_features_are_read_with_code_name_and_district()
    {
        var area = Assert.Single(Read(Feature("A1", Square)));
        Assert.Equal(("A1", "Ward A1", "D1", "District"), (area.Code, area.Name, area.DistrictCode, area.DistrictName));
    }

    [Fact]
    public void A_self_intersecting_polygon_is_reported_by_feature_and_nothing_is_read()
    {
        var error = Assert.Throws<ValidationException>(() => Read(Feature("A1", Square), Feature("B2", BowTie)));
        var violation = Assert.Single(error.Violations);
        Assert.Equal("features[1]", violation.Field);
        Assert.Contains("B2", violation.Description);
        Assert.Contains("Self-intersection", violation.Description);
    }

    [Fact]
    public void An_unclosed_ring_is_reported_by_feature()
    {
        var error = Assert.Throws<ValidationException>(() => Read(Feature("A1", Unclosed)));
        Assert.Equal("features[0]", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Every_bad_feature_is_reported_not_just_the_first()
    {
        var error = Assert.Throws<ValidationException>(() => Read(
            Feature("A1", BowTie), Feature("A2", Square), Feature("A2", Square), Feature("A4", "[-0.5,52.0]", "Point")));
        Assert.Equal(["features[0]", "features[2]", "features[3]"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Coordinates_that_are_not_longitude_latitude_are_refused()
    {
        var error = Assert.Throws<ValidationException>(() => Read(Feature("A1", "[[[500000,200000],[500100,200000],[500100,200100],[500000,200000]]]")));
        Assert.Contains("WGS84", Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void A_file_that_is_not_geojson_is_refused()
    {
        Assert.Throws<ValidationException>(() =>
            GeoJsonAreaReader.Read(new MemoryStream("not json"u8.ToArray()), new AreaPropertyNames()));
    }
}
