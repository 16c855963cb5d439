using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Risk;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Mappa;

/// <summary>Maps MAPPA referrals, meetings, agendas and minutes to proto; maps and never queries.</summary>
public static class MappaMessages
{
    public static readonly EnumTable<MappaAgendaReason, V1.AgendaReasonMappa> Reasons = new(new Dictionary<MappaAgendaReason, V1.AgendaReasonMappa>
    {
        [MappaAgendaReason.NewReferral] = V1.AgendaReasonMappa.NewReferral, [MappaAgendaReason.ReviewDue] = V1.AgendaReasonMappa.ReviewDue,
        [MappaAgendaReason.RiskChange] = V1.AgendaReasonMappa.RiskChange, [MappaAgendaReason.Breach] = V1.AgendaReasonMappa.Breach,
        [MappaAgendaReason.PendingRelease] = V1.AgendaReasonMappa.PendingRelease,
    });

    public static readonly EnumTable<DisclosureDecision, V1.DisclosureDecision> Decisions = new(new Dictionary<DisclosureDecision, V1.DisclosureDecision>
    {
        [DisclosureDecision.Disclose] = V1.DisclosureDecision.Disclose, [DisclosureDecision.DoNotDisclose] = V1.DisclosureDecision.DoNotDisclose,
    });

    public static V1.MappaReferral Referral(MappaReferral r) => new()
    {
        Id = r.Id.ToString(), PersonId = r.PersonId.ToString(), ManagementId = r.ManagementId.ToString(), Category = r.Category,
        ProposedLevel = r.ProposedLevel, Reason = r.Reason, ReferredOn = IsoDate.Format(r.ReferredOn), ReferredBy = r.ReferredBy,
        Heard = r.HeardAtMeetingId is not null,
    };

    public static V1.MappaCase Case(Management m) => new()
    {
        ManagementId = m.Id.ToString(), PersonId = m.PersonId.ToString(), Category = m.MappaCategory ?? 0, Level = m.MappaLevel ?? 0,
        Version = m.Version, RiskLevel = RiskMessages.Levels.ToProto(m.RiskLevel),
    };

    public static V1.MappaMeeting Meeting(MappaMeeting m)
    {
        var message = new V1.MappaMeeting
        {
            Id = m.Id.ToString(), Level = m.Level, HeldOn = IsoDate.Format(m.HeldOn), Chair = m.Chair, Minuted = m.IsMinuted, Version = m.Version,
            MinutesRecordedAt = m.MinutesRecordedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, MinutesRecordedBy = m.MinutesRecordedBy,
        };
        message.Agencies.AddRange(m.Agencies);
        message.Attendees.AddRange(m.Attendees.Select(a => new V1.Attendee { Agency = a.Agency, Name = a.Name }));
        return message;
    }

    /// <summary>The meeting with its agenda; minutes (restricted casework) only when <paramref name="withMinutes"/>.</summary>
    public static V1.MappaMeeting Meeting(MeetingView view, bool withMinutes, DateOnly today)
    {
        var message = Meeting(view.Meeting);
        message.Since = IsoDate.Format(view.Since);
        foreach (var entry in view.Agenda)
        {
            var item = new V1.MappaAgendaCase
            {
                ManagementId = entry.Case.ManagementId.ToString(), PersonId = entry.Case.PersonId.ToString(), PersonName = entry.Case.PersonName,
                Category = entry.Case.Category, Level = entry.Case.Level, RiskLevel = RiskMessages.Levels.ToProto(entry.Case.Risk),
                LastReviewedOn = IsoDate.Format(entry.Case.LastReviewedOn),
            };
            item.Reasons.AddRange(entry.Reasons.Select(Reasons.ToProto));
            item.Details.AddRange(entry.Details);
            if (withMinutes && view.Minutes.TryGetValue(entry.Case.ManagementId, out var minutes))
            {
                item.Minutes = new V1.CaseMinutes
                {
                    Decision = minutes.Decision, Level = minutes.Level ?? 0, DisclosureConsidered = minutes.DisclosureConsidered,
                    DisclosureDecision = Decisions.ToProto(minutes.DisclosureDecision, V1.DisclosureDecision.Unspecified),
                    DisclosureRationale = minutes.DisclosureRationale,
                };
                item.Minutes.Actions.AddRange(view.Actions[entry.Case.ManagementId].Select(a => Action(a, today)));
            }
            message.Agenda.Add(item);
        }
        return message;
    }

    public static V1.MappaAction Action(MappaAction a, DateOnly today) => new()
    {
        Id = a.Id.ToString(), MeetingId = a.MeetingId.ToString(), ManagementId = a.ManagementId.ToString(), PersonId = a.PersonId.ToString(),
        What = a.What, OwnerAgency = a.OwnerAgency, OwnerOfficerId = a.OwnerOfficerId?.ToString() ?? "", DueOn = IsoDate.Format(a.DueOn),
        Overdue = a.DueOn < today,
    };
}
