namespace OffenderMgmt.Tui.Gateway;

/// <summary>An order and the conditions in force, as shown on a person's record or in a briefing.</summary>
public sealed record OrderView(
    string Id,
    string Type,
    string TypeLongName,
    string Status,
    bool Live,
    bool Enforceable,
    string? Court,
    DateOnly? MadeOn,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    DateTimeOffset? ServedAt,
    string? LeadOfficerName,
    IReadOnlyList<ConditionView> Conditions,
    long Version)
{
    /// <summary>"SHPO (active, until 2031-04-02)".</summary>
    public string Headline =>
        $"{Type} ({Status}{(Enforceable ? "" : ", not enforceable")}{(EndsOn is { } ends ? $", until {ends:yyyy-MM-dd}" : ", until further order")})";
}

/// <summary>One condition of an order: the court's wording, what kind it is, and its shape when it is a zone.</summary>
public sealed record ConditionView(string Id, string Kind, string Wording, string Detail, ZoneShape? Zone);
