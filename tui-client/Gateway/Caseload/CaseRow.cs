namespace OffenderMgmt.Tui.Gateway;

/// <summary>One active case in a caseload: who, under which scheme, how risky, and what is next.</summary>
public sealed record CaseRow(
    string ManagementId,
    string PersonId,
    string PersonName,
    string Scheme,
    Risk Risk,
    string? OfficerId,
    string? OfficerName,
    string? NextCheckKind,
    DateOnly? NextCheckDue,
    int OverdueChecks,
    int OpenBreaches,
    string? AreaName,
    DateOnly? NextReviewDue,
    bool InCustody,
    DateOnly? ExpectedRelease,
    int LiveOrders);
