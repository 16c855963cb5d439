using NetTopologySuite.Geometries;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Domain;

/// <summary>Which ward an address belongs to, on the real Bedfordshire boundaries.</summary>
public class AreaClassificationTests
{
    [Fact]
    public void All_77_wards_are_indexed()
    {
        Assert.Equal(77, Bedfordshire.Index.Areas.Count);
    }

    [Theory]
    [InlineData("Barnfield")]
    [InlineData("Castle")]
    [InlineData("Dunstable-Central")]
    [InlineData("Westoning, Flitton and Greenfield")]
    public void A_point_inside_a_ward_belongs_to_that_ward(string ward)
    {
        var (lat, lon) = Bedfordshire.Inside(ward);
        Assert.Equal(Bedfordshire.Ward(ward).Code, Bedfordshire.Index.Classify(lat, lon)?.Code);
    }

    [Theory]
    [InlineData(51.5074, -0.1278)]  // Westminster
    [InlineData(52.2053, 0.1218)]   // Cambridge
    [InlineData(0, 0)]
    public void A_point_outside_the_force_belongs_to_no_ward(double lat, double lon)
    {
        Assert.Null(Bedfordshire.Index.Classify(lat, lon));
    }

    [Fact]
    public void A_point_on_a_boundary_shared_by_two_wards_goes_to_the_lower_code_every_time()
    {
        var (first, second, shared) = SharedVertex();
        var expected = string.CompareOrdinal(first, second) < 0 ? first : second;
        for (var i = 0; i < 3; i++)
            Assert.Equal(expected, Bedfordshire.Index.Classify(shared.Y, shared.X)?.Code);
    }

    [Fact]
    public void A_vertex_on_the_outer_edge_of_the_force_still_belongs_to_its_ward()
    {
        var extent = Bedfordshire.Index.Extent;
        var (ward, vertex) = Bedfordshire.Wards
            .SelectMany(w => w.Boundary.Coordinates.Select(c => (w.Code, c)))
            .First(x => x.c.Y == extent.MaxY);
        Assert.Equal(ward, Bedfordshire.Index.Classify(vertex.Y, vertex.X)?.Code);
    }

    [Fact]
    public void Classification_agrees_with_a_direct_point_in_polygon_test_across_the_county()
    {
        var random = new Random(7);
        var extent = Bedfordshire.Index.Extent;
        for (var i = 0; i < 2000; i++)
        {
            var lon = extent.MinX + random.NextDouble() * extent.Width;
            var lat = extent.MinY + random.NextDouble() * extent.Height;
            var point = new Point(lon, lat);
            var direct = Bedfordshire.Wards.Where(w => w.Boundary.Covers(point)).Select(w => w.Code).Order(StringComparer.Ordinal).FirstOrDefault();
            Assert.Equal(direct, Bedfordshire.Index.Classify(lat, lon)?.Code);
        }
    }

    private static (string First, string Second, Coordinate Shared) SharedVertex()
    {
        var castle = Bedfordshire.Ward("Castle");
        var vertices = castle.Boundary.Coordinates.ToHashSet();
        foreach (var other in Bedfordshire.Wards.Where(w => w.Code != castle.Code))
        {
            var shared = other.Boundary.Coordinates.FirstOrDefault(vertices.Contains);
            if (shared is not null) return (castle.Code, other.Code, shared);
        }
        throw new InvalidOperationException("Castle ward shares no vertex with a neighbour.");
    }
}
