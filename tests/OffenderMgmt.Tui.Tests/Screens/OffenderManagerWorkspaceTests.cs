using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The offender manager's caseload and workload, on the demo manager's real caseload.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class OffenderManagerWorkspaceTests(DemoServerFactory server)
{
    private static bool Loaded(OffenderManagerWorkspace w) => w.AllCases.Count > 0 && w.Gauge.Workload is not null && !w.Calls.IsBusy;

    [Fact]
    public async Task The_caseload_opens_riskiest_first_and_sorts_by_next_check_with_F4_and_back_with_shift_F4()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        using var workspace = new OffenderManagerWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the caseload and workload are loaded", () => Loaded(workspace), () =>
            {
                var rows = workspace.Table.Rows;
                Assert.Equal(workspace.AllCases.Count, rows.Count);
                Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Risk >= p.Second.Risk), "riskiest first");
                Assert.Contains($"{rows.Count} cases", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains(rows[0].PersonName, terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Sort: risk ▼", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.F4);
            })
            .WhenScreenShows("Sort: next check ▲", () =>
            {
                var dues = workspace.Table.Rows.Select(r => r.NextCheckDue ?? DateOnly.MaxValue).ToList();
                Assert.Equal(dues.Order().ToList(), dues);
                var first = workspace.Table.Rows[0];
                // The date column gives way to the next check's words at 120 columns; the row says when in words.
                Assert.Contains(OffenderMgmt.Tui.Ui.Dates.Due(first.NextCheckDue, client.ContextFor(terminal.App).Today), terminal.LineWith(first.PersonName) ?? "", StringComparison.Ordinal);
                terminal.Press(Key.F4.WithShift);
            })
            .WhenScreenShows("Sort: next check ▼", () =>
            {
                var dues = workspace.Table.Rows.Select(r => r.NextCheckDue ?? DateOnly.MaxValue).ToList();
                Assert.Equal(dues.OrderDescending().ToList(), dues);
            })
            .Run(workspace);
    }

    private static readonly string[] Essential = ["Name", "Risk", "Next check", "When", "Overdue", "Breaches"];

    /// <summary>
    /// Issue 20 (T4): at 100x30 the Overdue column took room the "Next check" column needed. The
    /// essential columns (name, risk, what is due) and the counts stay; the next check is given
    /// every cell the table has to spare (no column is padded while it is cut), and the line under
    /// the table says the selected case's next check whole.
    /// </summary>
    [Theory]
    [InlineData(100, 30)]
    [InlineData(120, 40)]
    public async Task At_each_size_the_next_check_gets_the_room_and_no_column_is_padded_while_it_is_cut(int columns, int rows)
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = new OffenderManagerWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the caseload is loaded", () => Loaded(workspace), () =>
            {
                foreach (var essential in Essential)
                    Assert.Contains(essential, workspace.Table.VisibleHeaders);
                var header = terminal.LineWith("Next check")!;
                Assert.Contains("Overdue Breaches", header, StringComparison.Ordinal);  // nothing padded beside the counts
                var overdue = workspace.Table.Rows.First(r => r.OverdueChecks > 0);
                var line = terminal.LineWith(overdue.PersonName)!;
                Assert.Contains("⚠", line, StringComparison.Ordinal);
                // The row shows the next check whole at 120 columns, and cut only as far as the width forces at 100.
                var cell = line[header.IndexOf("Next check", StringComparison.Ordinal)..header.IndexOf("When", StringComparison.Ordinal)].Trim();
                if (columns >= 120) Assert.Equal(overdue.NextCheckKind, cell);
                else Assert.True(cell.Length >= 38, $"next check cut to \"{cell}\"\n{terminal.Screen()}");
                // The counts above the table are whole too.
                var all = workspace.AllCases;
                Assert.Contains($"{OffenderMgmt.Tui.Ui.Words.Count(all.Count, "case")} · {all.Sum(c => c.OverdueChecks)} overdue · " +
                                $"{OffenderMgmt.Tui.Ui.Words.Count(all.Sum(c => c.OpenBreaches), "breach", "breaches")}", terminal.LineWith("Filter") ?? "", StringComparison.Ordinal);
                Assert.True(workspace.Table.Select(overdue.ManagementId));
                // The two lines under the table say the selected case's next check whole.
                var under = string.Join(" ", terminal.Screen().Split('\n').SkipWhile(l => !l.Contains(overdue.PersonName + " ·", StringComparison.Ordinal)).Take(2)
                    .Select(l => l.Trim('│', ' ')));
                Assert.Contains($"next: {overdue.NextCheckKind}", under, StringComparison.Ordinal);
            })
            .Run(workspace);
    }

    private static string Dates(DateOnly? date) => OffenderMgmt.Tui.Ui.Dates.Iso(date);

    [Fact]
    public async Task Typing_a_filter_narrows_the_caseload_and_esc_clears_it()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        using var workspace = new OffenderManagerWorkspace(client.ContextFor(terminal.App));
        var word = "";

        terminal
            .When("the caseload is loaded", () => Loaded(workspace), () =>
            {
                word = workspace.AllCases.Select(c => c.AreaName).OfType<string>().GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key;
                terminal.Press(Key.F2);
                terminal.Type(word);
            })
            .When("the filter applies", () => workspace.Table.Rows.Count < workspace.AllCases.Count, () =>
            {
                Assert.All(workspace.Table.Rows, r => Assert.Contains(word, r.AreaName, StringComparison.OrdinalIgnoreCase));
                Assert.Contains($"{workspace.Table.Rows.Count} of {workspace.AllCases.Count} cases shown", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Esc);
            })
            .When("the filter is cleared", () => workspace.Table.Rows.Count == workspace.AllCases.Count, () =>
            {
                Assert.Equal("", workspace.Filter.Text);
                Assert.True(workspace.Table.HasFocus);
            })
            .Run(workspace);
    }

    [Fact]
    public async Task The_workload_gauge_shows_the_load_against_capacity()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.manager");
        var expected = await client.Gateways.Caseload.OfficerWorkloadAsync(session.OfficerId, Purpose.CaseManagement, CancellationToken.None);
        using var terminal = new HeadlessTerminal();
        using var workspace = new OffenderManagerWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the workload is loaded", () => Loaded(workspace), () =>
            {
                var line = terminal.LineWith("Workload") ?? "";
                Assert.Contains($"{expected.UtilisationPercent:0}% of capacity", line, StringComparison.Ordinal);
                Assert.Contains($"{expected.Cases} cases", line, StringComparison.Ordinal);
                Assert.Contains("█", line, StringComparison.Ordinal);
            })
            .Run(workspace);
    }
}
