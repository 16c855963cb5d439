using OffenderMgmt.Tui.Ui;

namespace OffenderMgmt.Tui.Tests.Unit;

public sealed class UtilisationBarTests
{
    [Theory]
    [InlineData(0, "          │    ")]
    [InlineData(75, "███████▌  │    ")]
    [InlineData(100, "██████████│    ")]
    [InlineData(150, "███████████████")]
    [InlineData(400, "███████████████")]
    public void The_bar_is_as_wide_as_the_load_with_a_mark_at_capacity(double percent, string expected)
    {
        Assert.Equal(expected, UtilisationBar.Render(percent, 15));
    }

    [Fact]
    public void A_part_step_shows_as_an_eighth_block()
    {
        Assert.Equal("█▋ │", UtilisationBar.Render(60, 4));  // 60% of a 150% bar of 4 is 1.6 cells; the mark at 100% is the 3rd cell
    }

    [Theory]
    [InlineData(50, false, LoadLevel.Fine)]
    [InlineData(95, false, LoadLevel.Near)]
    [InlineData(111, false, LoadLevel.Over)]
    [InlineData(111, true, LoadLevel.Excessive)]
    public void How_a_load_reads(double percent, bool excessive, LoadLevel level)
    {
        Assert.Equal(level, UtilisationBar.Level(percent, 110, excessive));
    }
}
