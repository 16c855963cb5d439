using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// A person managed under a scheme (IOM, VSOMT/MAPPA or SOC lifetime management). It always has
/// an owner: its responsible officer, or, when there is none, its team's orphaned queue.
/// </summary>
public sealed class Management : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Scheme Scheme { get; set; }
    public ManagementStatus Status { get; set; } = ManagementStatus.Active;
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string EndReason { get; set; } = "";

    /// <summary>The team that owns the case; it holds it in its queue when no officer does.</summary>
    public Guid OwningTeamId { get; set; }
    /// <summary>The responsible officer; null means the case is orphaned in the team's queue.</summary>
    public Guid? ResponsibleOfficerId { get; set; }

    public RiskLevel RiskLevel { get; set; }

    // IOM
    public IomCohortType? CohortType { get; set; }
    public IomCategories IomCategories { get; set; }

    // VSOMT / MAPPA
    public Register Register { get; set; }
    public int? MappaCategory { get; set; }
    public int? MappaLevel { get; set; }
    /// <summary>Sex offender notification requirements, for registered sex offenders.</summary>
    public RsoNotification? Notification { get; set; }

    // SOC lifetime management
    public string? OcgReference { get; set; }

    /// <summary>Restricted: risk assessment narrative (never in a briefing).</summary>
    public string RiskAssessment { get; set; } = "";
    public DateOnly? NextReviewDue { get; set; }

    /// <summary>
    /// Reactive management, approved by a supervisor for a low-risk case: no scheduled home
    /// visits until the review date; notification duties and breaches are still monitored.
    /// </summary>
    public DateOnly? ReactiveSince { get; set; }
    public DateOnly? ReactiveReviewOn { get; set; }
    public string ReactiveApprovedBy { get; set; } = "";
    public string ReactiveReason { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public List<ManagementAssignment> Assignments { get; set; } = [];
    public List<ManagementRiskChange> RiskChanges { get; set; } = [];

    public bool IsActive => Status == ManagementStatus.Active;
    public bool IsReactive => ReactiveSince is not null;
    public bool IsOrphaned => ResponsibleOfficerId is null;
}

public enum Scheme
{
    Iom = 1,
    Vsomt = 2,
    SocLifetime = 3,
}

public enum ManagementStatus { Active = 1, Ended = 2 }

public enum IomCohortType { Fixed = 1, Flex = 2, Free = 3 }

[Flags]
public enum IomCategories
{
    None = 0,
    SeriousAcquisitive = 1 << 0,
    DomesticAbuse = 1 << 1,
    Violent = 1 << 2,
    OcgMember = 1 << 3,
}

public enum Register
{
    None = 0,
    RegisteredSexOffender = 1,
    RegisteredViolentOffender = 2,
}

/// <summary>Why a case moved to its current holder.</summary>
public enum AssignmentReason
{
    InitialAllocation = 1,
    CaseloadAdjustment = 2,
    ChangeOfRisk = 3,
    ChangeOfAddress = 4,
    OfficerLeft = 5,
    RiskToStaff = 6,
    TransferIn = 7,
    Other = 8,
}

/// <summary>One spell of a case with a holder (an officer, or the team queue when OfficerId is null).</summary>
public sealed class ManagementAssignment
{
    public long Id { get; set; }
    public Guid ManagementId { get; set; }
    public Guid? OfficerId { get; set; }
    public Guid TeamId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    public AssignmentReason Reason { get; set; }
    public string Note { get; set; } = "";
    public string AssignedBy { get; set; } = "";
}

/// <summary>A change of risk level or MAPPA level, kept so workload history stays explainable.</summary>
public sealed class ManagementRiskChange
{
    public long Id { get; set; }
    public Guid ManagementId { get; set; }
    public DateTimeOffset At { get; set; }
    public RiskLevel FromRisk { get; set; }
    public RiskLevel ToRisk { get; set; }
    public int? FromMappaLevel { get; set; }
    public int? ToMappaLevel { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>The risk assessment the new level rests on, if any.</summary>
    public Guid? AssessmentId { get; set; }
    /// <summary>The latest assessment, when the new level departs from it (the reason says why).</summary>
    public Guid? OverridesAssessmentId { get; set; }
}

/// <summary>
/// Notification requirements under the Sexual Offences Act 2003: the disposal that set the
/// notification period, the period's end (null = indefinite) and the last notification.
/// </summary>
public sealed class RsoNotification
{
    public DateOnly ConvictionDate { get; set; }
    public NotificationDisposal Disposal { get; set; }
    /// <summary>Months of the custodial sentence, or of the conditional discharge.</summary>
    public int? SentenceMonths { get; set; }
    public int AgeAtConviction { get; set; }
    /// <summary>Last day of the notification period; null when indefinite.</summary>
    public DateOnly? PeriodEndsOn { get; set; }
    public DateOnly? LastNotifiedOn { get; set; }
}

/// <summary>The disposals of the Sexual Offences Act 2003 s.82(1) table.</summary>
public enum NotificationDisposal
{
    Custodial = 1,
    /// <summary>A community sentence: in s.82 terms a person "of any other description" (5 years).</summary>
    CommunitySentence = 2,
    Caution = 3,
    HospitalOrderWithRestriction = 4,
    HospitalOrderWithoutRestriction = 5,
    /// <summary>The notification period is the period of the conditional discharge.</summary>
    ConditionalDischarge = 6,
    /// <summary>Any other disposal (a fine, for example): 5 years.</summary>
    OtherDescription = 7,
}
