using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Caseload;

public sealed record OfficerWorkloadReport(
    Officer Officer, string TeamName, WorkloadFigure Today, IReadOnlyList<(DateOnly WeekEnding, WorkloadFigure Figure)> Weeks,
    int ConsecutiveWeeksOver, bool Excessive, double ThresholdPercent);

/// <summary>
/// An officer's workload today and week by week, rebuilt from the record: which cases and
/// orders they held at the end of each week (assignment history), at what risk then (risk
/// history), with which breaches open then. Pending releases count for the current week only:
/// past custody dates are not kept.
/// </summary>
public sealed class WorkloadService(OffenderMgmtDb db, IOptions<WorkloadOptions> options, ForceClock clock)
{
    private WorkloadOptions Options => options.Value;

    public async Task<OfficerWorkloadReport> ForOfficerAsync(Guid officerId, DateOnly on, int weeks, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken)
                      ?? throw new NotFoundException("officer", officerId.ToString(), "officer_id");
        var teamName = await db.Teams.Where(t => t.Id == officer.TeamId).Select(t => t.Name).FirstAsync(cancellationToken);
        var history = await LoadAsync(officerId, EndOf(on.AddDays(-7 * weeks)), cancellationToken);

        var today = Figure(history, officer, on, includePendingRelease: on == clock.Today);
        var weekly = Enumerable.Range(0, weeks + 1).Reverse()
            .Select(back => on.AddDays(-7 * back))
            .Select(end => (end, end == on ? today : Figure(history, officer, end, includePendingRelease: false)))
            .ToList();
        var over = WorkloadCalculator.ConsecutiveWeeksOver(weekly.Select(w => w.Item2.Utilisation).ToList(), Options.ExcessiveThresholdPercent);
        return new OfficerWorkloadReport(officer, teamName, today, weekly, over, over >= Options.ExcessiveWeeks, Options.ExcessiveThresholdPercent);
    }

    /// <summary>
    /// The points these cases and orders carry today, as they would count for whoever holds them
    /// (the same arithmetic as an officer's own figure), so a suggestion can show the load after a move.
    /// </summary>
    public async Task<double> PointsOfAsync(IReadOnlyCollection<Guid> caseIds, IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var held = DateTimeOffset.MinValue;
        var history = await LoadForAsync(
            caseIds.Select(id => new ManagementAssignment { ManagementId = id, From = held }).ToList(),
            orderIds.Select(id => new OrderAssignment { OrderId = id, From = held }).ToList(), cancellationToken);
        return Figure(history, new Officer { ContractedHours = Options.FullTimeHours }, today, includePendingRelease: true).Points;
    }

    /// <summary>The officers of a team (for team figures).</summary>
    public async Task<IReadOnlyList<Officer>> TeamMembersAsync(Guid teamId, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)) throw new NotFoundException("team", teamId.ToString(), "team_id");
        return await db.Officers.AsNoTracking().Where(o => o.TeamId == teamId).OrderBy(o => o.CollarNumber).ToListAsync(cancellationToken);
    }

    /// <summary>Which of these officers hold a live case or order now.</summary>
    public async Task<HashSet<Guid>> HoldersAsync(IReadOnlyList<Guid> officerIds, CancellationToken cancellationToken)
    {
        var cases = await db.Managements.Where(m => m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null && officerIds.Contains(m.ResponsibleOfficerId.Value))
            .Select(m => m.ResponsibleOfficerId!.Value).Distinct().ToListAsync(cancellationToken);
        var orders = await db.Orders.Where(o => o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired && o.LeadOfficerId != null && officerIds.Contains(o.LeadOfficerId.Value))
            .Select(o => o.LeadOfficerId!.Value).Distinct().ToListAsync(cancellationToken);
        return cases.Concat(orders).ToHashSet();
    }

    private WorkloadFigure Figure(Holdings history, Officer officer, DateOnly day, bool includePendingRelease)
    {
        var end = EndOf(day);
        var openBreaches = history.Breaches.Where(b => b.RecordedAt <= end && !b.History.Any(h => h.At <= end && h.ToStatus is BreachStatus.ActionTaken or BreachStatus.NotABreach)).ToList();
        var heldOrders = history.OrderSpells.Where(a => Holds(a.From, a.To, end)).Select(a => a.OrderId).Distinct()
            .Select(id => history.Orders[id]).ToList();
        var heldOrderIds = heldOrders.Select(o => o.Id).ToHashSet();
        var cases = history.CaseSpells.Where(a => Holds(a.From, a.To, end)).Select(a => a.ManagementId).Distinct()
            .Select(id => history.Managements[id])
            .Where(m => m.StartedOn <= day && (m.EndedOn is null || m.EndedOn > day))
            .Select(m =>
            {
                var person = history.People[m.PersonId];
                var breaches = openBreaches.Count(b => b.PersonId == m.PersonId && (b.OrderId is null || !heldOrderIds.Contains(b.OrderId.Value)));
                var pending = includePendingRelease && person.CustodyStatus == CustodyStatus.InCustody &&
                              person.ExpectedReleaseDate is { } release && release >= day && release <= day.AddDays(Options.PendingReleaseDays);
                var plans = history.Plans[m.Id].ToList();
                return new CaseHolding(m.Id, m.PersonId, person.DisplayName, m.Scheme, RiskOn(m, history.RiskChanges, end), m.CohortType, breaches, pending,
                    Reactive: m.ReactiveSince is { } since && since <= day,
                    MappaLevel: MappaLevelOn(m, history.RiskChanges, end) ?? 0,
                    HasApprovedPlan: plans.Any(p => p.ApprovedAt <= end),
                    // A superseded plan's actions are no longer anyone's to do.
                    OverduePlanActions: plans.Where(p => p.Status != Risk.PlanStatus.Superseded).SelectMany(p => p.Actions).Count(a => Risk.RiskRules.ActionOverdueOn(a, day)));
            }).ToList();
        var orders = heldOrders.Select(o => new OrderHolding(o.Id, o.PersonId, history.People[o.PersonId].DisplayName, o.Type,
            openBreaches.Count(b => b.OrderId == o.Id))).ToList();
        return WorkloadCalculator.Calculate(cases, orders, officer.ContractedHours, day, Options);
    }

    /// <summary>The risk in force at an instant: undo every change made after it.</summary>
    private static RiskLevel RiskOn(Management management, ILookup<Guid, ManagementRiskChange> changes, DateTimeOffset at)
    {
        var risk = management.RiskLevel;
        foreach (var change in changes[management.Id].OrderByDescending(c => c.At))
        {
            if (change.At <= at) break;
            risk = change.FromRisk;
        }
        return risk;
    }

    /// <summary>The MAPPA level in force at an instant, from the same history.</summary>
    private static int? MappaLevelOn(Management management, ILookup<Guid, ManagementRiskChange> changes, DateTimeOffset at)
    {
        var level = management.MappaLevel;
        foreach (var change in changes[management.Id].OrderByDescending(c => c.At))
        {
            if (change.At <= at) break;
            level = change.FromMappaLevel;
        }
        return level;
    }

    private static bool Holds(DateTimeOffset from, DateTimeOffset? to, DateTimeOffset at) => from <= at && (to is null || to > at);

    private DateTimeOffset EndOf(DateOnly day) => clock.ToInstant(day.AddDays(1), TimeOnly.MinValue);

    private sealed record Holdings(
        List<ManagementAssignment> CaseSpells, List<OrderAssignment> OrderSpells, Dictionary<Guid, Management> Managements,
        Dictionary<Guid, Order> Orders, Dictionary<Guid, Person> People, ILookup<Guid, ManagementRiskChange> RiskChanges, List<Breach> Breaches,
        ILookup<Guid, Risk.RiskPlan> Plans);

    private async Task<Holdings> LoadAsync(Guid officerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var caseSpells = await db.ManagementAssignments.AsNoTracking()
            .Where(a => a.OfficerId == officerId && (a.To == null || a.To > since)).ToListAsync(cancellationToken);
        var orderSpells = await db.OrderAssignments.AsNoTracking()
            .Where(a => a.OfficerId == officerId && (a.To == null || a.To > since)).ToListAsync(cancellationToken);
        return await LoadForAsync(caseSpells, orderSpells, cancellationToken);
    }

    private async Task<Holdings> LoadForAsync(List<ManagementAssignment> caseSpells, List<OrderAssignment> orderSpells, CancellationToken cancellationToken)
    {
        var managementIds = caseSpells.Select(a => a.ManagementId).Distinct().ToList();
        var orderIds = orderSpells.Select(a => a.OrderId).Distinct().ToList();
        var managements = await db.Managements.AsNoTracking().Where(m => managementIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var personIds = managements.Values.Select(m => m.PersonId).Concat(orders.Values.Select(o => o.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var riskChanges = (await db.ManagementRiskChanges.AsNoTracking().Where(r => managementIds.Contains(r.ManagementId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.ManagementId);
        var breaches = await db.Breaches.AsNoTracking().Include(b => b.History).Where(b => personIds.Contains(b.PersonId)).ToListAsync(cancellationToken);
        var plans = (await db.RiskPlans.AsNoTracking().Include(p => p.Actions).Where(p => managementIds.Contains(p.ManagementId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.ManagementId);
        return new Holdings(caseSpells, orderSpells, managements, orders, people, riskChanges, breaches, plans);
    }
}
