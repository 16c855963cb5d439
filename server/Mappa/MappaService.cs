using Grpc.Core;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Mappa;

/// <summary>gRPC Mappa service: referrals, levels, meetings, agendas, minutes and actions. Guards, maps, calls <see cref="MappaBoard"/>.</summary>
public sealed class MappaService(
    MappaBoard board, CaseloadBook caseload, DisclosurePolicy disclosure, PartnerMeetingScope partners, Caller caller, CallAudit audit, ForceClock clock)
    : V1.Mappa.MappaBase
{
    public override async Task<V1.MappaReferral> Refer(V1.ReferRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);
        var referral = await board.ReferAsync(person, request.Category, request.ProposedLevel, request.Reason, context.CancellationToken);
        audit.Touched(referral.Id);
        return MappaMessages.Referral(referral);
    }

    public override async Task<V1.MappaCase> SetLevel(V1.SetLevelRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.ManagementId, "management_id");
        audit.Touched(id);
        var management = await caseload.GetAsync(id, context.CancellationToken, "management_id");
        audit.Touched(management.PersonId);
        await disclosure.EnsureMayEditPersonAsync(management.PersonId, context.CancellationToken);
        return MappaMessages.Case(await board.SetLevelAsync(id, request.ExpectedVersion, request.Level, request.Reason, context.CancellationToken));
    }

    public override async Task<V1.MappaMeeting> ScheduleMeeting(V1.ScheduleMeetingRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = v.Date("held_on", request.HeldOn, TimeBounds.Planned, clock, required: true);
        v.ThrowIfInvalid();
        var meeting = await board.ScheduleAsync(request.Level, on, request.Chair, request.Agencies, context.CancellationToken);
        audit.Touched(meeting.Id);
        return MappaMessages.Meeting(meeting);
    }

    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var from = v.Date("from", request.From, TimeBounds.Planned, clock) ?? clock.Today.AddDays(-31);
        var to = v.Date("to", request.To, TimeBounds.Planned, clock) ?? clock.Today.AddDays(31);
        v.ThrowIfInvalid();
        var meetings = await board.ListAsync(from, to, request.Level, context.CancellationToken);
        if (caller.Role == Role.PartnerAgency)
        {
            var mine = (await partners.MeetingsAsync(context.CancellationToken)).Select(m => m.Id).ToHashSet();
            meetings = meetings.Where(m => mine.Contains(m.Id)).ToList();
        }
        audit.Touched(meetings.Select(m => m.Id));
        var response = new V1.ListMeetingsResponse();
        response.Meetings.AddRange(meetings.Select(MappaMessages.Meeting));
        return response;
    }

    public override async Task<V1.MappaMeeting> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.Id, "id");
        audit.Touched(id);
        var meeting = await board.GetMeetingAsync(id, context.CancellationToken);
        await EnsureMayReadMeetingAsync(meeting, context.CancellationToken);
        var view = await board.ViewAsync(meeting, context.CancellationToken);
        audit.Touched(view.Agenda.Select(e => e.Case.PersonId));
        // Minutes are restricted casework: for the police and the agencies at the meeting, who alone may call this.
        return MappaMessages.Meeting(view, withMinutes: true, clock.Today);
    }

    public override async Task<V1.MappaMeeting> RecordMinutes(V1.RecordMinutesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("meeting_id", request.MeetingId);
        var cases = request.Cases.Select((c, i) => new CaseMinutesInput(
            v.Id($"cases[{i}].management_id", c.ManagementId), c.Decision, c.Level,
            c.Actions.Select((a, j) => new MinutesActionInput(a.What, a.OwnerAgency,
                v.Id($"cases[{i}].actions[{j}].owner_officer_id", a.OwnerOfficerId, required: false).OrNull(),
                v.Date($"cases[{i}].actions[{j}].due_on", a.DueOn, TimeBounds.Planned, clock))).ToList(),
            c.DisclosureConsidered, MappaMessages.Decisions.Optional(v, $"cases[{i}].disclosure_decision", c.DisclosureDecision), c.DisclosureRationale)).ToList();
        v.ThrowIfInvalid();
        audit.Touched(id);
        audit.Touched(cases.Select(c => c.ManagementId));
        var meeting = await board.RecordMinutesAsync(id, request.ExpectedVersion,
            request.Attendees.Select(a => new MeetingAttendee(a.Agency, a.Name)).ToList(), cases, context.CancellationToken);
        var view = await board.ViewAsync(meeting, context.CancellationToken);
        audit.Touched(view.Agenda.Select(e => e.Case.PersonId));
        return MappaMessages.Meeting(view, withMinutes: true, clock.Today);
    }

    public override async Task<V1.ListMappaActionsResponse> ListActions(V1.ListMappaActionsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var meeting = v.Id("meeting_id", request.MeetingId, required: false);
        var person = v.Id("person_id", request.PersonId, required: false);
        if (meeting == Guid.Empty && person == Guid.Empty) v.Add("meeting_id", "give a meeting_id or a person_id");
        v.ThrowIfInvalid();
        IReadOnlySet<Guid>? only = null;
        if (meeting != Guid.Empty)
        {
            audit.Touched(meeting);
            await EnsureMayReadMeetingAsync(await board.GetMeetingAsync(meeting, context.CancellationToken, "meeting_id"), context.CancellationToken);
        }
        if (person != Guid.Empty)
        {
            audit.Touched(person);
            if (caller.Role != Role.PartnerAgency) await disclosure.EnsureCaseworkOfPersonAsync(person, context.CancellationToken);
        }
        if (caller.Role == Role.PartnerAgency) only = await partners.PeopleAsync(context.CancellationToken);
        var (actions, next) = await board.ActionsAsync(meeting.OrNull(), person.OrNull(), only, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(actions.Select(a => a.Id));
        audit.Touched(actions.Select(a => a.PersonId));
        var response = new V1.ListMappaActionsResponse { NextPageToken = next };
        response.Actions.AddRange(actions.Select(a => MappaMessages.Action(a, clock.Today)));
        return response;
    }

    public override async Task<V1.SetPartnerAgencyResponse> SetPartnerAgency(V1.SetPartnerAgencyRequest request, ServerCallContext context)
    {
        var link = await board.SetPartnerAgencyAsync(request.Username, request.Agency, context.CancellationToken);
        audit.Touched(request.Username.Trim().ToLowerInvariant());
        return new V1.SetPartnerAgencyResponse { Username = request.Username.Trim().ToLowerInvariant(), Agency = link?.Agency ?? "" };
    }

    /// <summary>The police see any meeting; a partner agency only the meetings it is invited to or attended.</summary>
    private async Task EnsureMayReadMeetingAsync(MappaMeeting meeting, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.PartnerAgency && !await partners.AttendsAsync(meeting, cancellationToken))
            throw new AccessDeniedException("Partner agencies see only the MAPPA meetings their agency attends.");
    }
}
