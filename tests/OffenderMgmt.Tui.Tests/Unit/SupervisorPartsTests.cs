using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Supervisor;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>The supervisor's plain parts: the queue's rows, the overdue list's order and filter, the suggestion lines.</summary>
public sealed class SupervisorPartsTests
{
    private static readonly Handover NoHandover = new(0, null, null, 0, 0, null, null, null, null);

    private static OrphanedCase Item(string kind, string id, string person, string what, Risk risk = Risk.Medium) =>
        new(kind, id, person, $"Person {person}", what, risk, "DC Gone", null, NoHandover, false);

    [Fact]
    public void A_persons_case_and_the_order_waiting_with_it_are_one_row_of_the_queue()
    {
        var rows = QueueRows.Fold([Item("case", "c1", "p1", "IOM Fixed, high risk"), Item("order", "o1", "p1", "SHPO"), Item("order", "o2", "p2", "SCPO")]);

        Assert.Equal(["c1", "o2"], rows.Select(r => r.Id));
        Assert.Equal("IOM Fixed, high risk + SHPO", rows[0].Description);
        Assert.Equal(["o1"], rows[0].Companions.Select(c => c.Id));
        Assert.Equal("1 case and 2 orders", QueueRows.CountOf(rows));
    }

    private static CheckRow Check(string id, string person, int late, string? officer) =>
        new(id, person, $"Person {person}", "Home visit", null, null, null, true, "open", null, null, officer, late, null, null, null, null, 1);

    [Fact]
    public void Overdue_checks_sort_by_risk_then_lateness_and_filter_to_one_officer_or_the_team_queue()
    {
        var risks = new Dictionary<string, Risk> { ["p1"] = Risk.Low, ["p2"] = Risk.VeryHigh, ["p3"] = Risk.High };
        Risk RiskOf(string person) => risks.GetValueOrDefault(person);
        CheckRow[] checks = [Check("a", "p1", 40, "DC One"), Check("b", "p2", 3, "DC Two"), Check("c", "p3", 10, null), Check("d", "p2", 9, "DC One")];

        Assert.Equal(["a", "c", "d", "b"], new OverdueQuery().Apply(checks, RiskOf).Select(c => c.Id));
        var byRisk = new OverdueQuery().SortedBy(OverdueSort.Risk);
        Assert.Equal(["d", "b", "c", "a"], byRisk.Apply(checks, RiskOf).Select(c => c.Id));
        Assert.Equal(["a", "c", "d", "b"], byRisk.SortedBy(OverdueSort.Risk).Apply(checks, RiskOf).Select(c => c.Id));
        Assert.Equal(["a", "d"], new OverdueQuery(Officer: "DC One").Apply(checks, RiskOf).Select(c => c.Id));
        Assert.Equal(["c"], new OverdueQuery(Officer: OverdueQuery.TeamQueue).Apply(checks, RiskOf).Select(c => c.Id));
    }

    [Fact]
    public void A_suggestion_line_shows_the_load_now_and_after_and_ticks_only_what_the_server_made_eligible()
    {
        var within = ReallocateDialog.Describe(new OwnerSuggestion("1", "DC Able", null, 80, 92, true, true, true, null));
        var over = ReallocateDialog.Describe(new OwnerSuggestion("2", "DC Busy", null, 95, 121, true, false, false, "DC Busy would be at 121% of capacity after the move (over 100%)."));

        Assert.StartsWith("✔ DC Able", within, StringComparison.Ordinal);
        Assert.Contains("80% →   92%", within, StringComparison.Ordinal);
        Assert.StartsWith("✖ DC Busy", over, StringComparison.Ordinal);
        Assert.Contains(" 121%  would be at 121% of capacity after the move", over, StringComparison.Ordinal);
        Assert.Contains("after the move", over, StringComparison.Ordinal);
    }
}
