namespace OffenderMgmt.Tui.Gateway;

/// <summary>A recorded sighting of a person: when, where, what the check found, and (for full disclosure) the intelligence.</summary>
public sealed record SightingEntry(
    string Id,
    DateTimeOffset? SeenAt,
    GeoPosition? Position,
    string? LocationText,
    string? AreaName,
    Verdict Verdict,
    string? VerdictSummary,
    string? ReportedBy,
    int Breaches,
    string? Text);
