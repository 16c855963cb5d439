using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Risk;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Testing;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;

namespace OffenderMgmt.Tests.RiskTests;

/// <summary>
/// Housekeeping's risk tasks, asked of the database case by case (RiskTasks.RaiseDueAsync): an
/// approved plan whose review falls due raises its review task, once, on an active case only.
/// (The plan is reviewed with the case, MAPPA Guidance chapter 13b; its review date is set from
/// the case's risk by Risk:PlanReviewMonths, see RiskOptions.)
/// </summary>
public sealed class RiskTaskTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task An_approved_plan_due_for_review_raises_its_task_once_and_not_when_its_case_has_ended()
    {
        _ = _server.Server;
        var today = _server.Services.GetRequiredService<ForceClock>().Today;
        // Two approved plans on active cases, both due for review today; then one case ends.
        var plans = await _server.WithDb(db => db.RiskPlans
            .Where(p => p.Status == PlanStatus.Approved && db.Managements.Any(m => m.Id == p.ManagementId && m.Status == ManagementStatus.Active))
            .OrderBy(p => p.Id).Take(2).ToListAsync());
        Assert.Equal(2, plans.Count);
        var (due, ended) = (plans[0], plans[1]);
        await _server.WithDb(async db =>
        {
            await db.RiskPlans.Where(p => p.Id == due.Id || p.Id == ended.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReviewOn, today));
            await db.Managements.Where(m => m.Id == ended.ManagementId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, ManagementStatus.Ended));
            return 0;
        });

        var housekeeping = _server.Services.GetRequiredService<Housekeeping>();
        await housekeeping.RunOnceAsync(CancellationToken.None);
        await housekeeping.RunOnceAsync(CancellationToken.None);

        var reviews = await _server.WithDb(db => db.Tasks.AsNoTracking().Where(t => t.Kind == TaskKind.PlanReviewDue).ToListAsync());
        // The demo's other approved plans are reviewed after the lead time (14 days), so raise nothing yet.
        var task = Assert.Single(reviews);
        Assert.Equal($"plan-review:{due.Id}:{today:yyyy-MM-dd}", task.SourceKey);
        Assert.Equal(due.ManagementId, task.ManagementId);
        Assert.Equal(today, task.DueOn);
    }
}
