using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Testing;

/// <summary>The real Bedfordshire ward boundaries, read once for the domain tests.</summary>
public static class Bedfordshire
{
    private static readonly Lazy<IReadOnlyList<AreaDefinition>> Definitions = new(() =>
    {
        using var file = File.OpenRead(DemoSeeder.BoundaryFile);
        return GeoJsonAreaReader.Read(file, new AreaPropertyNames());
    });

    private static readonly Lazy<AreaIndex> IndexLazy = new(() => new AreaIndex(
        Wards.Select(d => new AreaShape(d.Code, d.Name, d.DistrictCode, d.DistrictName, d.Boundary))));

    public static IReadOnlyList<AreaDefinition> Wards => Definitions.Value;

    public static AreaIndex Index => IndexLazy.Value;

    public static AreaDefinition Ward(string name) => Wards.Single(w => w.Name == name);

    /// <summary>A point well inside a ward (its interior point), as (latitude, longitude).</summary>
    public static (double Latitude, double Longitude) Inside(string wardName)
    {
        var point = Ward(wardName).Boundary.InteriorPoint;
        return (point.Y, point.X);
    }
}
