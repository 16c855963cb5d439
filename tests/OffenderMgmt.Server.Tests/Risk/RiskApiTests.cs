using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using Register = OffenderMgmt.Server.Caseload.Register;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;

namespace OffenderMgmt.Tests.Risk;

/// <summary>The Risk service over gRPC on the demo force: validation, access by role and relationship, and audit.</summary>
public sealed class RiskApiTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string Today = "2026-11-26";

    /// <summary>A demo.manager case: the person and their VSOMT management (the n-th by name).</summary>
    private async Task<(Guid Person, Server.Caseload.Management Management)> ManagerCase(int skip)
    {
        var person = await server.CaseOf("demo.manager", Register.RegisteredSexOffender, skip);
        var management = await server.WithDb(db => db.Managements.AsNoTracking().SingleAsync(m => m.PersonId == person && m.Status == ManagementStatus.Active && m.Register == Register.RegisteredSexOffender));
        return (person, management);
    }

    private static RecordAssessmentRequest Arms(Guid person, RiskLevel level) => new()
    {
        PersonId = person.ToString(), Tool = AssessmentTool.Arms, CompletedOn = Today, Assessor = "VSOMT offender manager",
        Arms = new ArmsResult { Level = level, RiskFactors = { ArmsRiskFactor.AccessToVictims } }, Narrative = "Restricted narrative text",
    };

    [Fact]
    public async Task Bad_assessments_are_refused_by_field_and_store_nothing()
    {
        var (person, _) = await ManagerCase(0);
        var risk = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        var before = await server.WithDb(db => db.RiskAssessments.CountAsync(a => a.PersonId == person));
        await RpcAssert.FailsOnField("tool", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { Tool = AssessmentTool.Unspecified }).ResponseAsync);
        await RpcAssert.FailsOnField("tool", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { Tool = (AssessmentTool)99 }).ResponseAsync);
        await RpcAssert.FailsOnField("arms", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { Tool = AssessmentTool.Rm2000S }).ResponseAsync);
        await RpcAssert.FailsOnField("completed_on", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { CompletedOn = "2026-12-25" }).ResponseAsync);
        await RpcAssert.FailsOnField("arms.level", () => risk.RecordAssessmentAsync(Arms(person, RiskLevel.Unspecified)).ResponseAsync);
        await RpcAssert.FailsOnField("arms.risk_factors[1]", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High))
            { Arms = new ArmsResult { Level = RiskLevel.High, RiskFactors = { ArmsRiskFactor.AccessToVictims, (ArmsRiskFactor)42 } } }).ResponseAsync);
        await RpcAssert.FailsOnField("narrative", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { Narrative = new string('x', 20_001) }).ResponseAsync);
        await RpcAssert.FailsOnField("person_id", () => risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, RiskLevel.High)) { PersonId = "not-an-id" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => risk.RecordAssessmentAsync(Arms(Guid.CreateVersion7(), RiskLevel.High)).ResponseAsync);
        Assert.Equal(before, await server.WithDb(db => db.RiskAssessments.CountAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task An_assessment_applied_to_a_case_changes_its_risk_and_the_change_names_the_assessment()
    {
        var (person, management) = await ManagerCase(1);
        var risk = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        var raised = management.RiskLevel == Server.Common.RiskLevel.VeryHigh ? RiskLevel.High : RiskLevel.VeryHigh;
        var assessment = await risk.RecordAssessmentAsync(new RecordAssessmentRequest(Arms(person, raised))
            { ApplyToManagementId = management.Id.ToString(), ExpectedVersion = management.Version, RequestId = "arms-apply-1" });
        Assert.Equal(raised, assessment.Level);
        Assert.Equal("Restricted narrative text", assessment.Narrative);
        // ARMS reviews: very high risk after 3 months, high after 6 (RiskOptions.ReviewMonths).
        Assert.Equal(raised == RiskLevel.VeryHigh ? "2027-02-26" : "2027-05-26", assessment.NextReviewOn);
        var (now, change) = await server.WithDb(async db => (
            await db.Managements.AsNoTracking().SingleAsync(m => m.Id == management.Id),
            await db.ManagementRiskChanges.AsNoTracking().Where(c => c.ManagementId == management.Id).OrderByDescending(c => c.Id).FirstAsync()));
        Assert.Equal((int)raised, (int)now.RiskLevel);
        Assert.Equal(Guid.Parse(assessment.Id), change.AssessmentId);
        Assert.Null(change.OverridesAssessmentId);

        // Overriding it by hand records which assessment the new level departs from.
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        await caseload.ChangeRiskAsync(new ChangeRiskRequest { Id = management.Id.ToString(), ExpectedVersion = now.Version, RiskLevel = RiskLevel.Medium, Reason = "Moved away from the victim's area" });
        var overriding = await server.WithDb(db => db.ManagementRiskChanges.AsNoTracking().Where(c => c.ManagementId == management.Id).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((null, Guid.Parse(assessment.Id)), (overriding.AssessmentId, overriding.OverridesAssessmentId));

        // Every write is audited with its purpose and the records it touched.
        var entry = await server.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Rpc.EndsWith("/RecordAssessment")).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("demo.manager", "case-management", "OK"), (entry.Subject, entry.Purpose, entry.Outcome));
        Assert.Contains(assessment.Id, entry.RecordIds);
        Assert.Contains(management.Id.ToString(), entry.RecordIds);
    }

    [Fact]
    public async Task A_change_of_risk_naming_an_assessment_must_take_its_level()
    {
        var (person, management) = await ManagerCase(2);
        var risk = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        var assessment = await risk.RecordAssessmentAsync(Arms(person, RiskLevel.VeryHigh));
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var target = management.RiskLevel == Server.Common.RiskLevel.Low ? RiskLevel.Medium : RiskLevel.Low;
        await RpcAssert.FailsOnField("assessment_id", () => caseload.ChangeRiskAsync(new ChangeRiskRequest
            { Id = management.Id.ToString(), ExpectedVersion = management.Version, RiskLevel = target, Reason = "test", AssessmentId = assessment.Id }).ResponseAsync);
    }

    [Fact]
    public async Task The_narrative_is_for_the_case_holder_and_never_for_an_analyst_or_a_local_officer()
    {
        var (person, _) = await ManagerCase(3);
        await new Contracts.V1.Risk.RiskClient(await server.As("demo.manager")).RecordAssessmentAsync(Arms(person, RiskLevel.High));
        var mine = await new Contracts.V1.Risk.RiskClient(await server.As("demo.manager")).ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = person.ToString() });
        Assert.Contains(mine.Assessments, a => a.Narrative == "Restricted narrative text");

        // Even with a supervisor's grant of the person (issue 19), an analyst gets no narrative.
        await new Access.AccessClient(await server.As("demo.supervisor", "supervision")).GrantAnalystAccessAsync(new GrantAnalystAccessRequest
        {
            Analyst = "demo.analyst", PersonIds = { person.ToString() }, Purpose = "Assessment coverage for the inspection", Reason = "A sample of high-risk cases", Days = 1,
        });
        var analyst = new Contracts.V1.Risk.RiskClient(await server.As("demo.analyst", "reason: checking assessment coverage for the inspection"));
        var seen = await analyst.ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = person.ToString() });
        Assert.NotEmpty(seen.Assessments);
        Assert.All(seen.Assessments, a => Assert.Equal("", a.Narrative));

        var local = new Contracts.V1.Risk.RiskClient(await server.As("demo.officer", "briefing"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => local.ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = person.ToString() }).ResponseAsync);
        // Another manager's case needs a reason.
        var other = await server.WithDb(db => db.Managements.Where(m => m.Status == ManagementStatus.Active && m.Register == Register.RegisteredSexOffender
            && m.ResponsibleOfficerId != db.UserAccounts.Where(a => a.Username == "demo.manager").Select(a => a.OfficerId).First()
            && !db.Managements.Any(x => x.PersonId == m.PersonId && x.ResponsibleOfficerId == db.UserAccounts.Where(a => a.Username == "demo.manager").Select(a => a.OfficerId).First()))
            .Select(m => m.PersonId).FirstAsync());
        var manager = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => manager.ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = other.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task A_plan_is_written_by_the_manager_approved_by_a_supervisor_and_tells_a_local_officer_what_to_do_if_seen()
    {
        var (person, management) = await ManagerCase(4);
        var officer = await server.OfficerOfAccount("demo.manager");
        var manager = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        var plan = await manager.CreatePlanAsync(new CreatePlanRequest
        {
            ManagementId = management.Id.ToString(), Supervision = "Weekly visits", MonitoringAndControl = "Checks at each visit",
            Actions =
            {
                new Contracts.V1.PlanActionInput { Pillar = PlanPillar.MonitoringAndControl, What = "If seen near a school, tell the VSOMT", OwnerOfficerId = officer.ToString() },
                new Contracts.V1.PlanActionInput { Pillar = PlanPillar.VictimSafety, What = "Safeguarding review", OwnerAgency = "Children's Services", DueOn = "2026-11-20" },
            },
        });
        Assert.Equal(PlanStatus.AwaitingApproval, plan.Status);
        Assert.True(plan.Actions.Single(a => a.Pillar == PlanPillar.VictimSafety).Overdue);

        await RpcAssert.Fails(StatusCode.PermissionDenied, () => manager.ApprovePlanAsync(new ApprovePlanRequest { Id = plan.Id, ExpectedVersion = plan.Version }).ResponseAsync);
        var supervisor = new Contracts.V1.Risk.RiskClient(await server.As("demo.supervisor", "supervision"));
        await RpcAssert.Fails(StatusCode.Aborted, () => supervisor.ApprovePlanAsync(new ApprovePlanRequest { Id = plan.Id, ExpectedVersion = plan.Version + 1 }).ResponseAsync);
        var approved = await supervisor.ApprovePlanAsync(new ApprovePlanRequest { Id = plan.Id, ExpectedVersion = plan.Version, Note = "Agreed" });
        Assert.Equal((PlanStatus.Approved, "demo.supervisor"), (approved.Status, approved.ApprovedBy));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => supervisor.ApprovePlanAsync(new ApprovePlanRequest { Id = plan.Id, ExpectedVersion = approved.Version }).ResponseAsync);
        var audit = await server.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Rpc.EndsWith("/ApprovePlan") && e.Outcome == "OK").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("demo.supervisor", "supervision"), (audit.Subject, audit.Purpose));
        Assert.Contains(plan.Id, audit.RecordIds);

        var local = new Contracts.V1.Risk.RiskClient(await server.As("demo.officer", "briefing"));
        var summary = await local.GetRiskSummaryAsync(new GetRiskSummaryRequest { PersonId = person.ToString() });
        Assert.Equal(["If seen near a school, tell the VSOMT"], summary.WhatToDoIfSeen);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => local.GetPlanAsync(new GetPlanRequest { ManagementId = management.Id.ToString() }).ResponseAsync);

        // Recording progress keeps the approval; changing what the plan says sends it back.
        var actions = approved.Actions.Select(a => new Contracts.V1.PlanActionInput
            { Id = a.Id, Pillar = a.Pillar, What = a.What, OwnerOfficerId = a.OwnerOfficerId, OwnerAgency = a.OwnerAgency, DueOn = a.DueOn, Status = a.Status }).ToList();
        actions.Single(a => a.Pillar == PlanPillar.VictimSafety).Status = ActionStatus.Done;
        var progressed = await manager.UpdatePlanAsync(new UpdatePlanRequest
            { Id = plan.Id, ExpectedVersion = approved.Version, Supervision = "Weekly visits", MonitoringAndControl = "Checks at each visit", Actions = { actions } });
        Assert.Equal(PlanStatus.Approved, progressed.Status);
        var changed = await manager.UpdatePlanAsync(new UpdatePlanRequest
            { Id = plan.Id, ExpectedVersion = progressed.Version, Supervision = "Fortnightly visits", MonitoringAndControl = "Checks at each visit", Actions = { actions } });
        Assert.Equal(PlanStatus.AwaitingApproval, changed.Status);
        await RpcAssert.FailsOnField("actions[0].id", () => manager.UpdatePlanAsync(new UpdatePlanRequest
            { Id = plan.Id, ExpectedVersion = changed.Version, Supervision = "x", Actions = { new Contracts.V1.PlanActionInput { Id = Guid.CreateVersion7().ToString(), Pillar = PlanPillar.Supervision, What = "x", OwnerAgency = "Probation" } } }).ResponseAsync);
    }

    [Fact]
    public async Task Bad_plans_are_refused_by_field()
    {
        var (_, management) = await ManagerCase(5);
        var manager = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        await RpcAssert.FailsOnField("supervision", () => manager.CreatePlanAsync(new CreatePlanRequest { ManagementId = management.Id.ToString() }).ResponseAsync);
        await RpcAssert.FailsOnField("actions[0].pillar", () => manager.CreatePlanAsync(new CreatePlanRequest
            { ManagementId = management.Id.ToString(), Actions = { new Contracts.V1.PlanActionInput { What = "x", OwnerAgency = "Probation" } } }).ResponseAsync);
        await RpcAssert.FailsOnField("actions[0].owner_officer_id", () => manager.CreatePlanAsync(new CreatePlanRequest
            { ManagementId = management.Id.ToString(), Actions = { new Contracts.V1.PlanActionInput { Pillar = PlanPillar.Supervision, What = "x" } } }).ResponseAsync);
        await RpcAssert.FailsOnField("actions[0].due_on", () => manager.CreatePlanAsync(new CreatePlanRequest
            { ManagementId = management.Id.ToString(), Actions = { new Contracts.V1.PlanActionInput { Pillar = PlanPillar.Supervision, What = "x", OwnerAgency = "P", DueOn = "26/11/2026" } } }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => manager.CreatePlanAsync(new CreatePlanRequest
            { ManagementId = management.Id.ToString(), Actions = { new Contracts.V1.PlanActionInput { Pillar = PlanPillar.Supervision, What = "x", OwnerOfficerId = Guid.CreateVersion7().ToString() } } }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => manager.CreatePlanAsync(new CreatePlanRequest { ManagementId = Guid.CreateVersion7().ToString(), Supervision = "x" }).ResponseAsync);
        Assert.False(await server.WithDb(db => db.RiskPlans.AnyAsync(p => p.ManagementId == management.Id && p.CreatedBy == "demo.manager")));
    }

    [Fact]
    public async Task Overdue_plan_actions_are_listed_with_the_overdue_checks()
    {
        var officer = await server.OfficerOfAccount("demo.manager");
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        var overdue = await compliance.ListOverdueAsync(new ListChecksRequest { OfficerId = officer.ToString() });
        // The demo's one overdue plan action is the demo manager's.
        var action = Assert.Single(overdue.PlanActions, a => a.What == "Examine the registered phone and laptop");
        Assert.True(action.Overdue);
        var due = await compliance.ListDueAsync(new ListChecksRequest { OfficerId = officer.ToString(), HorizonDays = 90 });
        Assert.NotEmpty(due.PlanActions);
        Assert.All(due.PlanActions, a => Assert.False(a.Overdue));
        Assert.DoesNotContain(due.PlanActions, a => a.What == "Examine the registered phone and laptop");

        // It weighs in the manager's workload until a new plan replaces the one it belongs to.
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        string[] Reasons(OfficerWorkload w) => w.Items.Single(i => i.PersonId == action.PersonId && i.Kind == "case").Reasons.ToArray();
        Assert.Contains("1 overdue plan action: +0.5", Reasons(await caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = officer.ToString(), Weeks = 1 })));
        var management = await server.WithDb(db => db.RiskPlans.Where(p => p.Id == Guid.Parse(action.PlanId)).Select(p => p.ManagementId).SingleAsync());
        await new Contracts.V1.Risk.RiskClient(await server.As("demo.manager")).CreatePlanAsync(new CreatePlanRequest { ManagementId = management.ToString(), Supervision = "Weekly visits" });
        Assert.DoesNotContain(Reasons(await caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = officer.ToString(), Weeks = 1 })), r => r.Contains("overdue plan action"));
        Assert.DoesNotContain((await compliance.ListOverdueAsync(new ListChecksRequest { OfficerId = officer.ToString() })).PlanActions, a => a.ActionId == action.ActionId);
    }

    [Fact]
    public async Task A_high_risk_case_without_an_approved_plan_raises_a_task_once()
    {
        var housekeeping = server.Services.GetRequiredService<Housekeeping>();
        _ = server.Server;
        await housekeeping.RunOnceAsync(CancellationToken.None);
        var tasks = await server.WithDb(db => db.Tasks.AsNoTracking().Where(t => t.Kind == Server.Tasks.TaskKind.PlanRequired).ToListAsync());
        // The demo's two (other tests here write plans of their own today).
        var waiting = await server.WithDb(db => db.RiskPlans.AsNoTracking().Where(p => p.Status == Server.Risk.PlanStatus.AwaitingApproval && p.CreatedBy == "demo.manager" && p.CreatedAt < ServerFactory.StartTime).Select(p => p.ManagementId).ToListAsync());
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, m => Assert.Contains(tasks, t => t.ManagementId == m));
        await housekeeping.RunOnceAsync(CancellationToken.None);
        Assert.Equal(tasks.Count, await server.WithDb(db => db.Tasks.CountAsync(t => t.Kind == Server.Tasks.TaskKind.PlanRequired)));
        Assert.True(await server.WithDb(db => db.Tasks.AnyAsync(t => t.Kind == Server.Tasks.TaskKind.AssessmentReviewDue)));
    }

    [Fact]
    public async Task Assessments_due_are_the_current_ones_of_each_tool_for_the_officers_cases()
    {
        var officer = await server.OfficerOfAccount("demo.manager");
        var risk = new Contracts.V1.Risk.RiskClient(await server.As("demo.manager"));
        var due = await risk.ListAssessmentsDueAsync(new ListAssessmentsDueRequest { OfficerId = officer.ToString(), PageSize = 500 });
        Assert.NotEmpty(due.Assessments);
        Assert.All(due.Assessments, a => Assert.True(string.CompareOrdinal(a.NextReviewOn, "2026-12-24") <= 0));
        Assert.Contains(due.Assessments, a => a.ReviewOverdue);
        Assert.All(due.Assessments, a => Assert.Equal("", a.Narrative));
        await RpcAssert.FailsOnField("officer_id", () => risk.ListAssessmentsDueAsync(new ListAssessmentsDueRequest()).ResponseAsync);
        await RpcAssert.FailsOnField("horizon_days", () => risk.ListAssessmentsDueAsync(new ListAssessmentsDueRequest { OfficerId = officer.ToString(), HorizonDays = 400 }).ResponseAsync);
        var other = await server.Officer(Server.Officers.TeamKind.Vsomt, Server.Officers.OfficerRole.OffenderManager, 3);
        if (other != officer)
            await RpcAssert.Fails(StatusCode.PermissionDenied, () => risk.ListAssessmentsDueAsync(new ListAssessmentsDueRequest { OfficerId = other.ToString() }).ResponseAsync);
    }
}
