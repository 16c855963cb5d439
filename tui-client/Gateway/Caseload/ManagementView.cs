namespace OffenderMgmt.Tui.Gateway;

/// <summary>A person's management under one scheme, with who has held it.</summary>
public sealed record ManagementView(
    string Id,
    string Scheme,
    bool Active,
    DateOnly? StartedOn,
    DateOnly? EndedOn,
    string? EndReason,
    string? TeamName,
    string? OfficerName,
    Risk Risk,
    string Summary,
    DateOnly? NextReviewDue,
    IReadOnlyList<string> History,
    string? RiskAssessment,
    long Version)
{
    public bool IsOrphaned => Active && OfficerName is null;
}
