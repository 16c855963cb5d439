using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// A breach of an order's condition: suspected when reported, then confirmed (or not), then
/// acted on. Every change of status is kept with who made it.
/// </summary>
public sealed class Breach : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    /// <summary>The order breached; null for a breach of sex offender notification requirements.</summary>
    public Guid? OrderId { get; set; }
    public Guid? ConditionId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string Location { get; set; } = "";
    public BreachSource Source { get; set; }
    public Guid? CheckId { get; set; }
    public Guid? SightingId { get; set; }
    public BreachStatus Status { get; set; } = BreachStatus.Suspected;
    public BreachAction? Action { get; set; }
    /// <summary>Restricted narrative (may name victims or witnesses).</summary>
    public string Details { get; set; } = "";
    public Guid? RecordedByOfficerId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public long Version { get; set; }

    public List<BreachStatusChange> History { get; set; } = [];

    /// <summary>Moves the breach on, keeping who did it; refuses moves the process does not allow.</summary>
    public void MoveTo(BreachStatus next, BreachAction? action, string by, string note, DateTimeOffset at)
    {
        var allowed = (Status, next) switch
        {
            (BreachStatus.Suspected, BreachStatus.Confirmed or BreachStatus.NotABreach) => true,
            (BreachStatus.Suspected or BreachStatus.Confirmed, BreachStatus.ActionTaken) => true,
            (BreachStatus.Confirmed, BreachStatus.NotABreach) => true,
            // A warning may be followed by an arrest, an arrest by a charge.
            (BreachStatus.ActionTaken, BreachStatus.ActionTaken) => action > Action,
            _ => false,
        };
        if (!allowed)
            throw new RuleViolationException("BREACH_STATUS", $"A breach that is {Describe(Status)} cannot become {Describe(next)}{(next == BreachStatus.ActionTaken && Status == BreachStatus.ActionTaken ? $" with a lesser or equal action than {Action}" : "")}.");
        if (next == BreachStatus.ActionTaken && action is null)
            throw new ValidationException("action", "is required when action has been taken (warning, arrest or charge)");
        History.Add(new BreachStatusChange { At = at, FromStatus = Status, ToStatus = next, Action = action, ChangedBy = by, Note = note });
        Status = next;
        if (next == BreachStatus.ActionTaken) Action = action;
    }

    public static string Describe(BreachStatus status) => status switch
    {
        BreachStatus.Suspected => "suspected",
        BreachStatus.Confirmed => "confirmed",
        BreachStatus.ActionTaken => "acted on",
        _ => "found not to be a breach",
    };

    public bool IsOpen => Status is BreachStatus.Suspected or BreachStatus.Confirmed;
}

public enum BreachSource { ComplianceCheck = 1, Sighting = 2, Report = 3 }

public enum BreachStatus
{
    Suspected = 1,
    Confirmed = 2,
    ActionTaken = 3,
    /// <summary>Looked into and found not to be a breach.</summary>
    NotABreach = 4,
}

public enum BreachAction { Warning = 1, Arrest = 2, Charge = 3 }

public sealed class BreachStatusChange
{
    public long Id { get; set; }
    public Guid BreachId { get; set; }
    public DateTimeOffset At { get; set; }
    public BreachStatus? FromStatus { get; set; }
    public BreachStatus ToStatus { get; set; }
    public BreachAction? Action { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Note { get; set; } = "";
}
