using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>
/// The notification requirements as the law states them (Sexual Offences Act 2003 Part 2, SI
/// 2012/1876, SI 2004/1220, Stalking Protection Act 2019 s.9), without a database.
/// </summary>
public class NotificationDutyTests
{
    private static readonly NotificationOptions Options = new();
    private static readonly ForceClock London = new(TimeProvider.System, ForceClock.FindZone("Europe/London"));
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static RegistrationFacts Registration(DateOnly? lastNotified = null, DateOnly? periodEnds = null, int age = 30) =>
        new(Guid.NewGuid(), new DateOnly(2019, 3, 4), NotificationDisposal.Custodial, periodEnds is null ? 36 : 18, age, periodEnds,
            new DateOnly(2021, 5, 10), lastNotified ?? new DateOnly(2026, 6, 1));

    private static NotificationFact Given(NotificationKind kind, DateOnly on, DateOnly? effective = null, bool noFixedAbode = false,
        DateTimeOffset? departs = null, string destination = "", DateOnly? returnOn = null) =>
        new(kind, new DateTimeOffset(on.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero), on, effective ?? on, noFixedAbode, departs, destination, returnOn);

    private static NotificationFacts Facts(RegistrationFacts? registration, params NotificationFact[] given) =>
        new(registration, [], false, null, given, null);

    private static NotificationDuty Duty(NotificationFacts facts, DateOnly? today = null) => NotificationRules.Compute(facts, today ?? Today, Options);

    private static DateTimeOffset Local(int y, int m, int d, int h, int min) => London.ToInstant(new DateOnly(y, m, d), new TimeOnly(h, min));

    [Fact]
    public void The_periodic_notification_is_due_one_year_after_a_change_notification()
    {
        // SOA 2003 s.85(1)-(2): within one year after each notification, a change notification under s.84(1) included.
        // "Within the period of one year after" the 3rd of March ends on its anniversary (the example says the 2nd).
        var duty = Duty(Facts(Registration(new DateOnly(2025, 6, 1)), Given(NotificationKind.ChangeOfAddress, new DateOnly(2026, 3, 3))));
        var periodic = duty.Dues.Single(d => d.Kind == NotificationKind.Periodic);
        Assert.Equal(new DateOnly(2027, 3, 3), periodic.DueOn);
        Assert.Equal("Next periodic notification due by 2027-03-03, one year after the change of address notified on 2026-03-03 (SOA 2003 s.85(1)).", periodic.Reason);
    }

    [Fact]
    public void A_travel_notification_does_not_start_a_new_year()
    {
        // SOA 2003 s.85(2) lists notifications under ss.83, 84 and 85; travel is notified under s.86.
        var departs = new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero);
        var duty = Duty(Facts(Registration(new DateOnly(2026, 6, 1)), Given(NotificationKind.ForeignTravel, new DateOnly(2026, 11, 2), departs: departs, destination: "Spain", returnOn: new DateOnly(2026, 12, 27))));
        Assert.Equal(new DateOnly(2027, 6, 1), duty.Dues.Single(d => d.Kind == NotificationKind.Periodic).DueOn);
    }

    [Fact]
    public void Someone_with_no_fixed_abode_notifies_every_week()
    {
        // SI 2012/1876: a relevant offender with no sole or main residence notifies once in every 7 days.
        var duty = Duty(Facts(Registration(), Given(NotificationKind.ChangeOfAddress, new DateOnly(2026, 11, 14), noFixedAbode: true),
            Given(NotificationKind.Weekly, new DateOnly(2026, 11, 22), noFixedAbode: true)));
        Assert.True(duty.NoFixedAbode);
        Assert.Equal(new DateOnly(2026, 11, 29), duty.Next!.DueOn);
        Assert.Equal(NotificationKind.Weekly, duty.Next.Kind);
        // A fixed address again ends the weekly duty.
        var housed = Duty(Facts(Registration(), Given(NotificationKind.ChangeOfAddress, new DateOnly(2026, 11, 14), noFixedAbode: true),
            Given(NotificationKind.ChangeOfAddress, new DateOnly(2026, 11, 24))));
        Assert.DoesNotContain(housed.Dues, d => d.Kind == NotificationKind.Weekly);
    }

    [Fact]
    public void The_periodic_notification_is_suspended_in_custody()
    {
        // SOA 2003 s.85(3)-(4): the year does not run out while the offender is in custody.
        var duty = Duty(new NotificationFacts(Registration(new DateOnly(2025, 1, 10)), [], InCustody: true, null, [], null));
        Assert.True(duty.SuspendedInCustody);
        Assert.Empty(duty.Dues);
        Assert.Contains(duty.Basis, b => b.StartsWith("In custody: the periodic notification is suspended", StringComparison.Ordinal));
    }

    [Fact]
    public void After_release_they_must_notify_within_three_days_and_that_serves_for_a_year_that_ran_out_inside()
    {
        // SOA 2003 s.84(1)(d): within 3 days beginning with the release; s.85(3): a year ending in custody runs to then.
        var duty = Duty(new NotificationFacts(Registration(new DateOnly(2025, 1, 10)), [], false, new DateOnly(2026, 11, 20), [], null));
        var release = Assert.Single(duty.Dues);
        Assert.Equal((NotificationKind.ReleaseFromCustody, new DateOnly(2026, 11, 22)), (release.Kind, release.DueOn));
        Assert.Contains("overdue", release.Reason, StringComparison.Ordinal);
        // Once they notify, the next year counts from that notification.
        var after = Duty(new NotificationFacts(Registration(new DateOnly(2025, 1, 10)), [], false, new DateOnly(2026, 11, 20),
            [Given(NotificationKind.ReleaseFromCustody, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 20))], null));
        Assert.Equal(new DateOnly(2027, 11, 21), Assert.Single(after.Dues).DueOn);
    }

    public static TheoryData<DateTimeOffset, bool> ChangeWindowEnds => new()
    {
        // SOA 2003 s.84(1): "within the period of 3 days beginning with" a change on Tuesday the 10th: the 10th, 11th and 12th.
        { Local(2026, 11, 12, 23, 59), false },
        { Local(2026, 11, 13, 0, 0), true },
        { Local(2026, 11, 10, 9, 0), false },
    };

    [Theory]
    [MemberData(nameof(ChangeWindowEnds))]
    public void A_change_is_notified_in_time_until_the_end_of_the_change_date_plus_two(DateTimeOffset notifiedAt, bool late)
    {
        var judged = NotificationRules.Judge(NotificationKind.ChangeOfAddress, notifiedAt, new DateOnly(2026, 11, 10), null, "", Duty(Facts(Registration())), London, Options);
        Assert.Equal(late, judged.Late);
    }

    [Theory]
    // Autumn: clocks go back at 02:00 BST on Sunday 25 October 2026. A change on Saturday the 24th: last day Monday the 26th (GMT).
    [InlineData("2026-10-24", "2026-10-26T23:59:00Z", false)]
    [InlineData("2026-10-24", "2026-10-27T00:00:00Z", true)]
    // Spring: clocks go forward at 01:00 GMT on Sunday 28 March 2027. A change on the 27th: last day Monday the 29th (BST).
    [InlineData("2027-03-27", "2027-03-29T22:59:00Z", false)]
    [InlineData("2027-03-27", "2027-03-29T23:00:00Z", true)]
    public void The_three_day_window_ends_at_midnight_on_the_force_clock_across_a_clock_change(string changedOn, string notifiedAt, bool late)
    {
        // SOA 2003 s.84(1): days are the force's calendar days, summer time included.
        var judged = NotificationRules.Judge(NotificationKind.ChangeOfName, DateTimeOffset.Parse(notifiedAt, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(changedOn, System.Globalization.CultureInfo.InvariantCulture), null, "", Duty(Facts(Registration())), London, Options);
        Assert.Equal(late, judged.Late);
    }

    [Theory]
    // SI 2004/1220 (as amended by SI 2012/1876): at least 7 days before departure; where that is not reasonably practicable, at least 24 hours.
    [InlineData(7 * 24, "", false)]
    [InlineData(6 * 24, "", true)]
    [InlineData(6 * 24, "family funeral abroad, booked yesterday", false)]
    [InlineData(24, "family funeral abroad, booked yesterday", false)]
    [InlineData(23, "family funeral abroad, booked yesterday", true)]
    public void Foreign_travel_needs_seven_days_notice_or_24_hours_with_a_reason(int hoursBefore, string reason, bool late)
    {
        var departs = new DateTimeOffset(2026, 12, 10, 7, 30, 0, TimeSpan.Zero);
        var judged = NotificationRules.Judge(NotificationKind.ForeignTravel, departs.AddHours(-hoursBefore), new DateOnly(2026, 12, 10), departs, reason, Duty(Facts(Registration())), London, Options);
        Assert.Equal(late, judged.Late);
    }

    [Fact]
    public void The_return_from_travel_is_checked_within_three_days_of_the_return_date()
    {
        // SI 2004/1220: the return is notified within 3 days of it.
        var departs = new DateTimeOffset(2026, 12, 5, 7, 30, 0, TimeSpan.Zero);
        var duty = Duty(Facts(Registration(), Given(NotificationKind.ForeignTravel, new DateOnly(2026, 11, 23), departs: departs, destination: "Spain", returnOn: new DateOnly(2026, 12, 12))));
        var back = duty.Dues.Single(d => d.Check == CheckKind.TravelNotification);
        Assert.Equal((new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 12)), (back.DueOn, back.OpensOn));
        var returned = Duty(Facts(Registration(), Given(NotificationKind.ForeignTravel, new DateOnly(2026, 11, 23), departs: departs, destination: "Spain", returnOn: new DateOnly(2026, 12, 12)),
            Given(NotificationKind.ReturnFromTravel, new DateOnly(2026, 12, 13))), new DateOnly(2026, 12, 13));
        Assert.DoesNotContain(returned.Dues, d => d.Check == CheckKind.TravelNotification);
    }

    [Fact]
    public void Each_trip_has_its_own_return_and_a_trip_notified_again_is_still_one_trip()
    {
        // SI 2004/1220: a return notification for each departure.
        var spain = Given(NotificationKind.ForeignTravel, new DateOnly(2026, 11, 2), departs: new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero), destination: "Spain", returnOn: new DateOnly(2026, 11, 17));
        var ireland = Given(NotificationKind.ForeignTravel, new DateOnly(2026, 11, 3), departs: new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), destination: "Ireland", returnOn: new DateOnly(2026, 12, 6));
        var irelandAgain = ireland with { NotifiedAt = ireland.NotifiedAt.AddDays(1), NotifiedOn = ireland.NotifiedOn.AddDays(1) };
        var back = Given(NotificationKind.ReturnFromTravel, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 17));
        var duty = Duty(Facts(Registration(), spain, ireland, irelandAgain, back));
        var returns = duty.Dues.Where(d => d.Check == CheckKind.TravelNotification).ToList();
        Assert.Equal(new DateOnly(2026, 12, 8), Assert.Single(returns).DueOn);
    }

    [Fact]
    public void A_late_periodic_notification_is_judged_against_the_year_after_the_last()
    {
        // SOA 2003 s.85(1).
        var before = Duty(Facts(Registration(new DateOnly(2025, 11, 20))));
        Assert.True(NotificationRules.Judge(NotificationKind.Periodic, Local(2026, 11, 21, 9, 0), Today, null, "", before, London, Options).Late);
        Assert.False(NotificationRules.Judge(NotificationKind.Periodic, Local(2026, 11, 20, 16, 0), Today, null, "", before, London, Options).Late);
    }

    [Fact]
    public void An_indefinite_period_may_be_reviewed_15_years_after_the_first_notification_or_8_for_a_juvenile()
    {
        // SOA 2003 s.91B (inserted by SI 2012/1883): 15 years; 8 years if under 18 on the relevant date.
        var adult = Duty(Facts(Registration(), Given(NotificationKind.Initial, new DateOnly(2021, 5, 12))));
        Assert.Equal((true, new DateOnly(2036, 5, 10)), (adult.Indefinite, adult.ReviewOn!.Value));  // started 2021-05-10, before the first recorded
        var juvenile = Duty(Facts(Registration(age: 16) with { StartedOn = new DateOnly(2022, 1, 4) }, Given(NotificationKind.Initial, new DateOnly(2021, 9, 1))));
        Assert.Equal(new DateOnly(2029, 9, 1), juvenile.ReviewOn);
    }

    [Fact]
    public void An_shpo_makes_someone_not_registered_subject_until_it_ends_with_an_initial_notification_within_three_days_of_service()
    {
        // Sentencing Act 2020 s.348(2)-(3) (civil SHPOs: SOA 2003 s.103G(2)-(3)): subject from service while the order has effect.
        var shpo = new DutyOrderFacts(Guid.NewGuid(), OrderType.SexualHarmPreventionOrder, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 20), new DateOnly(2031, 11, 19), Ended: false);
        var duty = Duty(new NotificationFacts(null, [shpo], false, null, [], null));
        Assert.True(duty.SexOffenderRegister);
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2031, 11, 19)), (duty.StartedOn!.Value, duty.EndsOn!.Value));
        var initial = Assert.Single(duty.Dues);
        Assert.Equal((NotificationKind.Initial, new DateOnly(2026, 11, 26), shpo.OrderId), (initial.Kind, initial.DueOn, initial.OrderId!.Value));
        // Discharged: no longer subject.
        Assert.False(Duty(new NotificationFacts(null, [shpo with { Ended = true }], false, null, [], null)).Subject);
    }

    [Fact]
    public void An_shpo_keeps_a_registered_offender_subject_at_least_until_it_ends()
    {
        // Sentencing Act 2020 s.348(1) (SOA 2003 s.103G(1)).
        var shpo = new DutyOrderFacts(Guid.NewGuid(), OrderType.SexualHarmPreventionOrder, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 1), new DateOnly(2034, 1, 31), Ended: false);
        var duty = Duty(new NotificationFacts(Registration(periodEnds: new DateOnly(2029, 3, 3)), [shpo], false, null, [], null));
        Assert.Equal(new DateOnly(2034, 1, 31), duty.EndsOn);
        // Past the registration's own end, the SHPO alone keeps them subject.
        Assert.True(Duty(new NotificationFacts(Registration(periodEnds: new DateOnly(2029, 3, 3)), [shpo], false, null, [], null), new DateOnly(2030, 1, 1)).SexOffenderRegister);
        Assert.False(Duty(new NotificationFacts(Registration(periodEnds: new DateOnly(2029, 3, 3)), [], false, null, [], null), new DateOnly(2030, 1, 1)).SexOffenderRegister);
    }

    [Fact]
    public void An_spo_requires_name_and_home_address_within_three_days_of_service()
    {
        // Stalking Protection Act 2019 s.9(1): within the period of 3 days beginning with the day of service.
        var spo = new DutyOrderFacts(Guid.NewGuid(), OrderType.StalkingProtectionOrder, new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), new DateOnly(2028, 11, 24), Ended: false);
        var duty = Duty(new NotificationFacts(null, [spo], false, null, [], null));
        Assert.True(duty.Subject);
        Assert.False(duty.SexOffenderRegister);
        var due = Assert.Single(duty.Dues);
        Assert.Equal((CheckKind.SpoNotification, new DateOnly(2026, 11, 27)), (due.Check, due.DueOn));
        var notified = Duty(new NotificationFacts(null, [spo], false, null, [Given(NotificationKind.SpoNameAndAddress, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 25))], null));
        Assert.Empty(notified.Dues);
    }

    [Fact]
    public void Option_values_out_of_range_are_reported_at_start()
    {
        var validator = new NotificationOptionsValidator();
        Assert.True(validator.Validate(null, new NotificationOptions()).Succeeded);
        Assert.Contains("Notification:ChangeWindowDays", validator.Validate(null, new NotificationOptions { ChangeWindowDays = 0 }).FailureMessage, StringComparison.Ordinal);
        // s.85(1): a force may not stretch the periodic notification beyond a year.
        Assert.Contains("Notification:PeriodicMonths", validator.Validate(null, new NotificationOptions { PeriodicMonths = 13 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Notification:TravelShortNoticeHours", validator.Validate(null, new NotificationOptions { TravelNoticeDays = 1, TravelShortNoticeHours = 48 }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_notification_kind_and_disposal_on_the_wire_maps_to_one_in_the_domain()
    {
        var wireKinds = Enum.GetValues<OffenderMgmt.Contracts.V1.NotificationKind>().Where(k => k != OffenderMgmt.Contracts.V1.NotificationKind.Unspecified).ToList();
        Assert.Equal(wireKinds.Order(), NotificationMessages.Kinds.Keys.Order());
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), NotificationMessages.Kinds.Values.Order());
        Assert.All(Enum.GetValues<NotificationKind>(), k => Assert.Equal(k, NotificationMessages.Kinds[NotificationMessages.ToWire(k)]));
        var wireDisposals = Enum.GetValues<OffenderMgmt.Contracts.V1.NotificationDisposal>().Where(d => d != OffenderMgmt.Contracts.V1.NotificationDisposal.Unspecified);
        Assert.Equal(wireDisposals.Order(), NotificationMessages.Disposals.Keys.Order());
        Assert.Equal(Enum.GetValues<NotificationDisposal>().Order(), NotificationMessages.Disposals.Values.Order());
    }
}
