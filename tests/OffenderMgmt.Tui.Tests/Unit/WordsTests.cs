using OffenderMgmt.Tui.Ui;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>Issue 20, "Also": wording an officer reads ("1 suspected breach(es)", "28951 m", "CANNOT TELL: CHECK: ...").</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData(1, "1 suspected breach")]
    [InlineData(2, "2 suspected breaches")]
    [InlineData(0, "0 suspected breaches")]
    public void A_count_agrees_with_its_noun(int n, string expected) =>
        Assert.Equal(expected, Words.Count(n, "suspected breach", "suspected breaches"));

    [Theory]
    [InlineData(200, "200 m")]
    [InlineData(1240, "1.2 km")]
    [InlineData(28951, "29 km")]
    public void A_distance_is_in_metres_or_kilometres_as_fits(double metres, string expected) =>
        Assert.Equal(expected, Words.Distance(metres));

    [Theory]
    [InlineData("CHECK: not enough to say. The zone applies only with a child.", "The zone applies only with a child.")]
    [InlineData("BREACH: Ann Smith is breaching their SHPO.", "Ann Smith is breaching their SHPO.")]
    [InlineData("No breach: outside every zone.", "outside every zone.")]
    [InlineData("Something else.", "Something else.")]
    public void The_servers_headline_is_not_said_twice(string summary, string expected) =>
        Assert.Equal(expected, Words.WithoutHeadline(summary));
}
