using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using Register = OffenderMgmt.Server.Caseload.Register;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.Risk;

/// <summary>The Mappa service over gRPC on the demo force: referrals, meetings, agendas, minutes, and what partners see.</summary>
public sealed class MappaApiTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private async Task<Server.Caseload.Management> ManagerCase(int level, int skip = 0)
    {
        var officer = await _server.OfficerOfAccount("demo.manager");
        return await _server.WithDb(db => db.Managements.AsNoTracking()
            .Where(m => m.ResponsibleOfficerId == officer && m.Status == ManagementStatus.Active && m.Register == Register.RegisteredSexOffender && m.MappaLevel == level)
            .OrderBy(m => m.Id).Skip(skip).FirstAsync());
    }

    [Fact]
    public async Task Bad_referrals_are_refused_and_change_nothing()
    {
        var mappa = new Mappa.MappaClient(await _server.As("demo.manager"));
        var m = await ManagerCase(1);
        await RpcAssert.FailsOnField("proposed_level", () => mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 1, ProposedLevel = 1, Reason = "x" }).ResponseAsync);
        await RpcAssert.FailsOnField("category", () => mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 5, ProposedLevel = 2, Reason = "x" }).ResponseAsync);
        // Criminal Justice Act 2003 s.327(2): category 1 is registered sexual offenders.
        await RpcAssert.FailsOnField("category", () => mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 2, ProposedLevel = 2, Reason = "x" }).ResponseAsync);
        await RpcAssert.FailsOnField("reason", () => mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 1, ProposedLevel = 2 }).ResponseAsync);
        var iom = await _server.WithDb(db => db.Managements.Where(x => x.Scheme == Scheme.Iom && x.Status == ManagementStatus.Active
            && !db.Managements.Any(y => y.PersonId == x.PersonId && y.Scheme == Scheme.Vsomt)).Select(x => x.PersonId).FirstAsync());
        var service = new Mappa.MappaClient(await _server.As("demo.service"));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => service.ReferAsync(new ReferRequest { PersonId = iom.ToString(), Category = 3, ProposedLevel = 2, Reason = "x" }).ResponseAsync);
        Assert.False(await _server.WithDb(db => db.MappaReferrals.AnyAsync(r => r.ManagementId == m.Id)));

        await mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 1, ProposedLevel = 2, Reason = "Escalating risk" });
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => mappa.ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 1, ProposedLevel = 2, Reason = "Again" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => new Mappa.MappaClient(_server.As("demo.partner").Result)
            .ReferAsync(new ReferRequest { PersonId = m.PersonId.ToString(), Category = 1, ProposedLevel = 2, Reason = "x" }).ResponseAsync);
    }

    [Fact]
    public async Task The_level_3_agenda_lists_referrals_and_its_cases_events_and_the_minutes_fix_it_with_actions_and_a_disclosure_decision()
    {
        var manager = new Mappa.MappaClient(await _server.As("demo.manager"));
        var supervisor = new Mappa.MappaClient(await _server.As("demo.supervisor", "supervision"));
        var referred = await ManagerCase(2);
        var quiet = await ManagerCase(2, skip: 1);
        await manager.ReferAsync(new ReferRequest { PersonId = referred.PersonId.ToString(), Category = 1, ProposedLevel = 3, Reason = "Access to children" });

        var meetings = (await supervisor.ListMeetingsAsync(new ListMeetingsRequest())).Meetings;
        var today = meetings.Single(x => x.Level == 3 && !x.Minuted);
        Assert.Equal("2026-11-26", today.HeldOn);
        var meeting = await supervisor.GetMeetingAsync(new GetMeetingRequest { Id = today.Id });
        Assert.Equal("2026-10-29", meeting.Since);   // last month's level 3 meeting
        var item = meeting.Agenda.Single(c => c.ManagementId == referred.Id.ToString());
        Assert.Equal([AgendaReasonMappa.NewReferral], item.Reasons);
        Assert.DoesNotContain(meeting.Agenda, c => c.ManagementId == quiet.Id.ToString());
        // The level 3 case was reviewed last month (within 8 weeks) and nothing has happened since.
        var level3 = await _server.WithDb(db => db.Managements.Where(m => m.MappaLevel == 3 && m.Status == ManagementStatus.Active).Select(m => m.Id).ToListAsync());
        Assert.All(level3, id => Assert.DoesNotContain(meeting.Agenda, c => c.ManagementId == id.ToString() && c.Reasons.Contains(AgendaReasonMappa.ReviewDue)));

        var minutes = new RecordMinutesRequest
        {
            MeetingId = today.Id, ExpectedVersion = meeting.Version,
            Attendees = { new Attendee { Agency = "Bedfordshire Police", Name = "VSOMT supervisor" }, new Attendee { Agency = "Children's Services" } },
            Cases =
            {
                new CaseMinutesInput
                {
                    ManagementId = referred.Id.ToString(), Decision = "Manage at level 3", Level = 3, DisclosureConsidered = true,
                    DisclosureDecision = DisclosureDecision.Disclose, DisclosureRationale = "The new partner has young children.",
                    Actions = { new MappaActionInput { What = "Disclose to the partner", OwnerAgency = "Bedfordshire Police", DueOn = "2026-11-28" } },
                },
            },
        };
        // The copy keeps the minuted case as cases[0]; the second is not on the agenda.
        await RpcAssert.FailsOnField("cases[1].management_id", () => supervisor.RecordMinutesAsync(new RecordMinutesRequest(minutes)
            { Cases = { new CaseMinutesInput(minutes.Cases[0]) { ManagementId = quiet.Id.ToString() } } }).ResponseAsync);
        var noRationale = new RecordMinutesRequest(minutes);
        noRationale.Cases[0].DisclosureRationale = "";
        await RpcAssert.FailsOnField("cases[0].disclosure_rationale", () => supervisor.RecordMinutesAsync(noRationale).ResponseAsync);
        var noDecision = new RecordMinutesRequest(minutes);
        noDecision.Cases[0].DisclosureDecision = DisclosureDecision.Unspecified;
        await RpcAssert.FailsOnField("cases[0].disclosure_decision", () => supervisor.RecordMinutesAsync(noDecision).ResponseAsync);
        var noOwner = new RecordMinutesRequest(minutes);
        noOwner.Cases[0].Actions[0].OwnerAgency = "";
        await RpcAssert.FailsOnField("cases[0].actions[0].owner_agency", () => supervisor.RecordMinutesAsync(noOwner).ResponseAsync);
        await RpcAssert.Fails(StatusCode.Aborted, () => supervisor.RecordMinutesAsync(new RecordMinutesRequest(minutes) { ExpectedVersion = meeting.Version + 1 }).ResponseAsync);
        Assert.False(await _server.WithDb(db => db.MappaMeetingCases.AnyAsync(c => c.MeetingId == Guid.Parse(today.Id))));

        var recorded = await supervisor.RecordMinutesAsync(minutes);
        Assert.True(recorded.Minuted);
        var minuted = recorded.Agenda.Single(c => c.ManagementId == referred.Id.ToString()).Minutes;
        Assert.Equal((3, DisclosureDecision.Disclose, "Disclose to the partner"), (minuted.Level, minuted.DisclosureDecision, Assert.Single(minuted.Actions).What));
        Assert.Equal(3, await _server.WithDb(db => db.Managements.Where(m => m.Id == referred.Id).Select(m => m.MappaLevel).SingleAsync()));
        Assert.True(await _server.WithDb(db => db.MappaReferrals.AnyAsync(r => r.ManagementId == referred.Id && r.HeardAtMeetingId == Guid.Parse(today.Id))));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => supervisor.RecordMinutesAsync(new RecordMinutesRequest(minutes) { ExpectedVersion = recorded.Version }).ResponseAsync);
        var actions = await supervisor.ListActionsAsync(new ListMappaActionsRequest { MeetingId = today.Id });
        Assert.Contains(actions.Actions, a => a.What == "Disclose to the partner" && a.PersonId == referred.PersonId.ToString());

        // The read of the agenda is audited with the people it disclosed.
        var entry = await _server.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Rpc.EndsWith("/GetMeeting")).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("demo.supervisor", "supervision"), (entry.Subject, entry.Purpose));
        Assert.Contains(referred.PersonId.ToString(), entry.RecordIds);
    }

    [Fact]
    public async Task Minutes_wait_until_the_meeting_is_held()
    {
        var supervisor = new Mappa.MappaClient(await _server.As("demo.supervisor", "supervision"));
        var next = (await supervisor.ListMeetingsAsync(new ListMeetingsRequest())).Meetings.Single(x => x.Level == 2 && !x.Minuted);
        var meeting = await supervisor.GetMeetingAsync(new GetMeetingRequest { Id = next.Id });
        Assert.NotEmpty(meeting.Agenda);
        Assert.All(meeting.Agenda, c => Assert.NotEmpty(c.Reasons));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => supervisor.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = next.Id, ExpectedVersion = next.Version, Attendees = { new Attendee { Agency = "Probation Service" } },
            Cases = { new CaseMinutesInput { ManagementId = meeting.Agenda[0].ManagementId, Decision = "Stay", Level = 2 } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task Scheduling_checks_its_fields_and_refuses_a_second_meeting_at_the_level_that_day()
    {
        var supervisor = new Mappa.MappaClient(await _server.As("demo.supervisor", "supervision"));
        await RpcAssert.FailsOnField("level", () => supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 1, HeldOn = "2026-12-10", Chair = "C", Agencies = { "Police" } }).ResponseAsync);
        await RpcAssert.FailsOnField("held_on", () => supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 2, HeldOn = "10/12/2026", Chair = "C", Agencies = { "Police" } }).ResponseAsync);
        await RpcAssert.FailsOnField("agencies", () => supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 2, HeldOn = "2026-12-10", Chair = "C" }).ResponseAsync);
        await RpcAssert.FailsOnField("agencies", () => supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 2, HeldOn = "2026-12-10", Chair = "C", Agencies = { "Police", "police" } }).ResponseAsync);
        await supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 2, HeldOn = "2026-12-10", Chair = "C", Agencies = { "Police" } });
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => supervisor.ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 2, HeldOn = "2026-12-10", Chair = "C", Agencies = { "Police" } }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => new Mappa.MappaClient(_server.As("demo.manager").Result)
            .ScheduleMeetingAsync(new ScheduleMeetingRequest { Level = 3, HeldOn = "2026-12-11", Chair = "C", Agencies = { "Police" } }).ResponseAsync);
    }

    /// <summary>MAPPA Guidance chapter 9: information goes to the agencies that need it to manage the risk, and no further.</summary>
    [Fact]
    public async Task A_partner_sees_only_the_cases_of_meetings_its_agency_attends()
    {
        var supervisor = new Mappa.MappaClient(await _server.As("demo.supervisor", "supervision"));
        var meetings = (await supervisor.ListMeetingsAsync(new ListMeetingsRequest())).Meetings;
        var level3 = meetings.Single(x => x.Level == 3 && !x.Minuted);
        var level2 = meetings.Single(x => x.Level == 2 && !x.Minuted);
        var onLevel3 = (await supervisor.GetMeetingAsync(new GetMeetingRequest { Id = level3.Id })).Agenda;
        var onLevel2 = (await supervisor.GetMeetingAsync(new GetMeetingRequest { Id = level2.Id })).Agenda;
        var level3People = onLevel3.Select(c => c.PersonId).ToHashSet();
        var outsider = onLevel2.First(c => !level3People.Contains(c.PersonId));

        var partner = await _server.As("demo.partner");
        var mappa = new Mappa.MappaClient(partner);
        var listed = (await mappa.ListMeetingsAsync(new ListMeetingsRequest())).Meetings;
        Assert.All(listed, m => Assert.Contains("Children's Services", m.Agencies));
        Assert.DoesNotContain(listed, m => m.Id == level2.Id);
        Assert.Equal(onLevel3.Count, (await mappa.GetMeetingAsync(new GetMeetingRequest { Id = level3.Id })).Agenda.Count);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => mappa.GetMeetingAsync(new GetMeetingRequest { Id = level2.Id }).ResponseAsync);

        var risk = new Contracts.V1.Risk.RiskClient(partner);
        var people = new People.PeopleClient(partner);
        var inside = onLevel3[0].PersonId;
        await risk.ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = inside });
        await people.GetPersonAsync(new GetPersonRequest { Id = inside });
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => risk.ListAssessmentsAsync(new ListAssessmentsRequest { PersonId = outsider.PersonId }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => risk.GetPlanAsync(new GetPlanRequest { ManagementId = outsider.ManagementId }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => people.GetPersonAsync(new GetPersonRequest { Id = outsider.PersonId }).ResponseAsync);
        var actions = await mappa.ListActionsAsync(new ListMappaActionsRequest { PersonId = outsider.PersonId });
        Assert.Empty(actions.Actions);

        // A partner account that speaks for no agency at a meeting sees none of it.
        var admin = new Mappa.MappaClient(await _server.As("demo.admin", ""));
        await admin.SetPartnerAgencyAsync(new SetPartnerAgencyRequest { Username = "demo.partner", Agency = "Adult Social Care" });
        var now = new Mappa.MappaClient(await _server.As("demo.partner"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => now.GetMeetingAsync(new GetMeetingRequest { Id = level3.Id }).ResponseAsync);
        Assert.Equal(level2.Id, (await now.GetMeetingAsync(new GetMeetingRequest { Id = level2.Id })).Id);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => admin.SetPartnerAgencyAsync(new SetPartnerAgencyRequest { Username = "demo.manager", Agency = "X" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => admin.SetPartnerAgencyAsync(new SetPartnerAgencyRequest { Username = "nobody", Agency = "X" }).ResponseAsync);
    }

    [Fact]
    public async Task Setting_a_level_goes_into_the_cases_risk_history()
    {
        var m = await ManagerCase(1, skip: 2);
        var mappa = new Mappa.MappaClient(await _server.As("demo.manager"));
        await RpcAssert.FailsOnField("level", () => mappa.SetLevelAsync(new SetLevelRequest { ManagementId = m.Id.ToString(), ExpectedVersion = m.Version, Level = 4, Reason = "x" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.Aborted, () => mappa.SetLevelAsync(new SetLevelRequest { ManagementId = m.Id.ToString(), ExpectedVersion = m.Version + 5, Level = 2, Reason = "x" }).ResponseAsync);
        var set = await mappa.SetLevelAsync(new SetLevelRequest { ManagementId = m.Id.ToString(), ExpectedVersion = m.Version, Level = 2, Reason = "Screened for level 2" });
        Assert.Equal(2, set.Level);
        var change = await _server.WithDb(db => db.ManagementRiskChanges.AsNoTracking().Where(c => c.ManagementId == m.Id).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((1, 2, "Screened for level 2"), (change.FromMappaLevel, change.ToMappaLevel, change.Reason));
    }
}
