using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using CheckKind = OffenderMgmt.Server.Compliance.CheckKind;
using CheckStatus = OffenderMgmt.Server.Compliance.CheckStatus;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>GetNotificationStatus and RecordNotification over gRPC: the duty, its checks, lateness, access and audit.</summary>
public sealed class NotificationApiTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly DateTimeOffset Now = ServerFactory.StartTime;  // Thursday 2026-11-26 10:00 GMT

    private async Task<Compliance.ComplianceClient> Manager() => new(await server.As("demo.manager"));

    /// <summary>A new registered sex offender of demo.manager's, enrolled today (last notified today).</summary>
    private async Task<string> NewRso(string family)
    {
        var person = (await new People.PeopleClient(await server.As("demo.service")).CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Test", FamilyName = family }, DateOfBirth = "1990-01-01" },
        })).Id;
        await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(EnrolRequests.Rso(person, await server.OfficerOfAccount("demo.manager")));
        return person;
    }

    private static Timestamp At(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    [Fact]
    public async Task A_change_of_address_notified_today_moves_the_periodic_notification_to_a_year_from_today()
    {
        // SOA 2003 s.85(1)-(2): a change notification starts a new year.
        var person = await NewRso("Mover");
        var compliance = await Manager();
        var before = await compliance.GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = person });
        Assert.Equal("2027-11-26", before.NextDueOn);

        await server.AdvanceClockAsync(TimeSpan.FromDays(0));
        var recorded = await compliance.RecordNotificationAsync(new RecordNotificationRequest
        {
            PersonId = person, Kind = NotificationKind.ChangeOfAddress, NotifiedAt = At(Now), EffectiveOn = "2026-11-25", Details = "12 Station Road, Luton",
        });
        Assert.False(recorded.Late);
        Assert.Equal("on time: within 3 days beginning with 2026-11-25 (by the end of 2026-11-27)", recorded.Judgement);
        var periodic = Assert.Single(recorded.Status.Due, d => d.Kind == NotificationKind.Periodic);
        Assert.Equal("2027-11-26", periodic.DueOn);
        Assert.Contains("one year after the change of address notified on 2026-11-26", periodic.Reason);
        // The check on the officer's list carries the same date: one source of truth.
        var open = await server.WithDb(db => db.ComplianceChecks.Where(c => c.PersonId == Guid.Parse(person) && c.Kind == CheckKind.RsoPeriodicNotification && c.Status == CheckStatus.Open).ToListAsync());
        Assert.Equal(new DateOnly(2027, 11, 26), Assert.Single(open).DueOn);
    }

    [Fact]
    public async Task A_late_change_opens_a_suspected_breach_with_a_task_for_the_manager()
    {
        // SOA 2003 s.84(1): 3 days beginning with the change; s.91(1)(a): failing to comply is an offence.
        var person = await NewRso("Latecomer");
        var recorded = await (await Manager()).RecordNotificationAsync(new RecordNotificationRequest
        {
            PersonId = person, Kind = NotificationKind.ChangeOfName, NotifiedAt = At(Now), EffectiveOn = "2026-11-20", Details = "now uses the name John Smith",
        });
        Assert.True(recorded.Late);
        Assert.NotEmpty(recorded.BreachId);
        var task = await server.WithDb(db => db.Tasks.SingleAsync(t => t.Id == Guid.Parse(recorded.TaskId)));
        Assert.Equal((Server.Tasks.TaskKind.SuspectedBreach, await server.OfficerOfAccount("demo.manager")), (task.Kind, task.AssignedOfficerId!.Value));
        Assert.True(await server.WithDb(db => db.OffenderNotifications.AnyAsync(n => n.PersonId == Guid.Parse(person) && n.Late && n.BreachId == Guid.Parse(recorded.BreachId))));
    }

    [Fact]
    public async Task Foreign_travel_with_seven_days_notice_plans_the_return_check()
    {
        // SI 2004/1220 as amended: 7 days before departure; the return within 3 days of it.
        var person = await NewRso("Traveller");
        var recorded = await (await Manager()).RecordNotificationAsync(new RecordNotificationRequest
        {
            PersonId = person, Kind = NotificationKind.ForeignTravel, NotifiedAt = At(Now), DepartsAt = At(Now.AddDays(8)), Destination = "France", ReturnOn = "2026-12-10",
        });
        Assert.False(recorded.Late);
        var back = Assert.Single(recorded.Status.Due, d => d.CheckKind == Contracts.V1.CheckKind.TravelNotification);
        Assert.Equal("2026-12-12", back.DueOn);
        var shortNotice = await (await Manager()).RecordNotificationAsync(new RecordNotificationRequest
        {
            PersonId = person, Kind = NotificationKind.ForeignTravel, NotifiedAt = At(Now), DepartsAt = At(Now.AddDays(2)), Destination = "Ireland", ReturnOn = "2026-11-30",
        });
        Assert.True(shortNotice.Late);
        Assert.Contains("no reason given", shortNotice.Judgement);
        // Two trips, two return checks, each on its own date.
        var returns = await server.WithDb(db => db.ComplianceChecks.Where(c => c.PersonId == Guid.Parse(person) && c.Kind == CheckKind.TravelNotification && c.Status == CheckStatus.Open)
            .Select(c => c.DueOn).OrderBy(d => d).ToListAsync());
        Assert.Equal([new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 12)], returns);
    }

    [Fact]
    public async Task A_retried_notification_with_the_same_request_id_is_recorded_once()
    {
        var person = await NewRso("Retried");
        var request = new RecordNotificationRequest { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = At(Now), RequestId = "station-desk-4411" };
        var first = await (await Manager()).RecordNotificationAsync(request);
        var retry = await (await Manager()).RecordNotificationAsync(request);
        Assert.Equal(first.NotificationId, retry.NotificationId);
        Assert.Equal(1, await server.WithDb(db => db.OffenderNotifications.CountAsync(n => n.PersonId == Guid.Parse(person))));
    }

    [Fact]
    public async Task The_notification_period_covers_every_s82_disposal_and_gives_the_s91b_review_date()
    {
        // SOA 2003 s.82(1)-(2) and s.91B.
        var compliance = await Manager();
        var restricted = await compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = NotificationDisposal.HospitalOrderWithRestriction, AgeAtConviction = 40, FirstNotifiedOn = "2020-03-01" });
        Assert.Equal((true, "2035-03-01"), (restricted.Indefinite, restricted.ReviewOn));
        var discharge = await compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = NotificationDisposal.ConditionalDischarge, SentenceMonths = 18, AgeAtConviction = 16 });
        Assert.Equal("2021-07-14", discharge.EndsOn);
        await RpcAssert.FailsOnField("sentence_months", () => compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = NotificationDisposal.ConditionalDischarge, AgeAtConviction = 16 }).ResponseAsync);
        await RpcAssert.FailsOnField("sentence_months", () => compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = NotificationDisposal.OtherDescription, SentenceMonths = 3, AgeAtConviction = 30 }).ResponseAsync);
        await RpcAssert.FailsOnField("first_notified_on", () => compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = NotificationDisposal.Caution, AgeAtConviction = 30, FirstNotifiedOn = "2019-01-01" }).ResponseAsync);
        await RpcAssert.FailsOnField("disposal", () => compliance.CalculateNotificationPeriodAsync(new NotificationPeriodRequest
            { ConvictionDate = "2020-01-15", Disposal = (NotificationDisposal)99, AgeAtConviction = 30 }).ResponseAsync);
    }

    [Fact]
    public async Task Bad_notifications_are_refused_field_by_field_and_change_nothing()
    {
        var person = await NewRso("Badinput");
        var compliance = await Manager();
        await RpcAssert.FailsOnField("kind", () => compliance.RecordNotificationAsync(new RecordNotificationRequest { PersonId = person }).ResponseAsync);
        await RpcAssert.FailsOnField("person_id", () => compliance.RecordNotificationAsync(new RecordNotificationRequest { PersonId = "nope", Kind = NotificationKind.Periodic }).ResponseAsync);
        await RpcAssert.FailsOnField("notified_at", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = new Timestamp { Seconds = 1, Nanos = -5 } }).ResponseAsync);
        await RpcAssert.FailsOnField("notified_at", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = new Timestamp { Seconds = long.MaxValue } }).ResponseAsync);
        await RpcAssert.FailsOnField("notified_at", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = At(Now.AddDays(1)) }).ResponseAsync);
        await RpcAssert.FailsOnField("effective_on", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.ChangeOfAddress, NotifiedAt = At(Now) }).ResponseAsync);
        await RpcAssert.FailsOnField("departs_at", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.ForeignTravel, NotifiedAt = At(Now), Destination = "Spain" }).ResponseAsync);
        await RpcAssert.FailsOnField("departs_at", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = At(Now), Destination = "Spain" }).ResponseAsync);
        await RpcAssert.FailsOnField("details", () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.Periodic, NotifiedAt = At(Now), Details = new string('x', 2001) }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = Guid.NewGuid().ToString(), Kind = NotificationKind.Periodic }).ResponseAsync);
        var spo = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => compliance.RecordNotificationAsync(new RecordNotificationRequest
            { PersonId = person, Kind = NotificationKind.SpoNameAndAddress, NotifiedAt = At(Now), EffectiveOn = "2026-11-26" }).ResponseAsync);
        Assert.Equal("NOT_SUBJECT_TO_NOTIFICATION", spo.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations[0].Type);
        await RpcAssert.FailsOnField("person_id", () => compliance.GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = "" }).ResponseAsync);
        Assert.False(await server.WithDb(db => db.OffenderNotifications.AnyAsync(n => n.PersonId == Guid.Parse(person))));
    }

    [Fact]
    public async Task Only_case_workers_record_notifications_and_each_call_is_audited_with_the_person()
    {
        var person = await NewRso("Audited");
        var officer = new Compliance.ComplianceClient(await server.As("demo.officer", "briefing"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => officer.RecordNotificationAsync(new RecordNotificationRequest { PersonId = person, Kind = NotificationKind.Periodic }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => officer.GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = person }).ResponseAsync);
        // Another manager's case needs a stated reason.
        var other = new Compliance.ComplianceClient(await server.As("demo.supervisor", "case-management"));
        var recorded = await (await Manager()).RecordNotificationAsync(new RecordNotificationRequest { PersonId = person, Kind = NotificationKind.BankOrCardDetails, NotifiedAt = At(Now), EffectiveOn = "2026-11-26", Details = "new debit card" });
        var entries = await server.WithDb(db => db.AuditEntries.Where(e => e.Rpc == "/offendermgmt.v1.Compliance/RecordNotification" && e.RecordIds.Contains(person)).ToListAsync());
        var entry = Assert.Single(entries, e => e.Outcome == "OK");
        Assert.Contains(recorded.NotificationId, entry.RecordIds);
        Assert.Equal(("demo.manager", Server.Audit.AuditAction.Update), (entry.Subject, entry.Action));
        Assert.Contains(await server.WithDb(db => db.AuditEntries.Where(e => e.Subject == "demo.officer" && e.Rpc.EndsWith("RecordNotification")).Select(e => e.Outcome).ToListAsync()),
            o => o != "OK");
        _ = other;
    }

    [Fact]
    public async Task The_demo_force_answers_for_each_kind_of_person()
    {
        var compliance = new Compliance.ComplianceClient(await server.As("demo.supervisor", "reason: worked examples of the notification duty"));
        async Task<NotificationStatus> Status(Guid person) => await compliance.GetNotificationStatusAsync(new GetNotificationStatusRequest { PersonId = person.ToString() });
        var (noFixedAbode, traveller, late, released, spo) = await server.WithDb(async db => (
            await db.OffenderNotifications.Where(n => n.NoFixedAbode).Select(n => n.PersonId).FirstAsync(),
            await db.OffenderNotifications.Where(n => n.Kind == Server.Compliance.NotificationKind.ForeignTravel).Select(n => n.PersonId).FirstAsync(),
            await db.OffenderNotifications.Where(n => n.Late).Select(n => n.PersonId).FirstAsync(),
            await db.CustodyReleases.Select(r => r.PersonId).FirstAsync(),
            await db.Orders.Where(o => o.Type == Server.Orders.OrderType.StalkingProtectionOrder).Select(o => o.PersonId).FirstAsync()));

        var nfa = await Status(noFixedAbode);
        Assert.True(nfa.NoFixedAbode);
        Assert.Equal(NotificationKind.Weekly, nfa.Due[0].Kind);
        Assert.Equal("2026-11-29", nfa.NextDueOn);
        var trip = await Status(traveller);
        Assert.Contains(trip.Due, d => d.Kind == NotificationKind.ReturnFromTravel && d.DueOn == "2026-12-14");
        Assert.Contains(trip.Basis, b => b.Contains("Spain", StringComparison.Ordinal));
        Assert.Contains((await Status(late)).Due, d => d.Kind == NotificationKind.Periodic && d.DueOn == "2027-11-21");
        var out_ = await Status(released);
        Assert.Equal((NotificationKind.ReleaseFromCustody, "2026-11-22", true), (out_.Due[0].Kind, out_.Due[0].DueOn, out_.Due[0].Overdue));
        var stalking = await Status(spo);
        Assert.Contains(stalking.Basis, b => b.Contains("Stalking Protection Act 2019 s.9", StringComparison.Ordinal));
        // The open checks officers work from say the same.
        var checks = await server.WithDb(db => db.ComplianceChecks.Where(c => c.PersonId == noFixedAbode && c.Status == CheckStatus.Open && c.Kind == CheckKind.WeeklyNotification).ToListAsync());
        Assert.Equal(new DateOnly(2026, 11, 29), Assert.Single(checks).DueOn);
    }
}
