using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Risk;

/// <summary>
/// Tasks the calendar raises for risk work (run by housekeeping): a high or very high risk
/// case still without an approved plan when the configured days are up; an assessment (the
/// current one of its tool) or an approved plan whose review falls due within the lead days.
/// Each goes to the case's responsible officer, or its team's queue, once.
/// </summary>
public sealed class RiskTasks(OffenderMgmtDb db, IOptions<RiskOptions> options, ForceClock clock)
{
    public async Task<int> RaiseDueAsync(TaskBoard board, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var horizon = today.AddDays(options.Value.ReviewTaskLeadDays);
        var requests = new List<TaskRequest>();
        var active = await db.Managements.AsNoTracking().Include(m => m.RiskChanges)
            .Where(m => m.Status == ManagementStatus.Active).ToListAsync(cancellationToken);
        var byPerson = active.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.RiskLevel).First());
        var approved = (await db.RiskPlans.AsNoTracking().Where(p => p.Status == PlanStatus.Approved).ToListAsync(cancellationToken)).ToLookup(p => p.ManagementId);

        foreach (var m in active.Where(m => m.RiskLevel >= RiskLevel.High && !approved[m.Id].Any()))
        {
            var since = HighSince(m);
            if (RiskRules.PlanRequiredBy(m.RiskLevel, since, options.Value) is not { } by || by > today) continue;
            requests.Add(new TaskRequest(TaskKind.PlanRequired, "Risk management plan needed",
                $"High or very high risk since {since:yyyy-MM-dd} without an approved risk management plan (due by {by:yyyy-MM-dd}).",
                m.ResponsibleOfficerId, m.ResponsibleOfficerId is null ? m.OwningTeamId : null, by, $"plan-required:{m.Id}:{since:yyyy-MM-dd}",
                PersonId: m.PersonId, ManagementId: m.Id));
        }

        var people = byPerson.Keys.ToList();
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => people.Contains(a.PersonId)).ToListAsync(cancellationToken);
        foreach (var a in RiskRegister.Current(assessments).Where(a => a.NextReviewOn <= horizon))
        {
            var m = byPerson[a.PersonId];
            requests.Add(new TaskRequest(TaskKind.AssessmentReviewDue, $"{RiskRegister.Describe(a.Tool)} review due",
                $"The {RiskRegister.Describe(a.Tool)} assessment of {a.CompletedOn:yyyy-MM-dd} is due for review on {a.NextReviewOn:yyyy-MM-dd}.",
                m.ResponsibleOfficerId, m.ResponsibleOfficerId is null ? m.OwningTeamId : null, a.NextReviewOn, $"assessment-review:{a.Id}",
                PersonId: a.PersonId, ManagementId: m.Id));
        }

        var activeIds = active.ToDictionary(m => m.Id);
        foreach (var plan in approved.SelectMany(g => g).Where(p => p.ReviewOn <= horizon && activeIds.ContainsKey(p.ManagementId)))
        {
            var m = activeIds[plan.ManagementId];
            requests.Add(new TaskRequest(TaskKind.PlanReviewDue, "Risk management plan review due",
                $"The risk management plan approved {clock.ToLocal(plan.ApprovedAt!.Value):yyyy-MM-dd} is due for review on {plan.ReviewOn:yyyy-MM-dd}.",
                m.ResponsibleOfficerId, m.ResponsibleOfficerId is null ? m.OwningTeamId : null, plan.ReviewOn, $"plan-review:{plan.Id}:{plan.ReviewOn:yyyy-MM-dd}",
                PersonId: m.PersonId, ManagementId: m.Id));
        }
        // Which of these exist is read in a few queries, not one per task (TaskBoard.RaiseMissingAsync).
        return await board.RaiseMissingAsync(requests, cancellationToken);
    }

    /// <summary>The day the case last became high or very high risk (or started at it).</summary>
    private DateOnly HighSince(Management m)
    {
        var rise = m.RiskChanges.Where(c => c.ToRisk >= RiskLevel.High && c.FromRisk < RiskLevel.High).MaxBy(c => c.At);
        return rise is null ? m.StartedOn : DateOnly.FromDateTime(clock.ToLocal(rise.At).DateTime);
    }
}
