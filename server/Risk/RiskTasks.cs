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
        var active = db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active);
        // Each query asks the database for the cases it concerns, not for every active case: the
        // round holds the write turn, and on a national-size force (150,000 active cases) reading
        // them all with their risk changes, and every assessment by a list of every person, held
        // it for some four seconds an hour (docs/benchmarks.md, "2026-12-03, second session").

        var unplanned = await active
            .Where(m => m.RiskLevel >= RiskLevel.High && !db.RiskPlans.Any(p => p.ManagementId == m.Id && p.Status == PlanStatus.Approved))
            .Include(m => m.RiskChanges).ToListAsync(cancellationToken);
        foreach (var m in unplanned)
        {
            var since = HighSince(m);
            if (RiskRules.PlanRequiredBy(m.RiskLevel, since, options.Value) is not { } by || by > today) continue;
            requests.Add(new TaskRequest(TaskKind.PlanRequired, "Risk management plan needed",
                $"High or very high risk since {since:yyyy-MM-dd} without an approved risk management plan (due by {by:yyyy-MM-dd}).",
                m.ResponsibleOfficerId, m.ResponsibleOfficerId is null ? m.OwningTeamId : null, by, $"plan-required:{m.Id}:{since:yyyy-MM-dd}",
                PersonId: m.PersonId, ManagementId: m.Id));
        }

        // Every assessment of a person with an active case (which is current is decided among all
        // of a person's), then the cases of the people whose current assessment falls due.
        var assessments = await db.RiskAssessments.AsNoTracking()
            .Where(a => active.Any(m => m.PersonId == a.PersonId)).ToListAsync(cancellationToken);
        var dueAssessments = RiskRegister.Current(assessments).Where(a => a.NextReviewOn <= horizon).ToList();
        var assessed = dueAssessments.Select(a => a.PersonId).Distinct().ToList();
        var byPerson = assessed.Count == 0 ? [] : (await active.Where(m => assessed.Contains(m.PersonId)).ToListAsync(cancellationToken))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.RiskLevel).First());
        foreach (var a in dueAssessments)
        {
            if (!byPerson.TryGetValue(a.PersonId, out var m)) continue;
            requests.Add(new TaskRequest(TaskKind.AssessmentReviewDue, $"{RiskRegister.Describe(a.Tool)} review due",
                $"The {RiskRegister.Describe(a.Tool)} assessment of {a.CompletedOn:yyyy-MM-dd} is due for review on {a.NextReviewOn:yyyy-MM-dd}.",
                m.ResponsibleOfficerId, m.ResponsibleOfficerId is null ? m.OwningTeamId : null, a.NextReviewOn, $"assessment-review:{a.Id}",
                PersonId: a.PersonId, ManagementId: m.Id));
        }

        var plansDue = await db.RiskPlans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Approved && p.ReviewOn <= horizon && active.Any(m => m.Id == p.ManagementId)).ToListAsync(cancellationToken);
        var planned = plansDue.Select(p => p.ManagementId).Distinct().ToList();
        var cases = planned.Count == 0 ? [] : await active.Where(m => planned.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var plan in plansDue)
        {
            if (!cases.TryGetValue(plan.ManagementId, out var m)) continue;
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
