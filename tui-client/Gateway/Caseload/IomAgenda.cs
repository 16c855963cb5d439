namespace OffenderMgmt.Tui.Gateway;

/// <summary>The weekly IOM review meeting: who is up for discussion and why, and what was decided.</summary>
public sealed record IomAgenda(DateOnly? MeetingOn, DateOnly? Since, IReadOnlyList<IomAgendaItem> Items);

public sealed record IomAgendaItem(
    string ManagementId,
    string PersonId,
    string PersonName,
    string Cohort,
    IReadOnlyList<string> Categories,
    Risk Risk,
    string? OfficerName,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Details,
    string? Decision,
    IReadOnlyList<IomActionItem> Actions,
    bool ProposeDeselection,
    string? DecidedBy)
{
    public bool Decided => Decision is not null;
}

/// <summary>An action agreed at the meeting: what, which partner, who, by when.</summary>
public sealed record IomActionItem(string Action, string? PartnerAgency, string? Owner, DateOnly? DueOn)
{
    public override string ToString()
    {
        var who = string.Join(", ", new[] { PartnerAgency, Owner }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return $"{Action}{(who.Length > 0 ? $" ({who})" : "")}{(DueOn is { } due ? $" by {due:yyyy-MM-dd}" : "")}";
    }
}

/// <summary>The decision to record for one agenda item.</summary>
public sealed record IomDecision(string ManagementId, DateOnly MeetingOn, string Decision, IReadOnlyList<IomActionItem> Actions, bool ProposeDeselection);
