namespace OffenderMgmt.Server.Demo;

/// <summary>
/// Real places in Bedfordshire that the demo's exclusion zones are drawn over: town centres as
/// polygons along their main streets, parks as circles. Coordinates are WGS84, traced from
/// public maps to street level (good enough for a demo, not for a court).
/// </summary>
internal static class DemoPlaces
{
    public sealed record TownCentre(string Name, (double Lat, double Lon)[] Outline);

    public sealed record Park(string Name, double Lat, double Lon, double RadiusMetres);

    /// <summary>Town centre exclusion zones, each ring closed by repeating its first corner.</summary>
    public static readonly TownCentre[] TownCentres =
    [
        // George Street, The Mall, Bute Street and the station approach.
        new("Luton town centre", [(51.8812, -0.4235), (51.8826, -0.4180), (51.8812, -0.4120), (51.8760, -0.4120), (51.8752, -0.4190), (51.8760, -0.4235), (51.8812, -0.4235)]),
        // High Street, Silver Street, Harpur Street and the Embankment.
        new("Bedford town centre", [(52.1395, -0.4730), (52.1400, -0.4640), (52.1365, -0.4595), (52.1330, -0.4630), (52.1335, -0.4725), (52.1395, -0.4730)]),
        // The crossroads of High Street North/South and West/East Street.
        new("Dunstable town centre", [(51.8890, -0.5250), (51.8895, -0.5170), (51.8845, -0.5165), (51.8835, -0.5245), (51.8890, -0.5250)]),
        // High Street and Market Square.
        new("Leighton Buzzard High Street", [(51.9185, -0.6640), (51.9188, -0.6585), (51.9150, -0.6580), (51.9145, -0.6635), (51.9185, -0.6640)]),
        // Market Square and Shortmead Street.
        new("Biggleswade town centre", [(52.0890, -0.2670), (52.0892, -0.2615), (52.0852, -0.2610), (52.0850, -0.2665), (52.0890, -0.2670)]),
        // The airport terminal and its approach road.
        new("London Luton Airport", [(51.8790, -0.3800), (51.8800, -0.3640), (51.8720, -0.3600), (51.8690, -0.3740), (51.8790, -0.3800)]),
    ];

    public static readonly Park[] Parks =
    [
        new("Wardown Park, Luton", 51.8920, -0.4215, 350),
        new("Stockwood Park, Luton", 51.8630, -0.4300, 450),
        new("Pope's Meadow, Luton", 51.8865, -0.4050, 250),
        new("Bedford Park", 52.1460, -0.4640, 350),
        new("Russell Park, Bedford", 52.1340, -0.4540, 250),
        new("Priory Country Park, Bedford", 52.1360, -0.4270, 500),
        new("Grove House Gardens, Dunstable", 51.8865, -0.5180, 200),
        new("Parson's Close Recreation Ground, Leighton Buzzard", 51.9125, -0.6640, 200),
        new("Biggleswade Common", 52.0940, -0.2560, 400),
        new("Addison Howard Park, Kempston", 52.1170, -0.5050, 250),
    ];
}
