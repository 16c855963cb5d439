namespace OffenderMgmt.Server.Areas;

/// <summary>
/// A beat or neighbourhood polygon (an electoral ward in the demo), within a district. The
/// boundary is kept as WKB so the schema stays provider-neutral; the in-memory
/// <see cref="AreaIndex"/> answers point-in-polygon questions.
/// </summary>
public sealed class Area
{
    /// <summary>The area's code, e.g. the ward code "E05002193"; unique within the force.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string DistrictCode { get; set; } = "";
    public string DistrictName { get; set; } = "";
    public byte[] BoundaryWkb { get; set; } = [];
    public double MinLatitude { get; set; }
    public double MinLongitude { get; set; }
    public double MaxLatitude { get; set; }
    public double MaxLongitude { get; set; }
    public double CentroidLatitude { get; set; }
    public double CentroidLongitude { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
