using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.OrderTests;

/// <summary>Curfew and exclusion windows on the force's wall clock, across midnight and summer time.</summary>
public class TimeWindowTests
{
    private static readonly ForceClock London = new(TimeProvider.System, ForceClock.FindZone("Europe/London"));
    private static readonly WeeklyWindow SaturdayNight = new(DayOfWeek.Saturday, new TimeOnly(21, 0), new TimeOnly(6, 0));

    private static bool Covers(WeeklyWindow window, string utc) =>
        window.Covers(London.ToLocal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).DateTime);

    [Theory]
    [InlineData("2026-11-28T20:59:00Z", false)]  // Saturday 20:59
    [InlineData("2026-11-28T21:00:00Z", true)]   // Saturday 21:00
    [InlineData("2026-11-28T23:59:00Z", true)]
    [InlineData("2026-11-29T00:00:00Z", true)]   // Sunday 00:00
    [InlineData("2026-11-29T05:59:00Z", true)]
    [InlineData("2026-11-29T06:00:00Z", false)]  // Sunday 06:00: over
    [InlineData("2026-11-29T21:30:00Z", false)]  // Sunday night is not Saturday night
    [InlineData("2026-11-28T03:00:00Z", false)]  // early Saturday belongs to Friday night
    public void An_overnight_window_runs_from_its_day_into_the_next_morning(string instant, bool covered)
    {
        Assert.Equal(covered, Covers(SaturdayNight, instant));
    }

    [Theory]
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026: the night is an hour shorter.
    [InlineData("2026-03-28T20:59:00Z", false)]  // 20:59 GMT
    [InlineData("2026-03-28T21:00:00Z", true)]   // 21:00 GMT
    [InlineData("2026-03-29T00:30:00Z", true)]   // 00:30 GMT
    [InlineData("2026-03-29T04:59:00Z", true)]   // 05:59 BST
    [InlineData("2026-03-29T05:00:00Z", false)]  // 06:00 BST: over, though only 8 hours have passed
    public void The_curfew_follows_the_wall_clock_when_summer_time_begins(string instant, bool covered)
    {
        Assert.Equal(covered, Covers(SaturdayNight, instant));
    }

    [Theory]
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026: the night is an hour longer.
    [InlineData("2026-10-24T19:59:00Z", false)]  // 20:59 BST
    [InlineData("2026-10-24T20:00:00Z", true)]   // 21:00 BST
    [InlineData("2026-10-25T05:59:00Z", true)]   // 05:59 GMT
    [InlineData("2026-10-25T06:00:00Z", false)]  // 06:00 GMT
    public void The_curfew_follows_the_wall_clock_when_summer_time_ends(string instant, bool covered)
    {
        Assert.Equal(covered, Covers(SaturdayNight, instant));
    }

    [Fact]
    public void A_daytime_window_covers_only_its_own_day_and_hours()
    {
        var school = new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(16, 0));
        Assert.True(Covers(school, "2026-11-30T08:00:00Z"));
        Assert.False(Covers(school, "2026-11-30T16:00:00Z"));
        Assert.False(Covers(school, "2026-12-01T10:00:00Z"));
    }

    [Fact]
    public void A_window_on_sunday_night_runs_into_monday()
    {
        var sunday = new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(22, 0), new TimeOnly(2, 0));
        Assert.True(Covers(sunday, "2026-11-30T01:00:00Z"));
        Assert.False(Covers(sunday, "2026-11-29T01:00:00Z"));
    }
}
