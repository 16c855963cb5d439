using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Mappa;

namespace OffenderMgmt.Tests.Risk;

/// <summary>
/// Which cases a MAPPA meeting discusses (MAPPA Guidance chapter 13a): referrals to its level;
/// its level's cases due for review (level 2 at least every 16 weeks, level 3 every 8); and its
/// level's cases with a risk change, a breach or a release pending since the last meeting.
/// </summary>
public sealed class MappaAgendaTests
{
    private static readonly DateOnly Meeting = new(2026, 12, 1);
    private static readonly DateOnly Since = new(2026, 11, 3);
    private static readonly MappaOptions Defaults = new();

    private static MappaCaseFacts Case(string name, int level, DateOnly? lastReviewed = null, DateOnly? referredOn = null, int? referredTo = null,
        DateOnly? riskChangedOn = null, DateOnly? breachOn = null, DateOnly? releaseOn = null) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), name, 1, level, RiskLevel.High, lastReviewed ?? Meeting.AddDays(-7), referredOn, referredTo,
            riskChangedOn is { } r ? [(r, RiskLevel.High, RiskLevel.VeryHigh)] : [], breachOn is { } b ? [b] : [], releaseOn);

    private static IReadOnlyList<MappaAgendaReason>? ReasonsFor(string name, int level, params MappaCaseFacts[] cases) =>
        MappaAgenda.Select(level, Meeting, Since, cases, Defaults).SingleOrDefault(e => e.Case.PersonName == name)?.Reasons;

    [Fact]
    public void A_referral_to_the_meetings_level_is_on_its_agenda_and_one_to_the_other_level_is_not()
    {
        Assert.Equal([MappaAgendaReason.NewReferral], ReasonsFor("a", 3, Case("a", 2, referredOn: Meeting.AddDays(-5), referredTo: 3)));
        Assert.Null(ReasonsFor("a", 2, Case("a", 1, referredOn: Meeting.AddDays(-5), referredTo: 3)));
        Assert.Null(ReasonsFor("a", 3, Case("a", 2, referredOn: Meeting.AddDays(1), referredTo: 3)));
    }

    [Theory]
    [InlineData(3, 56, true)]    // level 3: every 8 weeks
    [InlineData(3, 55, false)]
    [InlineData(2, 112, true)]   // level 2: every 16 weeks
    [InlineData(2, 111, false)]
    public void A_case_is_due_for_review_when_its_levels_interval_is_up(int level, int daysSinceReview, bool due)
    {
        var reasons = ReasonsFor("a", level, Case("a", level, lastReviewed: Meeting.AddDays(-daysSinceReview)));
        Assert.Equal(due, reasons?.Contains(MappaAgendaReason.ReviewDue) ?? false);
    }

    [Fact]
    public void A_case_never_reviewed_at_its_level_is_due()
    {
        var never = new MappaCaseFacts(Guid.CreateVersion7(), Guid.CreateVersion7(), "a", 1, 2, RiskLevel.High, null, null, null, [], [], null);
        Assert.Equal([MappaAgendaReason.ReviewDue], ReasonsFor("a", 2, never));
    }

    [Fact]
    public void The_review_interval_comes_from_configuration()
    {
        var options = new MappaOptions { ReviewWeeks = new() { [2] = 16, [3] = 4 } };
        var entries = MappaAgenda.Select(3, Meeting, Since, [Case("a", 3, lastReviewed: Meeting.AddDays(-28))], options);
        Assert.Equal([MappaAgendaReason.ReviewDue], Assert.Single(entries).Reasons);
    }

    [Fact]
    public void A_risk_change_a_breach_or_a_pending_release_since_the_last_meeting_puts_a_case_on()
    {
        Assert.Equal([MappaAgendaReason.RiskChange], ReasonsFor("a", 3, Case("a", 3, riskChangedOn: Since.AddDays(1))));
        Assert.Null(ReasonsFor("a", 3, Case("a", 3, riskChangedOn: Since)));
        Assert.Equal([MappaAgendaReason.Breach], ReasonsFor("a", 3, Case("a", 3, breachOn: Meeting)));
        Assert.Null(ReasonsFor("a", 3, Case("a", 3, breachOn: Since.AddDays(-1))));
        Assert.Equal([MappaAgendaReason.PendingRelease], ReasonsFor("a", 3, Case("a", 3, releaseOn: Meeting.AddDays(56))));
        Assert.Null(ReasonsFor("a", 3, Case("a", 3, releaseOn: Meeting.AddDays(57))));
    }

    [Fact]
    public void Events_of_a_case_at_another_level_do_not_put_it_on_the_agenda() =>
        Assert.Null(ReasonsFor("a", 3, Case("a", 2, riskChangedOn: Meeting, breachOn: Meeting, releaseOn: Meeting.AddDays(3), lastReviewed: Meeting.AddDays(-400))));

    [Fact]
    public void Events_count_from_the_last_meeting_at_the_level_or_one_interval_back() =>
        Assert.Equal((new DateOnly(2026, 11, 3), new DateOnly(2026, 10, 6)),
            (MappaAgenda.Since(3, Meeting, new DateOnly(2026, 11, 3), Defaults), MappaAgenda.Since(3, Meeting, null, Defaults)));

    [Fact]
    public void A_partner_agency_is_part_of_a_meeting_it_is_invited_to_or_attended()
    {
        var meeting = new MappaMeeting { Agencies = ["Bedfordshire Police", "Children's Services"] };
        Assert.True(meeting.Includes("children's services "));
        Assert.False(meeting.Includes("Housing"));
        meeting.Attendees = [new MeetingAttendee("Housing", "Housing officer")];
        Assert.True(meeting.Includes("Housing"));
    }
}
