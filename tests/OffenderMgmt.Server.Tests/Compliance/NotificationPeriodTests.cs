using OffenderMgmt.Server.Caseload;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>Sexual Offences Act 2003 s.82 notification periods, at each boundary.</summary>
public class NotificationPeriodTests
{
    private static readonly DateOnly Convicted = new(2020, 6, 15);

    [Theory]
    [InlineData(30, null)]                 // 30 months or more: indefinite
    [InlineData(48, null)]
    [InlineData(29, "2030-06-14")]         // more than 6, less than 30: 10 years
    [InlineData(7, "2030-06-14")]
    [InlineData(6, "2027-06-14")]          // 6 months or less: 7 years
    [InlineData(1, "2027-06-14")]
    public void A_custodial_sentence_sets_the_period_by_its_length(int months, string? endsOn)
    {
        Assert.Equal(endsOn is null ? null : DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture),
            NotificationPeriod.EndsOn(Convicted, NotificationDisposal.Custodial, months, 30));
    }

    [Fact]
    public void A_community_sentence_is_five_years_and_a_caution_two()
    {
        Assert.Equal(new DateOnly(2025, 6, 14), NotificationPeriod.EndsOn(Convicted, NotificationDisposal.CommunitySentence, null, 30));
        Assert.Equal(new DateOnly(2022, 6, 14), NotificationPeriod.EndsOn(Convicted, NotificationDisposal.Caution, null, 30));
    }

    [Theory]
    [InlineData(NotificationDisposal.Custodial, 12, "2025-06-14")]  // 10 years halved
    [InlineData(NotificationDisposal.Custodial, 6, "2023-12-14")]   // 7 years halved: 3 years 6 months
    [InlineData(NotificationDisposal.CommunitySentence, null, "2022-12-14")]
    [InlineData(NotificationDisposal.Caution, null, "2021-06-14")]
    public void Fixed_periods_are_halved_for_someone_under_18_at_conviction(NotificationDisposal disposal, int? months, string endsOn)
    {
        Assert.Equal(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), NotificationPeriod.EndsOn(Convicted, disposal, months, 17));
    }

    [Fact]
    public void An_indefinite_period_stays_indefinite_for_someone_under_18()
    {
        Assert.Null(NotificationPeriod.EndsOn(Convicted, NotificationDisposal.Custodial, 30, 16));
    }

    [Fact]
    public void Eighteen_at_conviction_is_not_halved()
    {
        Assert.Equal(new DateOnly(2025, 6, 14), NotificationPeriod.EndsOn(Convicted, NotificationDisposal.CommunitySentence, null, 18));
    }

    [Theory]
    // SOA 2003 s.82(1): every row of the table, adult and (s.82(2)) under 18.
    [InlineData(NotificationDisposal.HospitalOrderWithRestriction, null, 30, null)]           // indefinite
    [InlineData(NotificationDisposal.HospitalOrderWithRestriction, null, 16, null)]           // indefinite, not halved
    [InlineData(NotificationDisposal.HospitalOrderWithoutRestriction, null, 30, "2027-06-14")] // 7 years
    [InlineData(NotificationDisposal.HospitalOrderWithoutRestriction, null, 16, "2023-12-14")] // 7 years halved
    [InlineData(NotificationDisposal.ConditionalDischarge, 18, 30, "2021-12-14")]            // the period of the discharge
    [InlineData(NotificationDisposal.ConditionalDischarge, 18, 16, "2021-12-14")]            // not halved: s.82(2) halves 10, 7, 5 and 2 years only
    [InlineData(NotificationDisposal.OtherDescription, null, 30, "2025-06-14")]              // any other description: 5 years
    [InlineData(NotificationDisposal.OtherDescription, null, 17, "2022-12-14")]              // halved
    [InlineData(NotificationDisposal.Caution, null, 15, "2021-06-14")]                       // 2 years halved
    public void Every_s82_disposal_sets_its_period(NotificationDisposal disposal, int? months, int age, string? endsOn)
    {
        Assert.Equal(endsOn is null ? null : DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture),
            NotificationPeriod.EndsOn(Convicted, disposal, months, age));
    }

    [Fact]
    public void A_conditional_discharge_needs_its_length()
    {
        Assert.Throws<ArgumentException>(() => NotificationPeriod.EndsOn(Convicted, NotificationDisposal.ConditionalDischarge, null, 30));
        Assert.Contains("the period of the discharge", NotificationPeriod.Explain(NotificationDisposal.ConditionalDischarge, 18, 30), StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_of_an_indefinite_period_is_15_years_after_the_first_notification_or_8_for_a_juvenile()
    {
        // SOA 2003 s.91B.
        Assert.Equal(new DateOnly(2036, 7, 1), NotificationPeriod.ReviewOn(new DateOnly(2021, 7, 1), 30));
        Assert.Equal(new DateOnly(2029, 7, 1), NotificationPeriod.ReviewOn(new DateOnly(2021, 7, 1), 17));
    }
}
