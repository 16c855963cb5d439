namespace OffenderMgmt.Tui.Gateway;

/// <summary>A case or order with nobody responsible, waiting in the team's queue for a supervisor.</summary>
public sealed record OrphanedCase(
    string Kind,
    string Id,
    string PersonId,
    string PersonName,
    string Description,
    Risk Risk,
    string? PreviousOfficerName,
    DateTimeOffset? OrphanedAt,
    Handover Handover,
    bool NeedsAccreditation)
{
    public bool IsOrder => Kind == "order";

    /// <summary>Who holds it now when it is moved off a serving officer's caseload (null for the queue's work).</summary>
    public string? HeldBy { get; init; }

    /// <summary>The person's orders that move with this case (shown on the case's row, not as rows of their own).</summary>
    public IReadOnlyList<OrphanedCase> Companions { get; init; } = [];
}

/// <summary>What the next officer needs to know to pick the case up.</summary>
public sealed record Handover(
    int OpenChecks,
    string? NextCheckKind,
    DateOnly? NextCheckDue,
    int OverdueChecks,
    int OpenBreaches,
    DateOnly? PendingRelease,
    DateOnly? LastContactOn,
    string? LastContactKind,
    string? Note);

/// <summary>Someone who could take a case, and why (or why not).</summary>
public sealed record OwnerSuggestion(
    string OfficerId,
    string OfficerName,
    string? TeamName,
    double UtilisationPercent,
    double UtilisationAfterPercent,
    bool Accredited,
    bool SameArea,
    bool Eligible,
    string? Why);

/// <summary>Why a case moves to another officer; the values match the API's AssignmentReason.</summary>
public enum ReallocationReason
{
    CaseloadAdjustment = 2,
    ChangeOfRisk = 3,
    ChangeOfAddress = 4,
    OfficerLeft = 5,
    RiskToStaff = 6,
    TransferIn = 7,
    Other = 8,
}

public static class ReallocationReasonWords
{
    public static string Describe(this ReallocationReason reason) => reason switch
    {
        ReallocationReason.CaseloadAdjustment => "Caseload adjustment",
        ReallocationReason.ChangeOfRisk => "Change of risk",
        ReallocationReason.ChangeOfAddress => "Change of address",
        ReallocationReason.OfficerLeft => "Officer left",
        ReallocationReason.RiskToStaff => "Risk to staff",
        ReallocationReason.TransferIn => "Transfer in",
        ReallocationReason.Other => "Other",
        _ => reason.ToString(),
    };
}

/// <summary>What a reallocation did: the items and the officer who now holds them.</summary>
public sealed record Reallocated(string OfficerId, IReadOnlyList<OrphanedCase> Items);
