using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Common;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>MAPPA minutes as text (MAPPA Guidance 2012, ch. 13: decision, level, owned actions, disclosure considered and why).</summary>
public sealed class MappaMinutesTextTests
{
    private static readonly MappaMeetingRow Meeting = new("m1", 3, new DateOnly(2026, 11, 30), "DI Chair", ["Police", "Probation"], false, 4, null,
    [
        new("case-a", "p-a", "First Case", 1, 3, Risk.VeryHigh, ["review due"], [], null, null),
        new("case-b", "p-b", "Second Case", 2, 2, Risk.High, ["breach"], [], null, null),
    ], [], null);

    [Fact]
    public void The_template_has_a_block_for_each_case_and_unfilled_blocks_are_not_minuted()
    {
        var text = MappaMinutesText.Template(Meeting).Replace("# 1. First Case (category 1, level 3)\ndecision: ", "# 1. First Case (category 1, level 3)\ndecision: Stay at level 3", StringComparison.Ordinal);

        var (cases, problem) = MappaMinutesText.ParseCases(text, Meeting);

        Assert.Null(problem);
        var minuted = Assert.Single(cases);
        Assert.Equal(("case-a", "Stay at level 3", 3, false), (minuted.ManagementId, minuted.Decision, minuted.Level, minuted.DisclosureConsidered));
    }

    [Fact]
    public void Actions_levels_and_a_disclosure_decision_are_read_from_the_block()
    {
        var text = """
            # 2. Second Case (category 2, level 2)
            decision: Move to level 1 management.
            level: 1
            action: Home visit with probation; Probation; due 2026-12-07
            disclosure: yes, do not disclose: the new partner already knows of the convictions
            """;

        var (cases, problem) = MappaMinutesText.ParseCases(text, Meeting);

        Assert.Null(problem);
        var c = Assert.Single(cases);
        Assert.Equal("case-b", c.ManagementId);
        Assert.Equal(1, c.Level);
        Assert.Equal(new MappaActionRow("Home visit with probation", "Probation", null, new DateOnly(2026, 12, 7), false), Assert.Single(c.Actions));
        Assert.True(c.DisclosureConsidered);
        Assert.False(c.Disclose);
        Assert.Equal("the new partner already knows of the convictions", c.DisclosureRationale);
    }

    [Theory]
    [InlineData("# 1. First Case\ndecision: x\nlevel: 4", "level should be 1, 2 or 3")]
    [InlineData("# 1. First Case\ndecision: x\naction: visit; Probation", "an action reads")]
    [InlineData("# 1. First Case\ndecision: x\ndisclosure: yes", "disclosure: yes, disclose")]
    [InlineData("# 1. First Case\ndecision: x\ndisclosure: yes, disclose", "say why disclosure")]
    [InlineData("# 9. Nobody\ndecision: x", "does not name a case")]
    [InlineData("# 1. First Case\ndecision: \n# 2. Second Case\ndecision: ", "at least one case")]
    public void A_block_that_cannot_be_read_says_what_to_change(string text, string problem)
    {
        var (cases, said) = MappaMinutesText.ParseCases(text, Meeting);

        Assert.Empty(cases);
        Assert.Contains(problem, said, StringComparison.Ordinal);
    }

    [Fact]
    public void Attendees_are_agency_then_name_and_at_least_one_is_needed()
    {
        Assert.Equal([("Police", "DI Chair"), ("Probation", "A Officer")], MappaMinutesText.ParseAttendees("Police; DI Chair\nProbation; A Officer").Attendees);
        Assert.Contains("agency; name", MappaMinutesText.ParseAttendees("Just a name").Problem, StringComparison.Ordinal);
        Assert.Contains("at least one", MappaMinutesText.ParseAttendees("  ").Problem, StringComparison.Ordinal);
    }
}
