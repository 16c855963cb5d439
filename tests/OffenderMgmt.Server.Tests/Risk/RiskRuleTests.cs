using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Mappa;
using OffenderMgmt.Server.Risk;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tests.Risk;

/// <summary>The risk rules without a host: levels from results, review dates, plans, what a local officer is told.</summary>
public sealed class RiskRuleTests
{
    private static readonly RiskOptions Defaults = new();

    [Theory]
    [InlineData(AssessmentTool.Rm2000Sexual)]
    [InlineData(AssessmentTool.Rm2000Violent)]
    public void An_RM2000_assessment_gives_its_category(AssessmentTool tool) =>
        Assert.Equal(RiskLevel.High, RiskRules.LevelFrom(tool, new AssessmentResult { Category = RiskLevel.High }));

    [Fact]
    public void An_ARMS_assessment_gives_the_level_the_assessor_reached_from_its_factors() =>
        Assert.Equal(RiskLevel.VeryHigh, RiskRules.LevelFrom(AssessmentTool.Arms, new AssessmentResult
        {
            ArmsRiskFactors = [ArmsRiskFactor.AccessToVictims], ArmsProtectiveFactors = [ArmsProtectiveFactor.PositiveRoutine], ArmsLevel = RiskLevel.VeryHigh,
        }));

    /// <summary>OASys manual: the overall risk of serious harm is the highest level in any group.</summary>
    [Fact]
    public void OASys_risk_of_serious_harm_is_the_highest_of_its_groups() =>
        Assert.Equal(RiskLevel.VeryHigh, RiskRules.LevelFrom(AssessmentTool.OasysRosh, new AssessmentResult
        {
            RoshChildren = RiskLevel.Medium, RoshPublic = RiskLevel.Low, RoshKnownAdult = RiskLevel.VeryHigh, RoshStaff = RiskLevel.High,
        }));

    [Theory]
    [InlineData(DashLevel.Standard, RiskLevel.Low)]
    [InlineData(DashLevel.Medium, RiskLevel.Medium)]
    [InlineData(DashLevel.High, RiskLevel.High)]
    public void DASH_levels_map_to_risk_levels(DashLevel dash, RiskLevel expected) =>
        Assert.Equal(expected, RiskRules.LevelFrom(AssessmentTool.Dash, new AssessmentResult { DashLevel = dash }));

    [Fact]
    public void Another_tool_gives_a_level_only_if_it_has_one()
    {
        Assert.Equal(RiskLevel.Unspecified, RiskRules.LevelFrom(AssessmentTool.Other, new AssessmentResult { ToolName = "SARN" }));
        Assert.Equal(RiskLevel.Medium, RiskRules.LevelFrom(AssessmentTool.Other, new AssessmentResult { ToolName = "SARN", OtherLevel = RiskLevel.Medium }));
    }

    [Fact]
    public void A_result_must_be_the_tools_own_and_complete()
    {
        static IReadOnlyList<FieldViolation> Problems(AssessmentTool tool, AssessmentResult result, string? field)
        {
            var v = new Validator();
            RiskRules.Validate(tool, result, field, v);
            try { v.ThrowIfInvalid(); return []; }
            catch (ValidationException e) { return e.Violations; }
        }
        Assert.Equal("arms", Assert.Single(Problems(AssessmentTool.Arms, new AssessmentResult(), null)).Field);
        Assert.Equal("rm2000", Assert.Single(Problems(AssessmentTool.Arms, new AssessmentResult { Category = RiskLevel.Low }, "rm2000")).Field);
        Assert.Equal("oasys_rosh.staff", Assert.Single(Problems(AssessmentTool.OasysRosh,
            new AssessmentResult { RoshChildren = RiskLevel.Low, RoshPublic = RiskLevel.Low, RoshKnownAdult = RiskLevel.Low }, "oasys_rosh")).Field);
        // The DASH checklist has 27 questions.
        Assert.Equal("dash.yes_answers", Assert.Single(Problems(AssessmentTool.Dash, new AssessmentResult { DashLevel = DashLevel.High, DashYesAnswers = 28 }, "dash")).Field);
        Assert.Equal("arms.risk_factors", Assert.Single(Problems(AssessmentTool.Arms,
            new AssessmentResult { ArmsLevel = RiskLevel.High, ArmsRiskFactors = [ArmsRiskFactor.HostileOrientation, ArmsRiskFactor.HostileOrientation] }, "arms")).Field);
        Assert.Empty(Problems(AssessmentTool.Rm2000Sexual, new AssessmentResult { Category = RiskLevel.Medium }, "rm2000"));
    }

    /// <summary>RiskOptions.ReviewMonths: ARMS by risk (APP), RM2000 yearly, OASys 16 weeks for high risk (about 4 months).</summary>
    [Theory]
    [InlineData(AssessmentTool.Arms, RiskLevel.VeryHigh, "2026-04-10")]
    [InlineData(AssessmentTool.Arms, RiskLevel.High, "2026-07-10")]
    [InlineData(AssessmentTool.Arms, RiskLevel.Low, "2027-01-10")]
    [InlineData(AssessmentTool.Rm2000Sexual, RiskLevel.VeryHigh, "2027-01-10")]
    [InlineData(AssessmentTool.OasysRosh, RiskLevel.High, "2026-05-10")]
    [InlineData(AssessmentTool.OasysRosh, RiskLevel.Low, "2026-07-10")]
    [InlineData(AssessmentTool.Dash, RiskLevel.High, "2026-04-10")]
    public void Review_dates_follow_the_tool_and_the_level(AssessmentTool tool, RiskLevel level, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), RiskRules.NextReviewOn(tool, level, new DateOnly(2026, 1, 10), Defaults));

    [Fact]
    public void A_force_sets_its_own_review_interval()
    {
        var options = new RiskOptions();
        options.ReviewMonths[AssessmentTool.Arms][RiskLevel.High] = 4;
        Assert.Equal(new DateOnly(2026, 5, 10), RiskRules.NextReviewOn(AssessmentTool.Arms, RiskLevel.High, new DateOnly(2026, 1, 10), options));
    }

    [Fact]
    public void A_plan_is_reviewed_by_the_cases_risk() =>
        Assert.Equal(new DateOnly(2026, 4, 10), RiskRules.PlanReviewOn(RiskLevel.High, new DateOnly(2026, 1, 10), Defaults));

    [Fact]
    public void A_high_or_very_high_risk_case_needs_an_approved_plan_within_the_configured_days()
    {
        var since = new DateOnly(2026, 11, 1);
        Assert.Equal(since.AddDays(28), RiskRules.PlanRequiredBy(RiskLevel.High, since, Defaults));
        Assert.Equal(since.AddDays(28), RiskRules.PlanRequiredBy(RiskLevel.VeryHigh, since, Defaults));
        Assert.Null(RiskRules.PlanRequiredBy(RiskLevel.Medium, since, Defaults));
        Assert.Equal(since.AddDays(10), RiskRules.PlanRequiredBy(RiskLevel.High, since, new RiskOptions { PlanRequiredWithinDays = 10 }));
    }

    private static PlanAction Action(PlanPillar pillar, string what, ActionStatus status = ActionStatus.Open, DateOnly? due = null) =>
        new() { Id = Guid.CreateVersion7(), Pillar = pillar, What = what, Status = status, DueOn = due, OwnerAgency = "Probation Service" };

    [Fact]
    public void Recording_progress_on_an_approved_plan_keeps_it_approved_but_a_change_of_substance_does_not()
    {
        var action = Action(PlanPillar.Supervision, "Home visit");
        var before = new PlanContent("weekly", "checks", "programme", "safeguarding", new DateOnly(2027, 1, 1), [action]);
        var done = new PlanAction { Id = action.Id, Pillar = action.Pillar, What = action.What, OwnerAgency = action.OwnerAgency, Status = ActionStatus.Done };
        Assert.False(RiskRules.NeedsReapproval(before, before with { Actions = [done] }));
        Assert.True(RiskRules.NeedsReapproval(before, before with { Supervision = "monthly" }));
        Assert.True(RiskRules.NeedsReapproval(before, before with { ReviewOn = new DateOnly(2027, 6, 1) }));
        Assert.True(RiskRules.NeedsReapproval(before, before with { Actions = [action, Action(PlanPillar.Interventions, "Programme")] }));
        var moved = new PlanAction { Id = action.Id, Pillar = action.Pillar, What = action.What, OwnerAgency = action.OwnerAgency, DueOn = new DateOnly(2027, 2, 1) };
        Assert.True(RiskRules.NeedsReapproval(before, before with { Actions = [moved] }));
    }

    [Fact]
    public void A_local_officer_is_told_the_open_monitoring_and_control_actions_of_the_approved_plan_only()
    {
        var plan = new RiskPlan
        {
            Status = PlanStatus.Approved,
            Actions =
            [
                Action(PlanPillar.MonitoringAndControl, "If seen near schools, tell the VSOMT"),
                Action(PlanPillar.MonitoringAndControl, "Old instruction", ActionStatus.Done),
                Action(PlanPillar.Supervision, "Home visit"),
                Action(PlanPillar.VictimSafety, "Victim's address flagged"),
            ],
        };
        Assert.Equal(["If seen near schools, tell the VSOMT"], RiskRules.WhatToDoIfSeen(plan));
        plan.Status = PlanStatus.AwaitingApproval;
        Assert.Empty(RiskRules.WhatToDoIfSeen(plan));
        Assert.Empty(RiskRules.WhatToDoIfSeen(null));
    }

    [Fact]
    public void A_risk_change_rests_on_the_assessment_that_gives_its_level_or_overrides_the_latest()
    {
        var latest = Guid.CreateVersion7();
        var named = Guid.CreateVersion7();
        Assert.Equal(new RiskBasis(named, null), RiskRules.BasisOf(RiskLevel.High, named, (latest, RiskLevel.Medium)));
        Assert.Equal(new RiskBasis(latest, null), RiskRules.BasisOf(RiskLevel.High, null, (latest, RiskLevel.High)));
        Assert.Equal(new RiskBasis(null, latest), RiskRules.BasisOf(RiskLevel.VeryHigh, null, (latest, RiskLevel.High)));
        Assert.Equal(new RiskBasis(null, null), RiskRules.BasisOf(RiskLevel.High, null, null));
    }

    [Fact]
    public void An_action_is_overdue_after_its_due_date_until_done_and_never_when_cancelled()
    {
        var action = Action(PlanPillar.Supervision, "Visit", due: new DateOnly(2026, 11, 20));
        Assert.False(RiskRules.ActionOverdueOn(action, new DateOnly(2026, 11, 20)));
        Assert.True(RiskRules.ActionOverdueOn(action, new DateOnly(2026, 11, 21)));
        action.Status = ActionStatus.Done;
        action.CompletedOn = new DateOnly(2026, 11, 25);
        Assert.True(RiskRules.ActionOverdueOn(action, new DateOnly(2026, 11, 24)));
        Assert.False(RiskRules.ActionOverdueOn(action, new DateOnly(2026, 11, 26)));
        action.Status = ActionStatus.Cancelled;
        Assert.False(RiskRules.ActionOverdueOn(action, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void The_default_options_are_valid_and_bad_ones_are_named()
    {
        Assert.Empty(new RiskOptions().Problems());
        Assert.Empty(new MappaOptions().Problems());
        Assert.Contains("Risk:PlanRequiredWithinDays must be 1 to 365", new RiskOptions { PlanRequiredWithinDays = 0 }.Problems());
        Assert.Contains("Mappa:ReviewWeeks:3 must be 1 to 52 weeks", new MappaOptions { ReviewWeeks = new() { [2] = 16, [3] = 0 } }.Problems());
    }

    [Fact]
    public void Every_enum_value_has_its_proto_counterpart_and_back()
    {
        static void Covers<TDomain, TProto>(EnumTable<TDomain, TProto> table, bool protoHasUnspecified = true)
            where TDomain : struct, Enum where TProto : struct, Enum
        {
            Assert.All(Enum.GetValues<TDomain>(), d => Assert.Equal(d, table.ToDomain(table.ToProto(d))));
            var protos = Enum.GetValues<TProto>().Where(p => !protoHasUnspecified || Convert.ToInt32(p, System.Globalization.CultureInfo.InvariantCulture) != 0);
            Assert.All(protos, p => Assert.NotNull(table.ToDomain(p)));
        }
        Covers(RiskMessages.Tools);
        Covers(RiskMessages.RiskFactors);
        Covers(RiskMessages.ProtectiveFactors);
        Covers(RiskMessages.DashLevels);
        Covers(RiskMessages.Pillars);
        Covers(RiskMessages.PlanStatuses);
        Covers(RiskMessages.ActionStatuses);
        Covers(RiskMessages.Levels, protoHasUnspecified: false);
        Covers(MappaMessages.Reasons);
        Covers(MappaMessages.Decisions);
        Assert.Equal(Enum.GetValues<Server.Tasks.TaskKind>().Length, Enum.GetValues<V1.TaskKind>().Length - 1);
    }
}
