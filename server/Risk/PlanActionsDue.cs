using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Risk;

/// <summary>An open plan action due or overdue, with whose case it is.</summary>
public sealed record DuePlanAction(RiskPlan Plan, PlanAction Action, string PersonName, bool Overdue);

/// <summary>
/// The open actions of current risk management plans in a compliance scope (an officer's: the
/// actions they own and the unowned-by-officer actions of their cases; a team's; a person's),
/// so they are listed with the checks.
/// </summary>
public sealed class PlanActionsDue(OffenderMgmtDb db, ForceClock clock)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<DuePlanAction>> ListAsync(CheckScope scope, bool overdue, int horizonDays, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var until = today.AddDays(horizonDays == 0 ? ComplianceDesk.DefaultHorizonDays : horizonDays);
        var query = from a in db.PlanActions.AsNoTracking()
                    join p in db.RiskPlans.AsNoTracking() on a.PlanId equals p.Id
                    join m in db.Managements.AsNoTracking() on p.ManagementId equals m.Id
                    where a.Status == ActionStatus.Open && a.DueOn != null && p.Status != PlanStatus.Superseded && m.Status == ManagementStatus.Active
                    select new { Action = a, Plan = p, Management = m };
        query = overdue ? query.Where(x => x.Action.DueOn < today) : query.Where(x => x.Action.DueOn >= today && x.Action.DueOn <= until);
        if (scope.OfficerId is { } officer)
            query = query.Where(x => x.Action.OwnerOfficerId == officer || (x.Action.OwnerOfficerId == null && x.Management.ResponsibleOfficerId == officer));
        else if (scope.TeamId is { } team) query = query.Where(x => x.Management.OwningTeamId == team);
        else query = query.Where(x => x.Plan.PersonId == scope.PersonId);
        var rows = await query.OrderBy(x => x.Action.DueOn).ThenBy(x => x.Action.Id).Take(Limit).ToListAsync(cancellationToken);
        var personIds = rows.Select(r => r.Plan.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return rows.Select(r => new DuePlanAction(r.Plan, r.Action, people.GetValueOrDefault(r.Plan.PersonId)?.DisplayName ?? "", r.Action.DueOn < today)).ToList();
    }
}
