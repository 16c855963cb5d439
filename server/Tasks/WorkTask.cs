namespace OffenderMgmt.Server.Tasks;

/// <summary>
/// Something an officer or a team must do: review an orphaned case, a pending release, a
/// suspected breach, consider an SCPO at charge... Addressed to an officer, or to a team when
/// nobody holds the work.
/// </summary>
public sealed class WorkTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public TaskKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid? ManagementId { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? BreachId { get; set; }
    public Guid? CheckId { get; set; }
    public Guid? AssignedOfficerId { get; set; }
    public Guid? AssignedTeamId { get; set; }
    public DateOnly? DueOn { get; set; }
    public WorkTaskStatus Status { get; set; } = WorkTaskStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string ClosedBy { get; set; } = "";
    /// <summary>
    /// What raised the task, unique among tasks (e.g. "release:{requestId}"), so a repeated
    /// notification does not raise it twice.
    /// </summary>
    public string? SourceKey { get; set; }
}

public enum TaskKind
{
    OrphanedCase = 1,
    OverdueCheck = 2,
    PendingReleaseReview = 3,
    ConsiderScpo = 4,
    ConsiderAncillaryOrders = 5,
    ReviewDue = 6,
    SuspectedBreach = 7,
    OrphanedOrder = 8,
    ChangeOfDetails = 9,
    /// <summary>A high or very high risk case has gone too long without an approved risk management plan.</summary>
    PlanRequired = 10,
    AssessmentReviewDue = 11,
    PlanReviewDue = 12,
}

public enum WorkTaskStatus { Open = 1, Done = 2, Cancelled = 3 }
