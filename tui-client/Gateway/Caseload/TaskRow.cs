namespace OffenderMgmt.Tui.Gateway;

/// <summary>A piece of work for an officer or a team: an orphaned case, an overdue check, a release to review...</summary>
public sealed record TaskRow(
    string Id,
    string Kind,
    string Title,
    string? Detail,
    string? PersonId,
    string? PersonName,
    DateOnly? DueOn,
    bool Open,
    bool Overdue,
    DateTimeOffset? CreatedAt);
