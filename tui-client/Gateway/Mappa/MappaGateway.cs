using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A MAPPA level 2 or 3 meeting: when, who chairs, which agencies, and whether it is minuted.</summary>
public sealed record MappaMeetingRow(
    string Id, int Level, DateOnly? HeldOn, string Chair, IReadOnlyList<string> Agencies, bool Minuted, long Version,
    DateOnly? Since, IReadOnlyList<MappaAgendaCase> Agenda, IReadOnlyList<(string Agency, string Name)> Attendees, string? MinutedBy);

/// <summary>A case on a meeting's agenda, why it is there, and its minutes once recorded.</summary>
public sealed record MappaAgendaCase(
    string ManagementId, string PersonId, string PersonName, int Category, int Level, Risk Risk,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> Details, DateOnly? LastReviewedOn, MappaCaseMinutes? Minutes);

public sealed record MappaCaseMinutes(string Decision, int Level, IReadOnlyList<MappaActionRow> Actions, bool DisclosureConsidered, bool? Disclose, string? DisclosureRationale);

public sealed record MappaActionRow(string What, string? OwnerAgency, string? OwnerOfficerId, DateOnly? DueOn, bool Overdue);

/// <summary>What a meeting decided about one case, to record in its minutes.</summary>
public sealed record MappaCaseDecision(string ManagementId, string Decision, int Level, IReadOnlyList<MappaActionRow> Actions, bool DisclosureConsidered, bool? Disclose, string? DisclosureRationale);

/// <summary>MAPPA meetings, their agendas and minutes (the Mappa service).</summary>
public sealed class MappaGateway(ServerConnection connection)
{
    private readonly V1.Mappa.MappaClient _mappa = new(connection.Invoker);

    /// <summary>Meetings from a month ago to a month ahead (the server's window), soonest first; without agendas.</summary>
    public async Task<IReadOnlyList<MappaMeetingRow>> MeetingsAsync(Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _mappa.ListMeetingsAsync(new V1.ListMeetingsRequest(), o), cancellationToken);
        return response.Meetings.Select(ToRow).OrderBy(m => m.HeldOn).ThenBy(m => m.Level).ToList();
    }

    /// <summary>One meeting with its agenda (and minutes, once recorded).</summary>
    public async Task<MappaMeetingRow> MeetingAsync(string id, Purpose purpose, CancellationToken cancellationToken) =>
        ToRow(await connection.CallAsync(purpose, o => _mappa.GetMeetingAsync(new V1.GetMeetingRequest { Id = id }, o), cancellationToken));

    /// <summary>Records the meeting's minutes (once: a minuted meeting refuses more).</summary>
    public async Task<MappaMeetingRow> RecordMinutesAsync(
        MappaMeetingRow meeting, IReadOnlyList<(string Agency, string Name)> attendees, IReadOnlyList<MappaCaseDecision> cases, Purpose purpose, CancellationToken cancellationToken)
    {
        var request = new V1.RecordMinutesRequest { MeetingId = meeting.Id, ExpectedVersion = meeting.Version };
        request.Attendees.AddRange(attendees.Select(a => new V1.Attendee { Agency = a.Agency, Name = a.Name }));
        foreach (var c in cases)
        {
            var input = new V1.CaseMinutesInput
            {
                ManagementId = c.ManagementId, Decision = c.Decision, Level = c.Level, DisclosureConsidered = c.DisclosureConsidered,
                DisclosureDecision = c.Disclose switch { true => V1.DisclosureDecision.Disclose, false => V1.DisclosureDecision.DoNotDisclose, null => V1.DisclosureDecision.Unspecified },
                DisclosureRationale = c.DisclosureRationale ?? "",
            };
            input.Actions.AddRange(c.Actions.Select(a => new V1.MappaActionInput
            {
                What = a.What, OwnerAgency = a.OwnerAgency ?? "", OwnerOfficerId = a.OwnerOfficerId ?? "", DueOn = Wire.Date(a.DueOn),
            }));
            request.Cases.Add(input);
        }
        return ToRow(await connection.CallAsync(purpose, o => _mappa.RecordMinutesAsync(request, o), cancellationToken));
    }

    private static MappaMeetingRow ToRow(V1.MappaMeeting m) => new(
        m.Id, m.Level, Wire.Date(m.HeldOn), m.Chair, m.Agencies.ToList(), m.Minuted, m.Version, Wire.Date(m.Since),
        m.Agenda.Select(ToCase).ToList(), m.Attendees.Select(a => (a.Agency, a.Name)).ToList(), Wire.Text(m.MinutesRecordedBy));

    private static MappaAgendaCase ToCase(V1.MappaAgendaCase c) => new(
        c.ManagementId, c.PersonId, c.PersonName, c.Category, c.Level, RiskWords.FromWire(c.RiskLevel),
        c.Reasons.Select(MappaWording.Of).Where(r => r.Length > 0).ToList(), c.Details.ToList(), Wire.Date(c.LastReviewedOn),
        c.Minutes is { } m && m.Decision.Length > 0
            ? new MappaCaseMinutes(m.Decision, m.Level,
                m.Actions.Select(a => new MappaActionRow(a.What, Wire.Text(a.OwnerAgency), Wire.Text(a.OwnerOfficerId), Wire.Date(a.DueOn), a.Overdue)).ToList(),
                m.DisclosureConsidered,
                m.DisclosureDecision switch { V1.DisclosureDecision.Disclose => true, V1.DisclosureDecision.DoNotDisclose => false, _ => null },
                Wire.Text(m.DisclosureRationale))
            : null);
}

/// <summary>MAPPA's enums in words, by explicit table.</summary>
internal static class MappaWording
{
    public static string Of(V1.AgendaReasonMappa reason) => reason switch
    {
        V1.AgendaReasonMappa.NewReferral => "new referral",
        V1.AgendaReasonMappa.ReviewDue => "review due",
        V1.AgendaReasonMappa.RiskChange => "risk changed",
        V1.AgendaReasonMappa.Breach => "breach",
        V1.AgendaReasonMappa.PendingRelease => "release soon",
        _ => "",
    };
}
