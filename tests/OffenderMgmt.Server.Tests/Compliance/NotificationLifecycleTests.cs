using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using CheckKind = OffenderMgmt.Server.Compliance.CheckKind;
using CheckStatus = OffenderMgmt.Server.Compliance.CheckStatus;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>Duties that come and go with orders and custody, and reactive management, through the real server.</summary>
public sealed class NotificationLifecycleTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<Guid> NewPerson(string family, string born = "1990-01-01") => Guid.Parse((await new People.PeopleClient(await server.As("demo.service")).CreatePersonAsync(
        new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { GivenName = "Test", FamilyName = family }, DateOfBirth = born } })).Id);

    private Task<List<Server.Compliance.ComplianceCheck>> OpenChecks(Guid person) =>
        server.WithDb(db => db.ComplianceChecks.Where(c => c.PersonId == person && c.Status == CheckStatus.Open).ToListAsync());

    [Fact]
    public async Task An_spo_served_today_creates_the_name_and_address_duty_and_discharging_it_ends_it()
    {
        // Stalking Protection Act 2019 s.9(1): within 3 days beginning with the day of service.
        var person = await NewPerson("Stalker");
        var lead = await server.OfficerOfAccount("demo.manager");
        var order = await server.ServedAsync(new CreateOrderRequest
        {
            PersonId = person.ToString(), Type = OrderType.Spo, Court = "Luton Magistrates' Court", MadeOn = "2026-11-26", EndsOn = "2028-11-25", LeadOfficerId = lead.ToString(),
        }, lead);
        var check = Assert.Single(await OpenChecks(person), c => c.Kind == CheckKind.SpoNotification);
        Assert.Equal((new DateOnly(2026, 11, 28), Guid.Parse(order.Id)), (check.DueOn, check.OrderId!.Value));

        var orders = new Contracts.V1.Orders.OrdersClient(await server.As("demo.service"));
        await orders.DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, DischargedOn = "2026-11-26", Reason = "discharged on appeal" });
        Assert.DoesNotContain(await OpenChecks(person), c => c.Kind == CheckKind.SpoNotification);
        var status = await new Compliance.ComplianceClient(await server.As("demo.manager", "reason: checking the discharged order"))
            .GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = person.ToString() });
        Assert.False(status.Subject);
    }

    [Fact]
    public async Task An_shpo_on_someone_not_registered_creates_an_initial_notification_within_three_days_of_service()
    {
        // Sentencing Act 2020 s.348(2)-(3): subject while the order has effect; the relevant date is the date of service.
        var person = await NewPerson("Shpoonly");
        var lead = await server.OfficerOfAccount("demo.manager");
        var request = OrderRequests.Shpo(person, lead);
        request.EndsOn = "2031-11-24";
        await server.ServedAsync(request, lead);
        var initial = Assert.Single(await OpenChecks(person), c => c.Kind == CheckKind.InitialNotification);
        Assert.Equal(new DateOnly(2026, 11, 28), initial.DueOn);

        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        var recorded = await compliance.RecordNotificationAsync(new RecordNotificationRequest
        {
            PersonId = person.ToString(), Kind = NotificationKind.Initial, NotifiedAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime), EffectiveOn = "2026-11-26",
        });
        Assert.False(recorded.Late);
        Assert.Equal("2031-11-24", recorded.Status.EndsOn);
        Assert.Contains(recorded.Status.Due, d => d.Kind == NotificationKind.Periodic && d.DueOn == "2027-11-26");
        Assert.Equal(CheckStatus.Completed, (await server.WithDb(db => db.ComplianceChecks.SingleAsync(c => c.Id == initial.Id))).Status);
    }

    [Fact]
    public async Task Custody_suspends_the_periodic_notification_and_release_makes_one_due_within_three_days()
    {
        // SOA 2003 s.85(3)-(4) and s.84(1)(d).
        var person = await NewPerson("Prisoner");
        await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(EnrolRequests.Rso(person.ToString(), await server.OfficerOfAccount("demo.manager")));
        Assert.Contains(await OpenChecks(person), c => c.Kind == CheckKind.RsoPeriodicNotification);
        var people = new People.PeopleClient(await server.As("demo.manager"));
        async Task Custody(Contracts.V1.CustodyStatus status, string release)
        {
            var current = await people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() });
            await people.UpdatePersonAsync(new UpdatePersonRequest
            {
                Id = current.Id, ExpectedVersion = current.Version, Person = new PersonInput { CustodyStatus = status, ExpectedReleaseDate = release },
                UpdateMask = new FieldMask { Paths = { "custody_status", "expected_release_date" } },
            });
        }
        await Custody(Contracts.V1.CustodyStatus.InCustody, "2027-01-10");
        Assert.DoesNotContain(await OpenChecks(person), c => c.Kind == CheckKind.RsoPeriodicNotification);
        await Custody(Contracts.V1.CustodyStatus.InCommunity, "");
        var release = Assert.Single(await OpenChecks(person), c => c.Kind == CheckKind.ReleaseNotification);
        Assert.Equal(new DateOnly(2026, 11, 28), release.DueOn);
    }

    [Fact]
    public async Task A_supervisor_approves_reactive_management_of_a_low_risk_case_home_visits_stop_and_notifications_do_not()
    {
        // College of Policing APP (management of sexual and violent offenders): reactive management, approved and reviewed.
        var person = await NewPerson("Reactive");
        var manager = await server.OfficerOfAccount("demo.manager");
        var request = EnrolRequests.Rso(person.ToString(), manager, mappaLevel: 1);
        request.RiskLevel = RiskLevel.Low;
        var management = await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(request);
        var approve = new ApproveReactiveManagementRequest { ManagementId = management.Id, ExpectedVersion = management.Version, ReviewOn = "2027-05-26", Reason = "Stable, compliant for three years" };

        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await new Compliance.ComplianceClient(await server.As("demo.manager")).ApproveReactiveManagementAsync(approve));
        var supervisor = new Compliance.ComplianceClient(await server.As("demo.supervisor", "supervision"));
        await RpcAssert.FailsOnField("review_on", () => supervisor.ApproveReactiveManagementAsync(new ApproveReactiveManagementRequest(approve) { ReviewOn = "2028-01-01" }).ResponseAsync);
        var approved = await supervisor.ApproveReactiveManagementAsync(approve);
        Assert.Equal((1, "2027-05-26", "demo.supervisor"), (approved.HomeVisitsWithdrawn, approved.ReviewOn, approved.ApprovedBy));
        var open = await OpenChecks(person);
        Assert.DoesNotContain(open, c => c.Kind == CheckKind.HomeVisit);
        Assert.Contains(open, c => c.Kind == CheckKind.RsoPeriodicNotification);
        var status = await new Compliance.ComplianceClient(await server.As("demo.manager")).GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = person.ToString() });
        Assert.Contains(status.Basis, b => b.StartsWith("Under reactive management until the review on 2027-05-26", StringComparison.Ordinal));
        var task = await server.WithDb(db => db.Tasks.SingleAsync(t => t.Id == Guid.Parse(approved.TaskId)));
        Assert.Equal((Server.Tasks.TaskKind.ReviewDue, new DateOnly(2027, 5, 26)), (task.Kind, task.DueOn!.Value));

        // The workload weight follows: a reactive case weighs what the weights in force say (1 by default).
        var workload = await new Caseload.CaseloadClient(await server.As("demo.manager")).GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = manager.ToString() });
        Assert.Contains(workload.Items, l => l.PersonId == person.ToString() && l.Points == 1 && l.Reasons.Any(r => r.Contains("reactive management", StringComparison.Ordinal)));

        // A rise in risk ends it, and visits resume.
        var current = await new Caseload.CaseloadClient(await server.As("demo.manager")).GetManagementAsync(new GetManagementRequest { Id = management.Id });
        await new Caseload.CaseloadClient(await server.As("demo.manager")).ChangeRiskAsync(new ChangeRiskRequest { Id = management.Id, ExpectedVersion = current.Version, RiskLevel = RiskLevel.Medium, Reason = "new intelligence" });
        Assert.Contains(await OpenChecks(person), c => c.Kind == CheckKind.HomeVisit);
    }

    [Fact]
    public async Task Reactive_management_is_refused_for_a_case_that_is_not_low_risk()
    {
        var person = await NewPerson("Notlow");
        var management = await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(EnrolRequests.Rso(person.ToString(), await server.OfficerOfAccount("demo.manager")));
        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => new Compliance.ComplianceClient(server.As("demo.supervisor", "supervision").Result)
            .ApproveReactiveManagementAsync(new ApproveReactiveManagementRequest { ManagementId = management.Id, ExpectedVersion = management.Version, ReviewOn = "2027-05-26", Reason = "x" }).ResponseAsync);
        Assert.Equal("NOT_LOW_RISK", error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations[0].Type);
    }

    [Fact]
    public async Task A_lawful_18_month_youth_cbo_is_accepted_and_its_yearly_review_raised()
    {
        // ASBCPA 2014 s.25(3): 1 to 3 years for someone under 18 (it was refused with a two-year minimum); s.28: reviewed yearly.
        var youth = await NewPerson("Youth", born: "2010-03-01");
        var lead = await server.OfficerOfAccount("demo.manager");
        var order = await server.ServedAsync(new CreateOrderRequest
        {
            PersonId = youth.ToString(), Type = OrderType.Cbo, Court = "Luton Youth Court", MadeOn = "2026-11-20", EndsOn = "2028-05-19", LeadOfficerId = lead.ToString(),
        }, lead);
        var review = await server.WithDb(db => db.Tasks.SingleAsync(t => t.OrderId == Guid.Parse(order.Id) && t.Kind == Server.Tasks.TaskKind.ReviewDue));
        Assert.Equal(new DateOnly(2027, 11, 19), review.DueOn);
        var tooLong = await RpcAssert.FailsOnField("ends_on", () => new Contracts.V1.Orders.OrdersClient(server.As("demo.service").Result).CreateOrderAsync(new CreateOrderRequest
        {
            PersonId = youth.ToString(), Type = OrderType.Cbo, Court = "Luton Youth Court", MadeOn = "2026-11-20", EndsOn = "2030-11-19", LeadOfficerId = lead.ToString(),
        }).ResponseAsync);
        Assert.Contains("s.25(3)", tooLong.Description);
    }
}
