using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Tasks;

/// <summary>An officer's or a team queue's tasks, and completing them.</summary>
public sealed class TaskList(OffenderMgmtDb db, Caller caller, IOptions<ReviewOptions> reviews, ForceClock clock)
{
    public async Task<(IReadOnlyList<WorkTask> Tasks, string Next)> ListAsync(Guid? officerId, Guid? teamId, bool includeClosed, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 1);
        var tasks = db.Tasks.AsNoTracking();
        if (officerId is { } officer) tasks = tasks.Where(t => t.AssignedOfficerId == officer);
        else if (teamId is { } team) tasks = tasks.Where(t => t.AssignedTeamId == team && t.AssignedOfficerId == null);
        else throw new ValidationException("officer_id", "give an officer_id or a team_id");
        if (!includeClosed) tasks = tasks.Where(t => t.Status == WorkTaskStatus.Open);
        var all = await tasks.ToListAsync(cancellationToken);
        // Ordered by due date (undated last), then oldest first: small lists, sorted in memory.
        var ordered = all.OrderBy(t => t.DueOn ?? DateOnly.MaxValue).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        var start = after is null ? 0 : ordered.FindIndex(t => t.Id.ToString() == after[0]) + 1;
        if (after is not null && start == 0) throw new ValidationException("page_token", "is not a page token this list returned");
        var page = ordered.Skip(start).Take(pageSize + 1).ToList();
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }

    public async Task<WorkTask> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("task", id.ToString(), "id");

    /// <summary>Marks a task done; a completed review moves the case's next review on.</summary>
    public async Task<WorkTask> CompleteAsync(Guid id, string note, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Optional("note", note, 2000);
        v.ThrowIfInvalid();
        var task = await GetAsync(id, cancellationToken);
        if (task.Status != WorkTaskStatus.Open) throw new RuleViolationException("TASK_CLOSED", $"This task is already {task.Status.ToString().ToLowerInvariant()}.");
        task.Status = WorkTaskStatus.Done;
        task.ClosedAt = clock.Now;
        task.ClosedBy = caller.Subject;
        if (text.Length > 0) task.Detail = $"{task.Detail}\nDone: {text}".Trim();
        if (task.Kind == TaskKind.ReviewDue && task.ManagementId is { } managementId &&
            await db.Managements.FirstOrDefaultAsync(m => m.Id == managementId, cancellationToken) is { } management)
        {
            management.NextReviewDue = reviews.Value.NextReview(management, clock.Today);
        }
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>Raises review-due tasks for cases whose review falls due soon. Returns how many were raised.</summary>
    public async Task<int> RaiseReviewsDueAsync(TaskBoard board, CancellationToken cancellationToken)
    {
        var horizon = clock.Today.AddDays(reviews.Value.RaiseTaskDaysAhead);
        var due = await db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active && m.NextReviewDue != null && m.NextReviewDue <= horizon)
            .ToListAsync(cancellationToken);
        var requests = due.Select(management => new TaskRequest(TaskKind.ReviewDue, $"{CaseloadEnums.SchemeWords[management.Scheme]} review due",
            $"Review the case and its risk management plan by {management.NextReviewDue:yyyy-MM-dd}.",
            management.ResponsibleOfficerId, management.ResponsibleOfficerId is null ? management.OwningTeamId : null,
            management.NextReviewDue, $"review:{management.Id}:{management.NextReviewDue:yyyy-MM-dd}", PersonId: management.PersonId, ManagementId: management.Id)).ToList();
        // Which of these exist is read in a few queries, not one per case (TaskBoard.RaiseMissingAsync).
        var raised = await board.RaiseMissingAsync(requests, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }
}
