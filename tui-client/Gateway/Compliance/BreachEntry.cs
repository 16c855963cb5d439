namespace OffenderMgmt.Tui.Gateway;

/// <summary>A breach of an order condition (or of notification requirements), where it has got to, and how it was found.</summary>
public sealed record BreachEntry(
    string Id,
    string PersonId,
    string PersonName,
    string? OrderId,
    string? ConditionWording,
    DateTimeOffset? OccurredAt,
    string? LocationText,
    string Source,
    string Status,
    string? Action,
    string? RecordedBy,
    string? Details,
    bool IsOpen,
    long Version);

/// <summary>What the user reports for a new breach.</summary>
public sealed record BreachReport(
    string PersonId,
    string? OrderId,
    string? ConditionId,
    DateTimeOffset OccurredAt,
    string? LocationText,
    string? Details);

/// <summary>What the manager decides about an open breach.</summary>
public enum BreachDecision
{
    Confirm,
    Warning,
    Arrest,
    Charge,
    NotABreach,
}

public static class BreachDecisionWords
{
    public static string Describe(this BreachDecision decision) => decision switch
    {
        BreachDecision.Confirm => "Confirm it was a breach",
        BreachDecision.Warning => "Action taken: warning",
        BreachDecision.Arrest => "Action taken: arrest",
        BreachDecision.Charge => "Action taken: charge",
        BreachDecision.NotABreach => "Not a breach after all (closes it)",
        _ => "Decision",
    };
}
