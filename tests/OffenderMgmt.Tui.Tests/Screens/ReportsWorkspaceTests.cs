using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Analyst;
using OffenderMgmt.Tui.Workspaces.Retention;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using OffenderMgmt.Tui.App;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The analyst's reports (issue 19): a table, a bar chart in block characters, CSV export; and the supervisor's way in (F9).</summary>
[Collection(SharedDemoServer.Name)]
public sealed class ReportsWorkspaceTests(DemoServerFactory server)
{
    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public async Task An_analyst_picks_a_report_sees_its_table_and_bars_and_exports_it_as_CSV(int columns, int rows)
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.analyst");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = new ReportsWorkspace(client.ContextFor(terminal.App));
        var folder = Directory.CreateTempSubdirectory("reports-export-").FullName;
        string? saved = null;
        try
        {
            terminal
                .When("the first report is showing", () => workspace.Panel.Report is { Kind: ReportChoice.Compliance } && !workspace.Calls.IsBusy, () =>
                {
                    Assert.NotEmpty(workspace.Panel.Table.Rows);
                    Assert.Contains("fewer than 5", terminal.Screen(), StringComparison.Ordinal);
                    Assert.Contains(workspace.Panel.ChartLines, l => l.Contains('█'));
                    workspace.Panel.Choices.SetFocus();
                    terminal.Press(Key.CursorDown);
                })
                .When("the overdue report is showing", () => workspace.Panel.Report is { Kind: ReportChoice.Overdue } && !workspace.Calls.IsBusy, () =>
                {
                    Assert.Contains("overdue today", terminal.Screen(), StringComparison.OrdinalIgnoreCase);
                    Assert.Contains("█", terminal.Screen(), StringComparison.Ordinal);
                    terminal.Press(Key.F6);
                })
                .WhenShowing<ExportReportDialog>(dialog =>
                {
                    dialog.Path.Text = folder;
                    _ = dialog.SubmitAsync();
                })
                .When("the file is saved", () => workspace.StatusLine.Message.Contains("Saved", StringComparison.Ordinal), () =>
                    saved = Directory.GetFiles(folder).SingleOrDefault())
                .Run(workspace);

            Assert.NotNull(saved);
            var csv = await File.ReadAllLinesAsync(saved);
            Assert.Equal("check kind,team,overdue", csv[0]);
            Assert.Equal(workspace.Panel.Table.Rows.Count + 1, csv.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public async Task A_supervisor_opens_the_reports_with_F9_and_the_review_of_records_with_shift_F9(int columns, int rows)
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        Assert.IsType<SupervisorWorkspace>(workspace);

        terminal
            .When("the workspace is loaded", () => !workspace.Calls.IsBusy && ((SupervisorWorkspace)workspace).Team.Rows.Count > 0, () => terminal.Press(Key.F9))
            .When("the reports show", () => terminal.App.TopRunnable is ReportsWindow { Panel.Report: not null, Calls.IsBusy: false }, () =>
            {
                Assert.Contains("Reports", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Esc);
            })
            .When("the workspace is back", () => terminal.App.TopRunnable == workspace, () => terminal.Press(Key.F9.WithShift))
            .When("the review shows", () => terminal.App.TopRunnable is RetentionWindow { Calls.IsBusy: false } w && w.Panel.Due.EmptyText.Length > 0
                                            && terminal.Screen().Contains("due for review", StringComparison.Ordinal), () => terminal.Press(Key.Esc))
            .When("the workspace is back again", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);
    }

    [Fact]
    public void Bars_are_drawn_in_eighths_of_a_cell_and_never_overflow()
    {
        Assert.Equal("██████████", BlockBars.Render(50, 50, 10));
        Assert.Equal("█████", BlockBars.Render(25, 50, 10));
        Assert.Equal("▏", BlockBars.Render(0.01, 50, 10));
        Assert.Equal("", BlockBars.Render(0, 50, 10));
        Assert.Equal("██████████", BlockBars.Render(80, 50, 10));
        Assert.Equal("██▌", BlockBars.Render(25, 100, 10));
    }

    [Fact]
    public void A_hidden_figure_gets_its_words_and_no_bar()
    {
        var report = new ReportView(ReportChoice.Breaches, "t", null, null, ["type"], ["breaches"],
            [new("0", ["CBO"], [new ReportFigure(0, true, "fewer than 5")]), new("1", ["SHPO"], [new ReportFigure(12, false, "12")])], 5, []);
        var lines = ReportsPanel.Chart(report, 12);
        Assert.Equal("CBO\u00A0 │ (fewer than 5)", lines[1]);
        Assert.Equal("SHPO │████████████ 12", lines[2]);
    }

    [Fact]
    public void Every_report_choice_has_a_wire_value()
    {
        foreach (var choice in Enum.GetValues<ReportChoice>()) Assert.True(ReportsGateway.Kinds.ContainsKey(choice), choice.ToString());
        Assert.Equal(Enum.GetValues<Contracts.V1.ReportKind>().Length - 1, ReportsGateway.Kinds.Values.Distinct().Count());
    }
}
