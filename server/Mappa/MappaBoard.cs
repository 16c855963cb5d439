using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Mappa;

public sealed record MinutesActionInput(string What, string OwnerAgency, Guid? OwnerOfficerId, DateOnly? DueOn);

public sealed record CaseMinutesInput(
    Guid ManagementId, string Decision, int Level, IReadOnlyList<MinutesActionInput> Actions,
    bool DisclosureConsidered, DisclosureDecision? DisclosureDecision, string DisclosureRationale);

/// <summary>A meeting with its agenda (live until minuted), and its minutes and actions once recorded.</summary>
public sealed record MeetingView(MappaMeeting Meeting, DateOnly Since, IReadOnlyList<MappaAgendaEntry> Agenda,
    IReadOnlyDictionary<Guid, MappaMeetingCase> Minutes, ILookup<Guid, MappaAction> Actions);

/// <summary>
/// MAPPA work: referrals to level 2 and 3, a case's level (through <see cref="CaseloadBook"/>,
/// which keeps the level with the risk history), meetings, their agendas and minutes.
/// </summary>
public sealed class MappaBoard(OffenderMgmtDb db, CaseloadBook caseload, MappaAgendaLoader agendas, Caller caller, ForceClock clock)
{
    public const int MaxAgencies = 30;
    public const int MaxActionsPerCase = 30;

    public async Task<MappaReferral> ReferAsync(Guid personId, int category, int proposedLevel, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        // Criminal Justice Act 2003 s.325 and s.327: categories 1 to 3; category 4 (terrorism) from the Counter-Terrorism and Sentencing Act 2021.
        if (category is < 1 or > 4) v.Add("category", "must be 1 to 4");
        if (proposedLevel is not (2 or 3)) v.Add("proposed_level", "must be 2 or 3 (level 1 is ordinary agency management and needs no referral)");
        var why = v.Required("reason", reason, 4000);
        v.ThrowIfInvalid();
        var management = await VsomtCaseAsync(personId, cancellationToken);
        // Category 1 is registered sexual offenders (Criminal Justice Act 2003 s.327(2)); the register decides it.
        if ((category == 1) != (management.Register == Register.RegisteredSexOffender))
            throw new ValidationException("category", management.Register == Register.RegisteredSexOffender
                ? "a registered sex offender is MAPPA category 1"
                : "category 1 is for registered sex offenders; this case is not on the sex offender register");
        if (await db.MappaReferrals.AnyAsync(r => r.ManagementId == management.Id && r.HeardAtMeetingId == null, cancellationToken))
            throw new AlreadyExistsException("This case already has a referral waiting for a MAPPA meeting.");
        var referral = new MappaReferral
        {
            PersonId = personId, ManagementId = management.Id, Category = category, ProposedLevel = proposedLevel, Reason = why,
            ReferredOn = clock.Today, ReferredBy = caller.Subject,
        };
        db.MappaReferrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }

    /// <summary>The person's active VSOMT/MAPPA case, or FAILED_PRECONDITION.</summary>
    public async Task<Management> VsomtCaseAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken)) throw new NotFoundException("person", personId.ToString(), "person_id");
        return await db.Managements.FirstOrDefaultAsync(m => m.PersonId == personId && m.Scheme == Scheme.Vsomt && m.Status == ManagementStatus.Active, cancellationToken)
               ?? throw new RuleViolationException("NOT_MAPPA_CASE", "This person has no active VSOMT/MAPPA management; enrol them first.");
    }

    public async Task<Management> SetLevelAsync(Guid managementId, long expectedVersion, int level, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        if (level is < 1 or > 3) v.Add("level", "must be 1 to 3");
        if (expectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        v.Required("reason", reason, 2000);
        v.ThrowIfInvalid();
        var management = await caseload.GetAsync(managementId, cancellationToken, "management_id");
        if (management.Scheme != Scheme.Vsomt) throw new RuleViolationException("NOT_MAPPA_CASE", "Only VSOMT/MAPPA cases have a MAPPA level.");
        return await caseload.ChangeRiskAsync(managementId, expectedVersion, management.RiskLevel, level, reason, cancellationToken);
    }

    public async Task<MappaMeeting> ScheduleAsync(int level, DateOnly? heldOn, string chair, IReadOnlyList<string> agencies, CancellationToken cancellationToken)
    {
        var v = new Validator();
        if (level is not (2 or 3)) v.Add("level", "must be 2 or 3");
        if (heldOn is null) v.Add("held_on", "is required (YYYY-MM-DD)");
        else if (heldOn < clock.Today.AddDays(-31) || heldOn > clock.Today.AddDays(366)) v.Add("held_on", "must be within the last month or the next year");
        var chairName = v.Required("chair", chair, 200);
        if (agencies.Count == 0) v.Add("agencies", "name at least one agency");
        if (agencies.Count > MaxAgencies) v.Add("agencies", $"at most {MaxAgencies} agencies");
        var names = agencies.Take(MaxAgencies).Select((a, i) => v.Required($"agencies[{i}]", a, 200)).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count) v.Add("agencies", "names an agency twice");
        v.ThrowIfInvalid();
        if (await db.MappaMeetings.AnyAsync(m => m.Level == level && m.HeldOn == heldOn, cancellationToken))
            throw new AlreadyExistsException($"A level {level} meeting is already scheduled on {heldOn:yyyy-MM-dd}.");
        var meeting = new MappaMeeting { Level = level, HeldOn = heldOn!.Value, Chair = chairName, Agencies = names, ScheduledBy = caller.Subject };
        db.MappaMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<IReadOnlyList<MappaMeeting>> ListAsync(DateOnly from, DateOnly to, int level, CancellationToken cancellationToken)
    {
        var v = new Validator();
        if (to < from) v.Add("to", "must not be before from");
        if (to.DayNumber - from.DayNumber > 731) v.Add("to", "at most two years at a time");
        if (level is not (0 or 2 or 3)) v.Add("level", "must be 2, 3 or 0 for both");
        v.ThrowIfInvalid();
        return await db.MappaMeetings.AsNoTracking().Where(m => m.HeldOn >= from && m.HeldOn <= to && (level == 0 || m.Level == level))
            .OrderBy(m => m.HeldOn).ThenBy(m => m.Level).ToListAsync(cancellationToken);
    }

    public async Task<MappaMeeting> GetMeetingAsync(Guid id, CancellationToken cancellationToken, string field = "id") =>
        await db.MappaMeetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("MAPPA meeting", id.ToString(), field);

    public async Task<MeetingView> ViewAsync(MappaMeeting meeting, CancellationToken cancellationToken)
    {
        var (since, agenda) = await agendas.AgendaAsync(meeting, cancellationToken);
        var minutes = await db.MappaMeetingCases.AsNoTracking().Where(c => c.MeetingId == meeting.Id && c.Minuted).ToDictionaryAsync(c => c.ManagementId, cancellationToken);
        var actions = (await db.MappaActions.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync(cancellationToken)).ToLookup(a => a.ManagementId);
        return new MeetingView(meeting, since, agenda, minutes, actions);
    }

    /// <summary>
    /// Records the meeting's minutes, once: who attended, and for cases on its agenda the
    /// decision, the level (a change goes through the case's risk history), the actions agreed
    /// and the disclosure decision. The agenda as it stood is kept with them; referrals heard
    /// are closed.
    /// </summary>
    public async Task<MappaMeeting> RecordMinutesAsync(Guid meetingId, long expectedVersion, IReadOnlyList<MeetingAttendee> attendees, IReadOnlyList<CaseMinutesInput> cases, CancellationToken cancellationToken)
    {
        var v = new Validator();
        if (expectedVersion <= 0) v.Add("expected_version", "is required: the version of the meeting the minutes are for");
        if (attendees.Count == 0) v.Add("attendees", "name at least one attendee");
        if (attendees.Count > 100) v.Add("attendees", "at most 100 attendees");
        var people = attendees.Take(100).Select((a, i) => new MeetingAttendee(v.Required($"attendees[{i}].agency", a.Agency, 200), v.Optional($"attendees[{i}].name", a.Name, 200))).ToList();
        if (cases.Count == 0) v.Add("cases", "minute at least one case");
        if (cases.Count > 200) v.Add("cases", "at most 200 cases");
        var officers = new HashSet<Guid>();
        for (var i = 0; i < cases.Count && i < 200; i++)
        {
            var c = cases[i];
            v.Required($"cases[{i}].decision", c.Decision, 4000);
            if (c.Level is < 1 or > 3) v.Add($"cases[{i}].level", "must be 1 to 3");
            if (c.Actions.Count > MaxActionsPerCase) v.Add($"cases[{i}].actions", $"at most {MaxActionsPerCase} actions");
            for (var j = 0; j < c.Actions.Count && j < MaxActionsPerCase; j++)
            {
                var a = c.Actions[j];
                v.Required($"cases[{i}].actions[{j}].what", a.What, 1000);
                var agency = v.Optional($"cases[{i}].actions[{j}].owner_agency", a.OwnerAgency, 200);
                if (agency.Length == 0 && a.OwnerOfficerId is null) v.Add($"cases[{i}].actions[{j}].owner_agency", "give the owner: an agency, or an officer (owner_officer_id)");
                if (a.DueOn is null) v.Add($"cases[{i}].actions[{j}].due_on", "is required (YYYY-MM-DD)");
                if (a.OwnerOfficerId is { } o) officers.Add(o);
            }
            // MAPPA Guidance chapter 9: a decision to disclose, or not, is recorded with its rationale.
            if (c.DisclosureConsidered)
            {
                if (c.DisclosureDecision is null) v.Add($"cases[{i}].disclosure_decision", "is required when disclosure was considered");
                else v.Enum($"cases[{i}].disclosure_decision", c.DisclosureDecision.Value);
                v.Required($"cases[{i}].disclosure_rationale", c.DisclosureRationale, 4000);
            }
            else
            {
                if (c.DisclosureDecision is not null) v.Add($"cases[{i}].disclosure_decision", "is only for a case where disclosure was considered");
                v.Optional($"cases[{i}].disclosure_rationale", c.DisclosureRationale, 4000);
            }
        }
        if (cases.Select(c => c.ManagementId).Distinct().Count() != cases.Count) v.Add("cases", "minutes a case twice");
        v.ThrowIfInvalid();

        var meeting = await GetMeetingAsync(meetingId, cancellationToken, "meeting_id");
        if (meeting.Version != expectedVersion) throw new StaleVersionException("MAPPA meeting", meetingId.ToString(), expectedVersion, meeting.Version);
        if (meeting.IsMinuted) throw new RuleViolationException("MINUTES_RECORDED", "This meeting's minutes are already recorded.");
        if (meeting.HeldOn > clock.Today) throw new RuleViolationException("MEETING_NOT_HELD", $"The meeting is on {meeting.HeldOn:yyyy-MM-dd}; minutes are recorded once it has been held.");
        var known = await db.Officers.Where(o => officers.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        if (officers.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new NotFoundException("officer", missing.ToString(), "cases.actions.owner_officer_id");
        var (_, agenda) = await agendas.AgendaAsync(meeting, cancellationToken);
        var onAgenda = agenda.ToDictionary(e => e.Case.ManagementId);
        for (var i = 0; i < cases.Count; i++)
            if (!onAgenda.ContainsKey(cases[i].ManagementId))
                v.Add($"cases[{i}].management_id", "is not on this meeting's agenda");
        v.ThrowIfInvalid();

        var minutes = cases.ToDictionary(c => c.ManagementId);
        foreach (var entry in agenda)
        {
            var row = new MappaMeetingCase
            {
                MeetingId = meeting.Id, ManagementId = entry.Case.ManagementId, PersonId = entry.Case.PersonId,
                Reasons = entry.Reasons.ToList(), Details = entry.Details.ToList(),
            };
            if (minutes.TryGetValue(entry.Case.ManagementId, out var m))
            {
                row.Minuted = true;
                row.Decision = m.Decision.Trim();
                row.Level = m.Level;
                row.DisclosureConsidered = m.DisclosureConsidered;
                row.DisclosureDecision = m.DisclosureDecision;
                row.DisclosureRationale = m.DisclosureRationale.Trim();
                foreach (var a in m.Actions)
                    db.MappaActions.Add(new MappaAction
                    {
                        MeetingId = meeting.Id, ManagementId = entry.Case.ManagementId, PersonId = entry.Case.PersonId,
                        What = a.What.Trim(), OwnerAgency = a.OwnerAgency.Trim(), OwnerOfficerId = a.OwnerOfficerId, DueOn = a.DueOn,
                    });
            }
            db.MappaMeetingCases.Add(row);
        }
        var heard = minutes.Keys.ToList();
        foreach (var referral in await db.MappaReferrals.Where(r => heard.Contains(r.ManagementId) && r.HeardAtMeetingId == null && r.ProposedLevel == meeting.Level).ToListAsync(cancellationToken))
            referral.HeardAtMeetingId = meeting.Id;
        meeting.Attendees = people;
        meeting.MinutesRecordedAt = clock.Now;
        meeting.MinutesRecordedBy = caller.Subject;
        db.Entry(meeting).Property(x => x.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);

        foreach (var m in cases)
        {
            var management = await caseload.GetAsync(m.ManagementId, cancellationToken);
            if (management.MappaLevel != m.Level)
                await caseload.ChangeRiskAsync(management.Id, management.Version, management.RiskLevel, m.Level,
                    $"Level {meeting.Level} MAPPA meeting of {meeting.HeldOn:yyyy-MM-dd}", cancellationToken);
        }
        return meeting;
    }

    public async Task<(IReadOnlyList<MappaAction> Actions, string Next)> ActionsAsync(Guid? meetingId, Guid? personId, IReadOnlySet<Guid>? onlyPeople, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 1);
        var query = db.MappaActions.AsNoTracking().AsQueryable();
        if (meetingId is { } meeting) query = query.Where(a => a.MeetingId == meeting);
        if (personId is { } person) query = query.Where(a => a.PersonId == person);
        if (onlyPeople is not null)
        {
            var allowed = onlyPeople.ToList();
            query = query.Where(a => allowed.Contains(a.PersonId));
        }
        if (after is not null)
        {
            if (!Guid.TryParse(after[0], out var last)) throw new ValidationException("page_token", "is not a page token this list returned");
            query = query.Where(a => a.Id.CompareTo(last) > 0);
        }
        var page = await query.OrderBy(a => a.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }

    /// <summary>Admin: names the agency a partner-agency account speaks for (empty clears it).</summary>
    public async Task<PartnerAgencyAccount?> SetPartnerAgencyAsync(string username, string agency, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var name = v.Required("username", username, 100).ToLowerInvariant();
        var text = v.Optional("agency", agency, 200);
        v.ThrowIfInvalid();
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Username == name, cancellationToken) ?? throw new NotFoundException("account", name, "username");
        if (account.Role != Role.PartnerAgency) throw new RuleViolationException("NOT_PARTNER_ACCOUNT", "Only partner-agency accounts speak for an agency.");
        var link = await db.PartnerAgencyAccounts.FirstOrDefaultAsync(a => a.Username == name, cancellationToken);
        if (text.Length == 0)
        {
            if (link is not null) db.PartnerAgencyAccounts.Remove(link);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        if (link is null) db.PartnerAgencyAccounts.Add(link = new PartnerAgencyAccount { Username = name, Agency = text });
        else link.Agency = text;
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }
}
