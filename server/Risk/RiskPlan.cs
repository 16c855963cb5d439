using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Risk;

/// <summary>
/// A risk management plan for a management, under the four pillars of the College of Policing
/// APP on managing sexual offenders and violent offenders ("Identifying, assessing and managing
/// risk"; also MAPPA Guidance chapter 13b): supervision, monitoring and control, interventions
/// and treatment, and victim safety planning, each with owned actions. A supervisor approves
/// it; a change of substance sends it back for approval. A newer plan supersedes it.
/// </summary>
public sealed class RiskPlan : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ManagementId { get; set; }
    public Guid PersonId { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.AwaitingApproval;
    public string Supervision { get; set; } = "";
    public string MonitoringAndControl { get; set; } = "";
    public string Interventions { get; set; } = "";
    public string VictimSafety { get; set; } = "";
    public DateOnly ReviewOn { get; set; }
    public Guid? BasedOnAssessmentId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string ApprovedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string ApprovalNote { get; set; } = "";
    public long Version { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
}

public enum PlanStatus { AwaitingApproval = 1, Approved = 2, Superseded = 3 }

public enum PlanPillar { Supervision = 1, MonitoringAndControl = 2, Interventions = 3, VictimSafety = 4 }

public enum ActionStatus { Open = 1, Done = 2, Cancelled = 3 }

/// <summary>One thing the plan says will be done: what, by whom (an officer or a partner agency), by when.</summary>
public sealed class PlanAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public PlanPillar Pillar { get; set; }
    public string What { get; set; } = "";
    public Guid? OwnerOfficerId { get; set; }
    public string OwnerAgency { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    public DateOnly? CompletedOn { get; set; }
}
