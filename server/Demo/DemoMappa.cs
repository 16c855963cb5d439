using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Mappa;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo's MAPPA (issue 17): level 2 meetings every four weeks and level 3 meetings every
/// eight, minuted up to last month (so this month's agendas carry the cases whose review falls
/// due), this month's level 3 meeting today and level 2 meeting next week, one case waiting
/// on a referral to level 3, and the demo partner account speaking for children's services,
/// who sit at level 3 meetings only.
/// </summary>
internal sealed class DemoMappa(DemoRandom random, DateOnly today, DateTimeOffset now, DemoForce force)
{
    public const string PartnerAgency = "Children's Services";
    public static readonly string[] Level2Agencies = ["Bedfordshire Police", "Probation Service", "Adult Social Care"];
    public static readonly string[] Level3Agencies = ["Bedfordshire Police", "Probation Service", "Children's Services", "Housing"];

    public List<MappaMeeting> Meetings { get; } = [];
    public List<MappaMeetingCase> Cases { get; } = [];
    public List<MappaAction> Actions { get; } = [];
    public List<MappaReferral> Referrals { get; } = [];

    public DemoMappa Build()
    {
        var vsomt = force.Managements.Where(m => m.Scheme == Scheme.Vsomt && m.IsActive).ToList();
        var level2 = vsomt.Where(m => m.MappaLevel == 2).ToList();
        var level3 = vsomt.Where(m => m.MappaLevel == 3).ToList();
        // Four past level 2 meetings, each reviewing a quarter of the level 2 cases; two level 3.
        for (var i = 0; i < 4; i++)
            Minuted(2, today.AddDays(-21 - 28 * i), level2.Where((_, n) => n % 4 == i).ToList());
        Minuted(3, today.AddDays(-28), level3);
        Minuted(3, today.AddDays(-84), level3);
        Meetings.Add(new MappaMeeting { Id = random.NextId(), Level = 3, HeldOn = today, Chair = "Detective Superintendent, Public Protection", Agencies = [.. Level3Agencies], ScheduledBy = "demo" });
        Meetings.Add(new MappaMeeting { Id = random.NextId(), Level = 2, HeldOn = today.AddDays(7), Chair = "Probation Senior Manager", Agencies = [.. Level2Agencies], ScheduledBy = "demo" });

        var referred = level2.FirstOrDefault(m => m.ResponsibleOfficerId != force.Cast.VsomtManagers[0].Id);
        if (referred is not null)
            Referrals.Add(new MappaReferral
            {
                Id = random.NextId(), PersonId = referred.PersonId, ManagementId = referred.Id, Category = referred.MappaCategory ?? 1, ProposedLevel = 3,
                Reason = "New intelligence of contact with children; the plan needs resources beyond level 2.", ReferredOn = today.AddDays(-5), ReferredBy = "demo",
            });
        return this;
    }

    private void Minuted(int level, DateOnly heldOn, IReadOnlyList<Management> cases)
    {
        var meeting = new MappaMeeting
        {
            Id = random.NextId(), Level = level, HeldOn = heldOn, Chair = level == 3 ? "Detective Superintendent, Public Protection" : "Probation Senior Manager",
            Agencies = [.. level == 3 ? Level3Agencies : Level2Agencies], ScheduledBy = "demo",
            MinutesRecordedAt = now.AddDays(heldOn.DayNumber - today.DayNumber + 1), MinutesRecordedBy = "demo",
        };
        meeting.Attendees = meeting.Agencies.Select(a => new MeetingAttendee(a, a == "Bedfordshire Police" ? "VSOMT supervisor" : $"{a} representative")).ToList();
        Meetings.Add(meeting);
        foreach (var m in cases)
        {
            var consider = random.Chance(0.4);
            Cases.Add(new MappaMeetingCase
            {
                Id = random.NextId(), MeetingId = meeting.Id, ManagementId = m.Id, PersonId = m.PersonId, Reasons = [MappaAgendaReason.ReviewDue],
                Details = ["review due"], Minuted = true, Level = level,
                Decision = $"Remain at level {level}; the plan is working and compliance is good.",
                DisclosureConsidered = consider, DisclosureDecision = consider ? DisclosureDecision.DoNotDisclose : null,
                DisclosureRationale = consider ? "No third party is at risk that disclosure would protect; kept under review." : "",
            });
            Actions.Add(new MappaAction
            {
                Id = random.NextId(), MeetingId = meeting.Id, ManagementId = m.Id, PersonId = m.PersonId,
                What = "Confirm the address and household at the next visit", OwnerAgency = "Bedfordshire Police", OwnerOfficerId = m.ResponsibleOfficerId,
                DueOn = heldOn.AddDays(14),
            });
            Actions.Add(new MappaAction
            {
                Id = random.NextId(), MeetingId = meeting.Id, ManagementId = m.Id, PersonId = m.PersonId,
                What = "Share the programme progress report", OwnerAgency = "Probation Service", DueOn = heldOn.AddDays(28),
            });
        }
    }
}
