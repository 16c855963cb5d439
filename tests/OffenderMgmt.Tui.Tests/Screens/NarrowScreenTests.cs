using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Issue 20: the client works at 100x30 with nothing essential lost. The shortcut bar cut its
/// last keys at the right edge (the manager's "F5 Refres" with Ctrl+Q gone), and the status
/// line cut a long message under the connection text.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class NarrowScreenTests(DemoServerFactory server)
{
    private static string[] Rows(HeadlessTerminal terminal) => terminal.Screen().Split('\n');

    /// <summary>The bar's row: the last but one (the window's bottom border is the last).</summary>
    private static string BarRow(HeadlessTerminal terminal)
    {
        var rows = Rows(terminal).Select(r => r.TrimEnd('\r')).Where(r => r.Length > 0).ToArray();
        return rows[^2];
    }

    [Theory]
    [InlineData("demo.manager")]
    [InlineData("demo.officer")]
    [InlineData("demo.supervisor")]
    [InlineData("demo.analyst")]
    [InlineData("demo.admin")]
    [InlineData("demo.partner")]
    public async Task At_100x30_the_shortcut_bar_shows_help_and_quit_and_no_shortcut_cut_and_F1_lists_those_left_off(string username)
    {
        using var client = new TestClient(server);
        await client.SignInAsync(username);
        using var terminal = new HeadlessTerminal(100, 30);
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsAssignableFrom<WorkspaceWindow>(opened);

        terminal
            .When("the workspace has loaded", () => !workspace.Calls.IsBusy && workspace.ShortcutBar!.Frame.Width > 0, () =>
            {
                var bar = BarRow(terminal).Trim('│', ' ');
                Assert.StartsWith("F1  Help", bar, StringComparison.Ordinal);
                Assert.EndsWith("Ctrl+Q  Quit", bar, StringComparison.Ordinal);
                var hidden = workspace.ShortcutBar!.Hidden.ToList();
                foreach (var s in workspace.ShortcutBar.All.Except(hidden))
                    Assert.Contains($"{s.Key}  {s.Title}", bar, StringComparison.Ordinal);
                foreach (var s in hidden)
                    Assert.Contains($"{s.Key} {s.Title}", workspace.HelpText, StringComparison.Ordinal);
            })
            .Run(workspace);
    }

    /// <summary>A shortcut the narrow bar leaves off keeps its key: the local officer's export (F4) still opens its dialog.</summary>
    [Fact]
    public async Task At_100x30_a_shortcut_left_off_the_bar_still_works_by_its_key()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        using var terminal = new HeadlessTerminal(100, 30);
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsAssignableFrom<WorkspaceWindow>(opened);
        Terminal.Gui.Views.Shortcut? hidden = null;

        terminal
            .When("the workspace has loaded", () => !workspace.Calls.IsBusy && workspace.ShortcutBar!.Hidden.Any(), () =>
            {
                hidden = workspace.ShortcutBar!.Hidden.First(s => s.Key != Key.F5);
                Assert.DoesNotContain($"{hidden.Key}  {hidden.Title}", BarRow(terminal), StringComparison.Ordinal);
                terminal.Press(hidden.Key);
            })
            .When("its dialog opened", () => terminal.App.TopRunnable is { } top && top != workspace, () => terminal.App.RequestStop(terminal.App.TopRunnable))
            .When("back on the workspace", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);
    }

    /// <summary>A long message is said whole on two lines, and the connection keeps its symbol.</summary>
    [Fact]
    public async Task At_100x30_a_long_status_message_is_shown_whole_on_two_lines_before_the_connection()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(100, 30);
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsAssignableFrom<WorkspaceWindow>(opened);
        const string message = "64 items moved from DC Richard Byrne are now in the orphaned queue of the team, to be reallocated by a supervisor";

        terminal
            .When("the workspace has loaded", () => !workspace.Calls.IsBusy, () => workspace.StatusLine.Info(message))
            .When("the message is on two lines", () => workspace.StatusLine.Rows == 2, () =>
            {
                var rows = Rows(terminal);
                var at = Array.FindIndex(rows, r => r.Contains("64 items moved", StringComparison.Ordinal));
                Assert.True(at > 0, terminal.Screen());
                var shown = string.Join(" ", rows.Skip(at).Take(2).Select(r => r.Replace("●", "", StringComparison.Ordinal).Trim('│', ' ', '\r')));
                Assert.Equal(message, shown);
                Assert.Contains("●", rows[at], StringComparison.Ordinal);
                Assert.EndsWith("Ctrl+Q  Quit", BarRow(terminal).Trim('│', ' '), StringComparison.Ordinal);
                workspace.StatusLine.Info("Short again.");
            })
            .When("a short message takes one line again, with the user", () => workspace.StatusLine.Rows == 1, () =>
                Assert.Contains("Short again.", terminal.LineWith("● online · demo.manager") ?? "", StringComparison.Ordinal))
            .Run(workspace);
    }

    /// <summary>The person window's bar cut "F6 N…" even at 120x40: it keeps Esc and F6 whole, and F1 lists every key.</summary>
    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public async Task The_person_windows_bar_keeps_back_and_next_tab_whole_and_F1_lists_every_key(int columns, int rows)
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var personId = await server.OwnCaseWithAnOrder("demo.manager");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var window = new PersonWindow(client.ContextFor(terminal.App), personId, "the person", Purpose.CaseManagement);

        terminal
            .When("the record is loaded", () => window.Record is not null && !window.Calls.IsBusy && window.ShortcutBar.Frame.Width > 0, () =>
            {
                var bar = BarRow(terminal).Trim('│', ' ');
                Assert.StartsWith("Esc  Back", bar, StringComparison.Ordinal);
                Assert.EndsWith("F6  Next tab", bar, StringComparison.Ordinal);
                var hidden = window.ShortcutBar.Hidden.ToList();
                foreach (var s in window.ShortcutBar.All.Except(hidden))
                    Assert.Contains($"{s.Key}  {s.Title}", bar, StringComparison.Ordinal);
                foreach (var s in hidden)
                    Assert.Contains($"{s.Key} {s.Title}", window.KeysText, StringComparison.Ordinal);
            })
            .Run(window);
    }

    /// <summary>Whether <paramref name="text"/> is on screen whole, on one row or wrapped over consecutive rows.</summary>
    private static bool ShownWhole(HeadlessTerminal terminal, string text)
    {
        text = text.Replace('\u00A0', ' ');
        var rows = Rows(terminal).Select(r => r.Replace('\u00A0', ' ').Trim('│', ' ', '\r')).ToArray();
        for (var i = 0; i < rows.Length; i++)
            for (var n = 1; n <= 2 && i + n <= rows.Length; n++)
                if (string.Join(" ", rows.Skip(i).Take(n)).Contains(text, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The supervisor's team line, the orphaned queue's hint and the window title are said whole at 100x30, the counts first.</summary>
    [Fact]
    public async Task At_100x30_the_supervisors_summary_lines_and_title_are_whole()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new OffenderMgmt.Tui.Workspaces.Supervisor.SupervisorWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the team is loaded", () => workspace.Team.Rows.Count > 0 && !workspace.Calls.IsBusy, () =>
            {
                Assert.Matches(@"^\d+ officers · \d+ orphaned items? · ", workspace.TeamLine);
                Assert.True(ShownWhole(terminal, workspace.TeamLine), terminal.Screen());
                Assert.True(ShownWhole(terminal, client.Connection.Session!.Describe()), terminal.Screen());
                terminal.Press(Key.D2.WithAlt);
            })
            .When("the orphaned queue is showing", () => !workspace.Calls.IsBusy && workspace.OrphanedLine.Contains("waiting", StringComparison.Ordinal) && terminal.Screen().Contains("Was with", StringComparison.Ordinal) || workspace.OrphanedLine == "The queue is empty.", () =>
                Assert.True(ShownWhole(terminal, workspace.OrphanedLine), terminal.Screen()))
            .Run(workspace);
    }

    /// <summary>The partner's IOM agenda line ended "Enter records a" at 100x30: it is whole, the counts first.</summary>
    [Fact]
    public async Task At_100x30_the_iom_agenda_line_is_whole_with_its_counts_first()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.partner");
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new OffenderMgmt.Tui.Workspaces.Partner.PartnerWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the agenda is loaded", () => workspace.Review.Agenda.Rows.Count > 0 && !workspace.Calls.IsBusy, () =>
            {
                Assert.Matches(@"^\d+ to discuss, \d+ decided · ", workspace.Review.Line);
                Assert.EndsWith("Enter records a decision", workspace.Review.Line, StringComparison.Ordinal);
                Assert.True(ShownWhole(terminal, workspace.Review.Line), terminal.Screen());
            })
            .Run(workspace);
    }

    /// <summary>The manager's workload line ended "52 c…" at 100x30: the bar gives way so the figures are whole.</summary>
    [Fact]
    public async Task At_100x30_the_managers_workload_figures_are_whole()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new OffenderMgmt.Tui.Workspaces.OffenderManager.OffenderManagerWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the workload is loaded", () => workspace.Gauge.Workload is not null && !workspace.Calls.IsBusy, () =>
            {
                Assert.Contains(workspace.Gauge.Summary, terminal.LineWith("Workload ") ?? "", StringComparison.Ordinal);
                Assert.True(ShownWhole(terminal, client.Connection.Session!.Describe()), terminal.Screen());
            })
            .Run(workspace);
    }

    /// <summary>The analyst's report lost its "completed" and "on time %" columns and cut the chart's labels at 100x30.</summary>
    [Fact]
    public async Task At_100x30_a_report_keeps_every_figure_column_and_its_chart_labels_whole()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.analyst");
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new OffenderMgmt.Tui.Workspaces.Analyst.ReportsWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the report is loaded", () => workspace.Panel.Report is { Measures.Count: > 1 } && !workspace.Calls.IsBusy, () =>
            {
                var report = workspace.Panel.Report!;
                Assert.EndsWith($"counts under {report.Threshold} hidden (<{report.Threshold})", workspace.Panel.Title2, StringComparison.Ordinal);
                Assert.Contains($"counts under {report.Threshold} hidden (<{report.Threshold})", terminal.Screen(), StringComparison.Ordinal);
                var header = terminal.LineWith(report.Dimensions[0]) ?? "";
                foreach (var measure in report.Measures)
                    Assert.Contains(measure, header, StringComparison.Ordinal);
                var bars = workspace.Panel.ChartLines.Where(l => l.Contains('│')).ToList();
                Assert.NotEmpty(bars);
                Assert.All(bars, l => Assert.DoesNotContain("…", l.Split('│')[0], StringComparison.Ordinal));
                var drawn = Rows(terminal).Where(r => r.Contains(" │█", StringComparison.Ordinal) || r.Contains(" │ (", StringComparison.Ordinal)).ToList();
                Assert.True(drawn.Count >= bars.Count / 2, terminal.Screen());
                Assert.Single(drawn.Select(r => r.IndexOf(" │", 40, StringComparison.Ordinal)).Distinct());  // the bars line up
                // The chart scrolls: the rows on screen are whole, and most of them are on screen.
                var onScreen = bars.Where(l => terminal.Screen().Contains(l[..Math.Min(l.Length, 30)], StringComparison.Ordinal)).ToList();
                Assert.True(onScreen.Count >= bars.Count / 2, terminal.Screen());
                Assert.All(onScreen, l => Assert.True(ShownWhole(terminal, l.TrimEnd()), terminal.Screen()));
            })
            .Run(workspace);
    }
}
