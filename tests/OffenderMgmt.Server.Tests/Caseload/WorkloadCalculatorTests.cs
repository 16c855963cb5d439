using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>Workload arithmetic: points, capacity, effective-dated weights and the 110%-for-4-weeks rule.</summary>
public class WorkloadCalculatorTests
{
    private static readonly WorkloadOptions Defaults = new();

    private static CaseHolding Rso(RiskLevel risk, int breaches = 0, bool release = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "someone", Scheme.Vsomt, risk, null, breaches, release);

    private static CaseHolding Iom(IomCohortType cohort) => new(Guid.NewGuid(), Guid.NewGuid(), "someone", Scheme.Iom, RiskLevel.Medium, cohort, 0, false);

    [Fact]
    public void Cases_carry_points_by_scheme_and_risk_as_the_design_defaults_say()
    {
        var figure = WorkloadCalculator.Calculate(
            [Rso(RiskLevel.VeryHigh), Rso(RiskLevel.High), Rso(RiskLevel.Medium), Rso(RiskLevel.Low), Iom(IomCohortType.Fixed), Iom(IomCohortType.Flex), Iom(IomCohortType.Free)],
            [new OrderHolding(Guid.NewGuid(), Guid.NewGuid(), "someone", OrderType.SeriousCrimePreventionOrder, 0)],
            37, new DateOnly(2026, 11, 26), Defaults);
        Assert.Equal(8 + 5 + 3 + 2 + 4 + 3 + 1 + 5, figure.Points);
        Assert.Equal((7, 1), (figure.Cases, figure.Orders));
    }

    [Fact]
    public void Open_breaches_and_a_pending_release_add_to_a_case_and_say_so()
    {
        var figure = WorkloadCalculator.Calculate([Rso(RiskLevel.High, breaches: 2, release: true)], [], 37, new DateOnly(2026, 11, 26), Defaults);
        var line = Assert.Single(figure.Lines);
        Assert.Equal(5 + 2 * 1 + 2, line.Points);
        Assert.Equal(["VSOMT high risk: 5", "2 open breaches: +2", "release from custody pending: +2"], line.Reasons);
    }

    [Theory]
    [InlineData(37, 155)]
    [InlineData(18.5, 77.5)]
    [InlineData(30, 125.68)]
    public void Capacity_scales_with_contracted_hours_37_being_a_full_post(double hours, double capacity)
    {
        Assert.Equal(capacity, Math.Round(WorkloadCalculator.Capacity(hours, Defaults), 2));
    }

    [Fact]
    public void Utilisation_is_points_over_capacity()
    {
        var cases = Enumerable.Range(0, 31).Select(_ => Rso(RiskLevel.Medium)).ToList();  // 93 points
        Assert.Equal(60, WorkloadCalculator.Calculate(cases, [], 37, new DateOnly(2026, 11, 26), Defaults).Utilisation);
        Assert.Equal(120, WorkloadCalculator.Calculate(cases, [], 18.5, new DateOnly(2026, 11, 26), Defaults).Utilisation);
    }

    [Fact]
    public void Each_day_is_counted_with_the_weights_in_force_that_day()
    {
        var options = new WorkloadOptions
        {
            Weights =
            [
                new WorkloadWeights(),
                new WorkloadWeights { EffectiveFrom = new DateOnly(2026, 10, 1), Vsomt = new() { [RiskLevel.High] = 6, [RiskLevel.Low] = 2 } },
            ],
        };
        Assert.Equal(5, WorkloadCalculator.Calculate([Rso(RiskLevel.High)], [], 37, new DateOnly(2026, 9, 30), options).Points);
        var after = WorkloadCalculator.Calculate([Rso(RiskLevel.High)], [], 37, new DateOnly(2026, 10, 1), options);
        Assert.Equal((6.0, new DateOnly(2026, 10, 1)), (after.Points, after.WeightsFrom));
    }

    [Theory]
    [InlineData(new double[] { 100, 111, 112, 115, 120 }, 4)]
    [InlineData(new double[] { 111, 112, 115, 109, 120 }, 1)]
    [InlineData(new double[] { 120, 120, 120, 110 }, 0)]   // exactly 110% is not over it
    [InlineData(new double[] { }, 0)]
    public void Consecutive_weeks_over_the_threshold_count_back_from_the_latest(double[] weeks, int expected)
    {
        Assert.Equal(expected, WorkloadCalculator.ConsecutiveWeeksOver(weeks, 110));
    }
}
