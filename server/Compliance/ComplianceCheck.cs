using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// A check an officer must make, generated from an order's condition or from a person's
/// registration and risk. Recording its outcome closes it and schedules the next one.
/// </summary>
public sealed class ComplianceCheck : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    /// <summary>The management that generated the check (home visits, notifications).</summary>
    public Guid? ManagementId { get; set; }
    /// <summary>The order and condition that generated the check (financial reports, devices...).</summary>
    public Guid? OrderId { get; set; }
    public Guid? ConditionId { get; set; }
    public CheckKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>The first day an outcome may be recorded (a visit a little early is fine; months early is not).</summary>
    public DateOnly OpensOn { get; set; }
    public CheckStatus Status { get; set; } = CheckStatus.Open;
    public CheckOutcome? Outcome { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid? CompletedByOfficerId { get; set; }
    public string Notes { get; set; } = "";
    /// <summary>Why an open check was withdrawn (order varied, risk changed...).</summary>
    public string CancelledReason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public bool IsOverdueOn(DateOnly today) => Status == CheckStatus.Open && DueOn < today;
}

public enum CheckKind
{
    HomeVisit = 1,
    FinancialReport = 2,
    DeviceInspection = 3,
    CurfewCheck = 4,
    RsoPeriodicNotification = 5,
    /// <summary>Did they notify their return from foreign travel within 3 days of it?</summary>
    TravelNotification = 6,
    /// <summary>Did a registered sex offender notify a change of name or address within 3 days?</summary>
    ChangeOfDetailsNotification = 7,
    /// <summary>No fixed abode: the weekly notification.</summary>
    WeeklyNotification = 8,
    /// <summary>The notification within 3 days of release from custody.</summary>
    ReleaseNotification = 9,
    OtherConditionCheck = 10,
    /// <summary>The initial notification of someone made subject by an SHPO.</summary>
    InitialNotification = 12,
    /// <summary>Stalking protection order: name and home address within 3 days of service.</summary>
    SpoNotification = 13,
}

public enum CheckStatus { Open = 1, Completed = 2, Cancelled = 3 }

public enum CheckOutcome
{
    Compliant = 1,
    NonCompliant = 2,
    NoAccess = 3,
    BreachSuspected = 4,
}
