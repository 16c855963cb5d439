using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>How often checks fall due, over a year, for each source of checks.</summary>
public class ComplianceScheduleTests
{
    private static readonly ComplianceOptions Options = new();
    private static readonly DateOnly Start = new(2026, 1, 15);

    /// <summary>Checks falling due in the year after <see cref="Start"/> when each is done on its due date.</summary>
    private static List<DateOnly> DueDatesOverAYear(CheckKind kind, Cadence cadence)
    {
        var dates = new List<DateOnly>();
        var due = cadence.After(Start);
        while (due < Start.AddYears(1).AddDays(1))
        {
            dates.Add(due);
            due = ComplianceSchedule.NextDue(kind, cadence, due, due, CheckOutcome.Compliant, Options);
        }
        return dates;
    }

    private static Management Rso(RiskLevel risk) => new() { Register = Register.RegisteredSexOffender, RiskLevel = risk, Status = ManagementStatus.Active };

    [Theory]
    [InlineData(RiskLevel.VeryHigh, 12)]
    [InlineData(RiskLevel.High, 4)]
    [InlineData(RiskLevel.Medium, 2)]
    [InlineData(RiskLevel.Low, 1)]
    public void A_registered_sex_offender_is_visited_by_risk_level(RiskLevel risk, int visitsAYear)
    {
        var (kind, cadence) = CheckPlanner.ChecksFor(Rso(risk), Options).Single(c => c.Kind == CheckKind.HomeVisit);
        Assert.Equal(visitsAYear, DueDatesOverAYear(kind, cadence).Count);
    }

    [Fact]
    public void Notifications_are_not_on_a_cadence_but_follow_the_notification_duty()
    {
        Assert.DoesNotContain(CheckPlanner.ChecksFor(Rso(RiskLevel.Low), Options), c => NotificationRules.IsDutyCheck(c.Kind));
    }

    [Fact]
    public void Someone_who_is_not_on_the_register_generates_no_visits_or_notifications()
    {
        Assert.Empty(CheckPlanner.ChecksFor(new Management { Register = Register.None, RiskLevel = RiskLevel.High, Status = ManagementStatus.Active }, Options));
        Assert.Empty(CheckPlanner.ChecksFor(new Management { Register = Register.RegisteredSexOffender, Status = ManagementStatus.Ended }, Options));
    }

    public static TheoryData<Condition, CheckKind?, int> Conditions => new()
    {
        { new FinancialReportingCondition { WhatToReport = "bank statements", IntervalMonths = 1 }, CheckKind.FinancialReport, 12 },
        { new FinancialReportingCondition { WhatToReport = "income and assets", IntervalMonths = 3 }, CheckKind.FinancialReport, 4 },
        { new DevicesCondition { MustAllowInspection = true, InspectionIntervalMonths = 3 }, CheckKind.DeviceInspection, 4 },
        { new DevicesCondition { MustAllowInspection = false, MaxPhones = 1 }, null, 0 },
        { new CurfewCondition(), CheckKind.CurfewCheck, 26 },
        { new OtherCondition { CheckIntervalDays = 28 }, CheckKind.OtherConditionCheck, 13 },
        { new OtherCondition(), null, 0 },
        { new ExclusionZoneCondition(), null, 0 },
        { new NonAssociationCondition(), null, 0 },
        { new TravelCondition(), null, 0 },
        { new ResidenceNotificationCondition(), null, 0 },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Each_condition_generates_its_checks_at_its_own_cadence(Condition condition, CheckKind? kind, int checksAYear)
    {
        var check = CheckPlanner.CheckFor(condition, Options);
        Assert.Equal(kind, check?.Kind);
        Assert.Equal(checksAYear, check is { } c ? DueDatesOverAYear(c.Kind, c.Cadence).Count : 0);
    }

    [Fact]
    public void A_late_monthly_report_does_not_move_the_reporting_day()
    {
        var next = ComplianceSchedule.NextDue(CheckKind.FinancialReport, Cadence.EveryMonths(1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 9), CheckOutcome.Compliant, Options);
        Assert.Equal(new DateOnly(2026, 4, 1), next);
    }

    [Fact]
    public void A_report_more_than_a_month_late_is_next_due_on_the_next_reporting_day_to_come()
    {
        var next = ComplianceSchedule.NextDue(CheckKind.FinancialReport, Cadence.EveryMonths(1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 20), CheckOutcome.Compliant, Options);
        Assert.Equal(new DateOnly(2026, 5, 1), next);
    }

    [Fact]
    public void A_late_visit_restarts_the_interval_from_when_it_happened()
    {
        var next = ComplianceSchedule.NextDue(CheckKind.HomeVisit, Cadence.EveryMonths(3), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), CheckOutcome.Compliant, Options);
        Assert.Equal(new DateOnly(2026, 6, 20), next);
    }

    [Theory]
    [InlineData(CheckKind.HomeVisit)]
    [InlineData(CheckKind.FinancialReport)]
    public void A_visit_that_found_nobody_in_is_tried_again_a_week_later(CheckKind kind)
    {
        var next = ComplianceSchedule.NextDue(kind, Cadence.EveryMonths(3), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), CheckOutcome.NoAccess, Options);
        Assert.Equal(new DateOnly(2026, 3, 9), next);
    }

    [Fact]
    public void An_outcome_may_be_recorded_up_to_thirty_days_early_or_half_the_interval_if_shorter()
    {
        Assert.Equal(new DateOnly(2026, 5, 2), ComplianceSchedule.OpensOn(new DateOnly(2026, 6, 1), Cadence.EveryMonths(3), Options));
        Assert.Equal(new DateOnly(2026, 5, 25), ComplianceSchedule.OpensOn(new DateOnly(2026, 6, 1), Cadence.EveryDays(14), Options));
    }
}
