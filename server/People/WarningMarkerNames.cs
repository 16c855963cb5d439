namespace OffenderMgmt.Server.People;

/// <summary>
/// Warning markers in words, for briefings and exports ("mental health", not "MentalHealth"),
/// from an explicit table: a test checks every marker has a name. Health-kind markers (mental
/// health, self-harm, drugs) go to local officers in briefings on purpose: they tell an officer
/// how to approach someone safely (officer and subject safety, the reason PNC warning markers
/// exist: College of Policing APP on information management). The health notes behind them
/// are restricted and never in a briefing.
/// </summary>
public static class WarningMarkerNames
{
    private static readonly Dictionary<WarningMarkers, string> Names = new()
    {
        [WarningMarkers.Violent] = "violent",
        [WarningMarkers.Weapons] = "weapons",
        [WarningMarkers.SelfHarm] = "self-harm",
        [WarningMarkers.Drugs] = "drugs",
        [WarningMarkers.MentalHealth] = "mental health",
        [WarningMarkers.Escaper] = "escaper",
        [WarningMarkers.Contagious] = "contagious",
        [WarningMarkers.Firearms] = "firearms",
    };

    /// <summary>The markers that are about the person's health.</summary>
    public const WarningMarkers HealthKinds = WarningMarkers.MentalHealth | WarningMarkers.SelfHarm | WarningMarkers.Drugs;

    public static string Of(WarningMarkers marker) => Names[marker];

    /// <summary>Each marker set, in words, in the order of the flags: "violent, mental health".</summary>
    public static string Describe(WarningMarkers markers) =>
        string.Join(", ", Names.Where(n => markers.HasFlag(n.Key)).Select(n => n.Value));

    public static IEnumerable<WarningMarkers> All => Names.Keys;
}
