using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Tests.Risk;

/// <summary>Plans, MAPPA levels 2 and 3 and overdue plan actions in the workload, through the effective-dated weights.</summary>
public sealed class RiskWorkloadTests
{
    private static CaseHolding Case(int mappaLevel, bool plan, int overdue) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "someone", Scheme.Vsomt, RiskLevel.High, null, 0, false, MappaLevel: mappaLevel, HasApprovedPlan: plan, OverduePlanActions: overdue);

    [Fact]
    public void From_November_2026_MAPPA_levels_a_plan_and_overdue_actions_add_points_and_say_why()
    {
        var figure = WorkloadCalculator.Calculate([Case(3, plan: true, overdue: 2), Case(2, plan: false, overdue: 0), Case(1, plan: true, overdue: 0)],
            [], 37, new DateOnly(2026, 11, 26), new WorkloadOptions());
        // High risk 5 each; level 3 +2, level 2 +1; plans +1 each; two overdue actions +0.5 each.
        Assert.Equal(5 * 3 + 2 + 1 + 1 + 1 + 1, figure.Points);
        Assert.Equal(new DateOnly(2026, 11, 1), figure.WeightsFrom);
        Assert.Contains("MAPPA level 3: +2", figure.Lines[0].Reasons);
        Assert.Contains("risk management plan: +1", figure.Lines[0].Reasons);
        Assert.Contains("2 overdue plan actions: +1", figure.Lines[0].Reasons);
    }

    [Fact]
    public void Weeks_before_the_new_weights_are_counted_as_they_were()
    {
        var figure = WorkloadCalculator.Calculate([Case(3, plan: true, overdue: 2)], [], 37, new DateOnly(2026, 10, 31), new WorkloadOptions());
        Assert.Equal(5, figure.Points);
        Assert.Equal(new DateOnly(2016, 1, 1), figure.WeightsFrom);
    }
}
