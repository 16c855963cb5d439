using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Caseload;

public sealed record ReactiveApproval(Management Management, int HomeVisitsWithdrawn, WorkTask ReviewTask);

/// <summary>
/// Reactive management of a low-risk registered offender (College of Policing APP, management
/// of sexual offenders and violent offenders): approved by a supervisor with a review date. Home
/// visits stop; notification duties and breaches are monitored as before; the case weighs what
/// the weights in force say for a reactive case. A rise in risk ends it (see
/// <see cref="CaseloadBook.ChangeRiskAsync"/>).
/// </summary>
public sealed class ReactiveManagementApprovals(OffenderMgmtDb db, CheckPlanner checks, TaskBoard tasks, Caller caller, ForceClock clock)
{
    public const int MaxReviewMonths = 12;

    public async Task<Guid> PersonOfAsync(Guid managementId, CancellationToken cancellationToken) =>
        await db.Managements.Where(m => m.Id == managementId).Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("management", managementId.ToString(), "management_id");

    public async Task<ReactiveApproval> ApproveAsync(Guid managementId, long expectedVersion, DateOnly reviewOn, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var why = v.Required("reason", reason, 2000);
        var today = clock.Today;
        if (reviewOn <= today) v.Add("review_on", "must be after today");
        else if (reviewOn > today.AddMonths(MaxReviewMonths)) v.Add("review_on", $"must be within {MaxReviewMonths} months: reactive management is reviewed at least yearly");
        v.ThrowIfInvalid();
        var management = await db.Managements.FirstOrDefaultAsync(m => m.Id == managementId, cancellationToken)
                         ?? throw new NotFoundException("management", managementId.ToString(), "management_id");
        if (management.Version != expectedVersion) throw new StaleVersionException("management", managementId.ToString(), expectedVersion, management.Version);
        if (!management.IsActive) throw new RuleViolationException("MANAGEMENT_ENDED", "This management has ended.");
        if (management.Scheme != Scheme.Vsomt)
            throw new RuleViolationException("NOT_VSOMT", "Reactive management is for VSOMT cases (registered offenders).");
        if (management.RiskLevel != RiskLevel.Low)
            throw new RuleViolationException("NOT_LOW_RISK", $"Reactive management is only for low-risk cases; this case is {management.RiskLevel} risk.");

        management.ReactiveSince ??= today;
        management.ReactiveReviewOn = reviewOn;
        management.ReactiveApprovedBy = caller.Subject;
        management.ReactiveReason = why;
        var withdrawn = await checks.CancelOpenAsync(c => c.ManagementId == management.Id && c.Kind == CheckKind.HomeVisit,
            $"reactive management approved until review on {IsoDate.Format(reviewOn)}", cancellationToken);
        var task = await tasks.RaiseAsync(new TaskRequest(TaskKind.ReviewDue, "Review reactive management",
            $"Reactive management approved on {IsoDate.Format(today)}: review by {IsoDate.Format(reviewOn)} whether it should continue (notifications and breaches are still monitored).",
            management.ResponsibleOfficerId, management.ResponsibleOfficerId is null ? management.OwningTeamId : null, reviewOn,
            $"reactive:{management.Id}:{IsoDate.Format(reviewOn)}", PersonId: management.PersonId, ManagementId: management.Id), cancellationToken);
        db.Touch(management);
        db.Entry(management).Property(m => m.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return new ReactiveApproval(management, withdrawn, task);
    }
}
