using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>Enrolling people in schemes, changing their risk, ending management.</summary>
public sealed class EnrolmentTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<string> NewPerson(string family) =>
        (await new People.PeopleClient(await server.As("demo.service")).CreatePersonAsync(new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { FamilyName = family } } })).Id;

    [Fact]
    public async Task Enrolling_a_registered_sex_offender_sets_the_notification_period_and_plans_visits()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var management = await caseload.EnrolAsync(EnrolRequests.Rso(await NewPerson("Enrolee"), manager));
        Assert.Equal("2034-02-28", management.Notification.PeriodEndsOn);  // 18 months custody: 10 years
        Assert.Equal(AssignmentReason.InitialAllocation, Assert.Single(management.Assignments).Reason);
        Assert.Equal("2027-03-18", management.NextReviewDue);  // MAPPA level 2: at least every 16 weeks (MAPPA Guidance)
        var checks = await server.WithDb(db => db.ComplianceChecks.Where(c => c.ManagementId == Guid.Parse(management.Id)).Select(c => c.Kind).ToListAsync());
        Assert.Contains(Server.Compliance.CheckKind.HomeVisit, checks);
        Assert.Contains(Server.Compliance.CheckKind.RsoPeriodicNotification, checks);
    }

    [Fact]
    public async Task A_registered_sex_offender_must_be_mappa_category_1()
    {
        // Criminal Justice Act 2003 s.327(2): offenders subject to the SOA 2003 Part 2 notification requirements are category 1.
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var person = await NewPerson("Category");
        var request = EnrolRequests.Rso(person, manager);
        request.MappaCategory = 2;
        var violation = await RpcAssert.FailsOnField("mappa_category", () => caseload.EnrolAsync(request).ResponseAsync);
        Assert.Contains("s.327(2)", violation.Description);
        Assert.False(await server.WithDb(db => db.Managements.AnyAsync(m => m.PersonId == Guid.Parse(person))));
    }

    [Theory]
    // MAPPA Guidance (Ministry of Justice): level 3 at least every 8 weeks, level 2 every 16; level 1 at the VSOMT cadence (3 months).
    [InlineData(3, "2027-01-21")]
    [InlineData(2, "2027-03-18")]
    [InlineData(1, "2027-02-26")]
    public async Task Reviews_follow_the_mappa_level(int level, string nextReview)
    {
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var management = await caseload.EnrolAsync(EnrolRequests.Rso(await NewPerson($"Level{level}"), await server.OfficerOfAccount("demo.manager"), mappaLevel: level));
        Assert.Equal(nextReview, management.NextReviewDue);
    }

    [Fact]
    public async Task A_vsomt_case_cannot_go_to_an_unaccredited_officer_nor_to_one_out_of_post()
    {
        var caseload = new Caseload.CaseloadClient(await server.As("demo.supervisor", "supervision"));
        var (unaccredited, leaver) = await server.WithDb(async db => (
            await db.Officers.Where(o => o.Accreditations == Server.Officers.Accreditations.None && db.Teams.Any(t => t.Id == o.TeamId && t.Kind == Server.Officers.TeamKind.Vsomt)).Select(o => o.Id).SingleAsync(),
            await db.Officers.Where(o => o.InPostTo != null).Select(o => o.Id).SingleAsync()));
        var person = await NewPerson("Refusal");
        var notAccredited = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => caseload.EnrolAsync(EnrolRequests.Rso(person, unaccredited)).ResponseAsync);
        Assert.Contains("not accredited", notAccredited.Status.Detail);
        var outOfPost = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => caseload.EnrolAsync(EnrolRequests.Rso(person, leaver)).ResponseAsync);
        Assert.Contains("left post", outOfPost.Status.Detail);
        Assert.False(await server.WithDb(db => db.Managements.AnyAsync(m => m.PersonId == Guid.Parse(person))));
    }

    [Fact]
    public async Task A_change_of_risk_is_kept_as_history_and_a_stale_one_is_refused()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var management = await caseload.EnrolAsync(EnrolRequests.Rso(await NewPerson("Riskchange"), manager));
        var changed = await caseload.ChangeRiskAsync(new ChangeRiskRequest { Id = management.Id, ExpectedVersion = management.Version, RiskLevel = RiskLevel.VeryHigh, MappaLevel = 3, Reason = "MAPPA level 3 meeting" });
        Assert.Equal((RiskLevel.VeryHigh, 3), (changed.RiskLevel, changed.MappaLevel));
        var history = await server.WithDb(db => db.ManagementRiskChanges.SingleAsync(r => r.ManagementId == Guid.Parse(management.Id)));
        Assert.Equal((Server.Common.RiskLevel.High, Server.Common.RiskLevel.VeryHigh, "demo.manager"), (history.FromRisk, history.ToRisk, history.ChangedBy));
        await RpcAssert.Fails(StatusCode.Aborted, () => caseload.ChangeRiskAsync(new ChangeRiskRequest { Id = management.Id, ExpectedVersion = management.Version, RiskLevel = RiskLevel.Low, Reason = "stale" }).ResponseAsync);
        Assert.Equal(RiskLevel.VeryHigh, (await caseload.GetManagementAsync(new GetManagementRequest { Id = management.Id })).RiskLevel);
    }

    [Fact]
    public async Task Enrolment_is_checked_field_by_field_and_twice_is_already_existing()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var person = await NewPerson("Checked");
        await RpcAssert.FailsOnField("cohort_type", () => caseload.EnrolAsync(new EnrolRequest
        {
            PersonId = person, Scheme = Scheme.Iom, ResponsibleOfficerId = manager.ToString(), RiskLevel = RiskLevel.Low, IomCategories = { IomCategory.Violent },
        }).ResponseAsync);
        await RpcAssert.FailsOnField("notification", () => caseload.EnrolAsync(new EnrolRequest(EnrolRequests.Rso(person, manager)) { Notification = null }).ResponseAsync);
        await RpcAssert.FailsOnField("mappa_level", () => caseload.EnrolAsync(new EnrolRequest(EnrolRequests.Rso(person, manager)) { MappaLevel = 4 }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => caseload.EnrolAsync(EnrolRequests.Rso(Guid.NewGuid().ToString(), manager)).ResponseAsync);
        await caseload.EnrolAsync(EnrolRequests.Rso(person, manager));
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => caseload.EnrolAsync(EnrolRequests.Rso(person, manager)).ResponseAsync);
    }

    [Fact]
    public async Task Ending_a_management_withdraws_its_checks()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var management = await caseload.EnrolAsync(EnrolRequests.Rso(await NewPerson("Ender"), manager));
        var ended = await caseload.EndManagementAsync(new EndManagementRequest { Id = management.Id, ExpectedVersion = management.Version, Reason = "Notification period ended" });
        Assert.False(ended.Active);
        Assert.False(await server.WithDb(db => db.ComplianceChecks.AnyAsync(c => c.ManagementId == Guid.Parse(management.Id) && c.Status == Server.Compliance.CheckStatus.Open)));
    }
}
