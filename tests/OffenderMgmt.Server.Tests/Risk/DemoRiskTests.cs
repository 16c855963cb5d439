using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Risk;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Risk;

/// <summary>The demo force's risk work and MAPPA meetings, as issue 17 describes them.</summary>
public sealed class DemoRiskTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task Every_registered_sex_offender_has_an_ARMS_and_an_RM2000_assessment_some_due_or_overdue()
    {
        var (rsos, arms, rm2000, overdue, dueSoon) = await server.WithDb(async db =>
        {
            var people = await db.Managements.Where(m => m.Register == Register.RegisteredSexOffender && m.Status == ManagementStatus.Active).Select(m => m.PersonId).ToListAsync();
            var assessments = await db.RiskAssessments.Where(a => people.Contains(a.PersonId)).ToListAsync();
            var today = new DateOnly(2026, 11, 26);
            return (people.Count,
                assessments.Where(a => a.Tool == AssessmentTool.Arms).Select(a => a.PersonId).Distinct().Count(),
                assessments.Where(a => a.Tool == AssessmentTool.Rm2000Sexual).Select(a => a.PersonId).Distinct().Count(),
                assessments.Count(a => a.NextReviewOn < today), assessments.Count(a => a.NextReviewOn >= today && a.NextReviewOn <= today.AddDays(28)));
        });
        Assert.Equal((rsos, rsos), (arms, rm2000));
        Assert.InRange(overdue, 1, rsos / 5);
        Assert.InRange(dueSoon, 1, rsos / 4);
    }

    [Fact]
    public async Task Every_high_risk_case_has_a_plan_two_awaiting_approval_and_one_action_overdue()
    {
        var (high, planned, awaiting, overdue) = await server.WithDb(async db =>
        {
            var cases = await db.Managements.Where(m => m.Status == ManagementStatus.Active && m.RiskLevel >= RiskLevel.High).Select(m => m.Id).ToListAsync();
            var plans = await db.RiskPlans.Include(p => p.Actions).Where(p => cases.Contains(p.ManagementId)).ToListAsync();
            return (cases.Count, plans.Select(p => p.ManagementId).Distinct().Count(), plans.Count(p => p.Status == PlanStatus.AwaitingApproval),
                plans.SelectMany(p => p.Actions).Count(a => RiskRules.ActionOverdueOn(a, new DateOnly(2026, 11, 26))));
        });
        Assert.Equal(high, planned);
        Assert.Equal((2, 1), (awaiting, overdue));
    }

    [Fact]
    public async Task This_months_level_2_and_3_meetings_follow_last_months_minutes()
    {
        var meetings = await server.WithDb(db => db.MappaMeetings.AsNoTracking().ToListAsync());
        Assert.Contains(meetings, m => m.Level == 3 && m.HeldOn == new DateOnly(2026, 11, 26) && !m.IsMinuted);
        Assert.Contains(meetings, m => m.Level == 2 && m.HeldOn == new DateOnly(2026, 12, 3) && !m.IsMinuted);
        Assert.Contains(meetings, m => m.Level == 3 && m.HeldOn.Month == 10 && m.IsMinuted);
        Assert.Contains(meetings, m => m.Level == 2 && m.HeldOn.Month == 11 && m.IsMinuted);
        Assert.True(await server.WithDb(db => db.MappaMeetingCases.AnyAsync(c => c.Minuted && c.DisclosureConsidered)));
        Assert.True(await server.WithDb(db => db.MappaActions.AnyAsync()));
    }
}
