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
    public Guid OrderId { get; set; }
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
