using OffenderMgmt.Server.Reports;

namespace OffenderMgmt.Tests.Reports;

/// <summary>
/// The small-number rule (GSS guidance "Statistical disclosure control for tables produced from
/// administrative data sources"; ONS disclosure control guidance for tables), threshold 5.
/// </summary>
public sealed class SmallNumberTests
{
    private readonly SmallNumbers _rule = new(5);

    [Theory]
    [InlineData(0, false, "0")]
    [InlineData(1, true, "fewer than 5")]
    [InlineData(4, true, "fewer than 5")]
    [InlineData(5, false, "5")]
    [InlineData(120, false, "120")]
    public void A_count_from_1_to_threshold_minus_1_is_shown_as_fewer_than_N_and_never_carries_its_value(long count, bool hidden, string text)
    {
        var figure = _rule.Count(count);
        Assert.Equal((hidden, text), (figure.Suppressed, figure.Text));
        if (hidden) Assert.Equal(0, figure.Value);
        else Assert.Equal(count, figure.Value);
    }

    [Theory]
    [InlineData(6, 7, true)]     // 1 late would be revealed by 85.7%
    [InlineData(3, 10, true)]    // the numerator is small
    [InlineData(3, 4, true)]     // the denominator is small
    [InlineData(5, 10, false)]
    [InlineData(10, 10, false)]  // all on time: the difference is 0, which is shown
    [InlineData(0, 10, false)]
    public void A_rate_is_hidden_when_its_part_its_whole_or_their_difference_is_small(long part, long whole, bool hidden) =>
        Assert.Equal(hidden, _rule.Rate(part, whole).Suppressed);

    [Fact]
    public void A_rate_of_nothing_and_a_mean_over_nobody_are_not_applicable()
    {
        Assert.Equal("n/a", _rule.Rate(0, 0).Text);
        Assert.Equal("n/a", _rule.Mean(0, 0).Text);
        Assert.Equal("83.3%", _rule.Rate(25, 30).Text);
    }

    [Fact]
    public void A_mean_over_fewer_than_N_people_is_hidden()
    {
        Assert.True(_rule.Mean(400, 4).Suppressed);
        Assert.Equal("80.0", _rule.Mean(400, 5).Text);
    }

    [Fact]
    public void A_ratio_is_hidden_when_either_count_behind_it_is_small()
    {
        Assert.True(_rule.Ratio(3, 2.0, 2).Suppressed);
        Assert.True(_rule.Ratio(30, 2.0, 2).Suppressed);
        Assert.Equal("5.0", _rule.Ratio(30, 6.0, 6).Text);
    }

    [Fact]
    public void The_threshold_is_the_one_configured()
    {
        Assert.Equal("fewer than 10", new SmallNumbers(10).Count(9).Text);
        Assert.False(new SmallNumbers(3).Count(3).Suppressed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(101)]
    public void A_threshold_that_would_switch_suppression_off_or_is_absurd_stops_the_server(int threshold)
    {
        var result = new ReportOptionsValidator().Validate(null, new ReportOptions { SmallNumberThreshold = threshold });
        Assert.True(result.Failed);
        Assert.Contains("Reports:SmallNumberThreshold", result.FailureMessage);
    }

    [Fact]
    public void Every_report_kind_maps_both_ways()
    {
        foreach (var kind in Enum.GetValues<ReportKind>())
            Assert.Equal(kind, ReportMessages.Kinds.ToDomain(ReportMessages.Kinds.ToProto(kind)));
        Assert.Equal(Enum.GetValues<OffenderMgmt.Contracts.V1.ReportKind>().Length - 1, ReportMessages.Kinds.Pairs.Count);
    }
}
