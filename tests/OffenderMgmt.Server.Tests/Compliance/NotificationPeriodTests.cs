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
}
