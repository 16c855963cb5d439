using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// Family and male given names, officers' names, streets and outward codes for the national data
/// set: the demo force's lists (<see cref="OffenderMgmt.Server.Demo.DemoNames"/>) widened, with its
/// women's names and descriptions as they are, so 150,000 people are not a few hundred names repeated.
/// </summary>
public static class BenchNames
{
    public static readonly string[] FamilyNames =
    [
        .. DemoNames.FamilyNames,
        "Armstrong", "Atkinson", "Bradley", "Burton", "Dawson", "Fox", "Gibson", "Hart", "Hayes", "Holland",
        "Hudson", "Lawson", "Lynch", "Moss", "Nicholson", "Pearson", "Porter", "Robertson", "Saunders", "Sharp",
        "Spencer", "Stewart", "Tucker", "Wade", "Wallace", "Watts", "Weston", "Wheeler", "Woods", "Yates",
    ];

    public static readonly string[] MaleGivenNames =
    [
        .. DemoNames.MaleGivenNames,
        "Carl", "Shane", "Luke", "Adam", "Robert", "Richard", "Peter", "Steven", "Martin", "Neil",
    ];

    public static readonly string[] OfficerGivenNames =
    [
        "Helen", "Richard", "Andrew", "Rachel", "Simon", "Kate", "Neil", "Louise", "Martin", "Julie",
        "Gareth", "Anita", "Stuart", "Priya", "Robert", "Fiona", "Ian", "Hannah", "Colin", "Sophie",
        "Graham", "Ruth", "Tom", "Alison", "Peter", "Yasmin", "Nick", "Zoe", "Philip", "Carol",
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Church Street", "Station Road", "Park Road", "London Road", "Victoria Street",
        "Albert Road", "Queen Street", "Manor Road", "The Crescent", "Mill Lane", "Chapel Street",
        "Grove Road", "Windsor Road", "Castle Street", "Oak Road", "Beech Avenue", "Elm Close",
        "Willow Way", "Meadow View", "Orchard Close", "Hawthorn Avenue", "Bridge Street", "West Street",
        "North Street", "South Street", "New Road", "King Street", "George Street", "Springfield Road",
    ];

    /// <summary>Plausible outward codes; the data set does not claim real postcodes.</summary>
    public static readonly string[] OutwardCodes =
    [
        "B12", "BS5", "CB1", "DN4", "E15", "HU3", "L8", "LE2", "LS9", "LU1", "M14", "MK40", "N17", "NE6",
        "NG7", "NR3", "OX4", "PL1", "PO1", "S2", "SE15", "SO14", "ST4", "SW9", "TS1", "WV2", "YO10",
    ];
}
