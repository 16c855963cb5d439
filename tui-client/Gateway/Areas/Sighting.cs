namespace OffenderMgmt.Tui.Gateway;

/// <summary>"I have just seen this person (or this vehicle, by registration mark) here": who, where, and who with.</summary>
public sealed record SightingQuery(string PersonId, GeoPosition Position, string? WithDescription, string? Registration = null);

/// <summary>A sighting to put on record as intelligence.</summary>
public sealed record SightingReport(string PersonId, GeoPosition Position, string? LocationText, string? WithDescription, string Text, string? Registration = null);

/// <summary>Whether a sighting breaches the person's conditions, in plain words, condition by condition.</summary>
public sealed record SightingVerdict(Verdict Verdict, string Summary, IReadOnlyList<ConditionFinding> Findings, string? PersonName, string? AreaName,
    string? Registration = null, IReadOnlyList<PersonVerdict>? People = null);

/// <summary>Issue 18: for a vehicle sighting, the verdict on one person linked to the vehicle (or seen with it).</summary>
public sealed record PersonVerdict(string PersonId, string PersonName, Verdict Verdict, string Summary, string? VehicleLink, bool Identified);

public sealed record ConditionFinding(string OrderType, string? ConditionWording, Verdict Verdict, string? Reason);

/// <summary>What the server found; the values match the API's Verdict.</summary>
public enum Verdict
{
    Unknown = 0,
    NoBreach = 1,
    Breach = 2,
    NotEnoughInformation = 3,
}

public static class VerdictWords
{
    /// <summary>The headline an officer reads first.</summary>
    public static string Describe(this Verdict verdict) => verdict switch
    {
        Verdict.NoBreach => "No breach",
        Verdict.Breach => "BREACH",
        Verdict.NotEnoughInformation => "Cannot tell",
        _ => "No verdict",
    };
}

/// <summary>What recording a sighting did: its id, the verdict, and any breach or task it opened.</summary>
public sealed record SightingRecorded(string SightingId, SightingVerdict Verdict, IReadOnlyList<string> BreachIds, IReadOnlyList<string> TaskIds);
