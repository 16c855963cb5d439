using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// "At 100x30 some client layouts are cut" (review of issue 20): every workspace, each of its
/// tabs, and the dialogs opened from them fit the 100x30 screen the README promises, with no
/// view off the screen or out of its pane and no label's text cut short (<see cref="LayoutCheck"/>).
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class FitAt100x30Tests(DemoServerFactory server)
{
    private const int Columns = 100;
    private const int Rows = 30;

    /// <summary>True once the calls are done and at least a moment has passed since <paramref name="since"/> (a key's load has started).</summary>
    private static bool Settled(WorkspaceWindow workspace, DateTime since) =>
        !workspace.Calls.IsBusy && DateTime.UtcNow - since > TimeSpan.FromMilliseconds(300) && workspace.App?.TopRunnable == workspace;

    [Theory]
    [InlineData("demo.manager", 0)]
    [InlineData("demo.supervisor", 5)]
    [InlineData("demo.analyst", 0)]
    [InlineData("demo.admin", 0)]
    [InlineData("demo.partner", 2)]
    public async Task At_100x30_nothing_in_the_workspace_or_its_tabs_is_cut(string username, int tabs)
    {
        using var client = new TestClient(server);
        await client.SignInAsync(username);
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsAssignableFrom<WorkspaceWindow>(opened);
        var since = DateTime.UtcNow;

        terminal.When("the workspace has loaded", () => Settled(workspace, since), () => LayoutCheck.AssertNothingCut(terminal, workspace));
        for (var tab = 2; tab <= tabs; tab++)
        {
            var key = (Key)(Terminal.Gui.Drivers.KeyCode.D0 + (uint)tab);
            terminal
                .When($"on to tab {tab}", () => true, () => { since = DateTime.UtcNow; terminal.Press(key.WithAlt); })
                .When($"tab {tab} has loaded", () => Settled(workspace, since) && !terminal.Screen().Contains("Loading", StringComparison.Ordinal),
                    () => LayoutCheck.AssertNothingCut(terminal, workspace));
        }
        terminal.Run(workspace, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task At_100x30_nothing_in_the_local_officers_beat_picker_briefing_or_tabs_is_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        var since = DateTime.UtcNow;

        terminal
            .When("the picker has its beats", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: > 1 }, () =>
            {
                LayoutCheck.AssertNothingCut(terminal, (BeatPickerDialog)terminal.App.TopRunnable!);
                terminal.Type("high t");
            })
            .When("the list narrows to one beat", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: 1 }, () => terminal.Press(Key.Enter))
            .When("the briefing is shown", () => workspace.Briefing is not null && Settled(workspace, since), () => LayoutCheck.AssertNothingCut(terminal, workspace));
        foreach (var tab in new[] { Key.D2, Key.D3 })
            terminal
                .When($"on to {tab}", () => true, () => { since = DateTime.UtcNow; terminal.Press(tab.WithAlt); })
                .When($"{tab} is shown", () => Settled(workspace, since), () => LayoutCheck.AssertNothingCut(terminal, workspace));
        terminal.Run(workspace, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task At_100x30_nothing_in_a_persons_record_or_its_tabs_is_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var personId = await server.OwnCaseWithAnOrder("demo.manager");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var window = new PersonWindow(client.ContextFor(terminal.App), personId, "the person", Purpose.CaseManagement);
        var since = DateTime.UtcNow;
        bool Loaded() => window.Record is not null && !window.Calls.IsBusy && DateTime.UtcNow - since > TimeSpan.FromMilliseconds(300);

        terminal.When("the record is loaded", Loaded, () => LayoutCheck.AssertNothingCut(terminal, window));
        for (var tab = 2; tab <= 8; tab++)
        {
            var key = (Key)(Terminal.Gui.Drivers.KeyCode.D0 + (uint)tab);
            terminal
                .When($"on to tab {tab}", () => true, () => { since = DateTime.UtcNow; terminal.Press(key.WithAlt); })
                .When($"tab {tab} is shown", Loaded, () => LayoutCheck.AssertNothingCut(terminal, window));
        }
        terminal.Run(window, TimeSpan.FromSeconds(60));
    }

    /// <summary>True once the screen has not changed for a moment (a dialog's own load drawn, the spinner gone).</summary>
    private sealed class Steady(HeadlessTerminal terminal)
    {
        private string _last = "";
        private DateTime _since = DateTime.UtcNow;

        public bool Now()
        {
            var screen = terminal.Screen();
            if (screen != _last)
            {
                _last = screen;
                _since = DateTime.UtcNow;
                return false;
            }
            return DateTime.UtcNow - _since > TimeSpan.FromMilliseconds(400) && !screen.Contains("(Esc cancels)", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Steps that open a dialog (or window) with <paramref name="open"/>, note what it cuts once it
    /// is drawn, and close it without saving anything; back on <paramref name="under"/> when done.
    /// </summary>
    private static void Check<T>(HeadlessTerminal terminal, List<string> cuts, View under, string what, Action open, Func<T, bool>? ready = null)
        where T : View
    {
        var steady = new Steady(terminal);
        terminal
            .When($"{under.GetType().Name} is on top before {what}", () => terminal.App.TopRunnable == under && steady.Now(), open)
            .When($"{what} is showing and drawn", () => terminal.App.TopRunnable is T d && (ready?.Invoke(d) ?? true) && steady.Now(), () =>
            {
                var top = (View)terminal.App.TopRunnable!;
                var found = LayoutCheck.Cuts(top, Columns, Rows);
                if (found.Count > 0) cuts.Add($"{what}:\n    {string.Join("\n    ", found)}\n{terminal.Screen()}");
                terminal.App.RequestStop(terminal.App.TopRunnable);
            });
    }

    /// <summary>Notes what <paramref name="view"/> cuts as it stands now.</summary>
    private static void Note(HeadlessTerminal terminal, List<string> cuts, View view, string what)
    {
        var found = LayoutCheck.Cuts(view, Columns, Rows);
        if (found.Count > 0) cuts.Add($"{what}:\n    {string.Join("\n    ", found)}\n{terminal.Screen()}");
    }

    private static void AssertNone(List<string> cuts) => Assert.True(cuts.Count == 0, $"At {Columns}x{Rows}:\n{string.Join("\n", cuts)}");

    [Fact]
    public async Task At_100x30_the_offender_managers_dialogs_and_the_persons_are_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new Workspaces.OffenderManager.OffenderManagerWorkspace(client.ContextFor(terminal.App));
        var cuts = new List<string>();
        Check<NoteContactDialog>(terminal, cuts, workspace, "note a contact (F9)", () => terminal.Press(Key.F9));
        Check<RecordOutcomeDialog>(terminal, cuts, workspace, "record a check outcome (F7)", () => terminal.Press(Key.F7));
        Check<RecordBreachDialog>(terminal, cuts, workspace, "record a breach (F8)", () => terminal.Press(Key.F8));
        Check<FindPersonDialog>(terminal, cuts, workspace, "find a person (F3)", () => { terminal.Press(Key.F3); terminal.Type("smith"); });
        PersonWindow? person = null;
        terminal
            .When("back on the caseload", () => terminal.App.TopRunnable == workspace && !workspace.Calls.IsBusy, () => terminal.Press(Key.Enter))
            .When("the person's record is open", () => terminal.App.TopRunnable is PersonWindow { Record: not null } p && !p.Calls.IsBusy, () =>
            {
                person = (PersonWindow)terminal.App.TopRunnable!;
                Note(terminal, cuts, person, "the person's record");
            });
        var steady = new Steady(terminal);
        terminal
            .When("the record is drawn", () => person is not null && steady.Now(), () => terminal.Press(Key.D7.WithAlt))
            .When("the notification tab is drawn", () => steady.Now(), () => terminal.Press(Key.F4))
            .When("record a notification (F4) is drawn", () => terminal.App.TopRunnable is RecordNotificationDialog && steady.Now(), () =>
            {
                Note(terminal, cuts, (View)terminal.App.TopRunnable!, "record a notification (F4)");
                terminal.App.RequestStop(terminal.App.TopRunnable);
            })
            .When("back on the record", () => terminal.App.TopRunnable == person && steady.Now(), () => terminal.App.RequestStop(person))
            .When("back on the caseload at the end", () => terminal.App.TopRunnable == workspace, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task At_100x30_the_supervisors_dialogs_are_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new Workspaces.Supervisor.SupervisorWorkspace(client.ContextFor(terminal.App));
        var cuts = new List<string>();
        terminal.When("the team is loaded", () => workspace.Team.Rows.Count > 0 && !workspace.Calls.IsBusy, () => { });
        Check<Workspaces.Supervisor.MoveCasesDialog>(terminal, cuts, workspace, "move cases (F6)", () => terminal.Press(Key.F6));
        Check<Workspaces.Supervisor.OfficerWorkloadDialog>(terminal, cuts, workspace, "an officer's workload (Enter)", () => terminal.Press(Key.Enter));
        Check<Ui.ConfirmDialog>(terminal, cuts, workspace, "officer left, still in post (F8)", () => terminal.Press(Key.F8));
        terminal
            .When("back on the workspace at the end", () => terminal.App.TopRunnable == workspace, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task At_100x30_the_dialogs_over_the_supervisors_windows_are_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        var context = client.ContextFor(terminal.App);
        var cuts = new List<string>();
        using (var grants = new Workspaces.Supervisor.AnalystGrantsWindow(context))
        {
            Check<Workspaces.Supervisor.GrantAnalystDialog>(terminal, cuts, grants, "grant an analyst (F7)", () => terminal.Press(Key.F7), d => d.AnalystsLoaded);
            terminal.When("back on the grants", () => terminal.App.TopRunnable == grants, () => terminal.App.RequestStop(grants)).Run(grants, TimeSpan.FromSeconds(60));
        }
        using var workspace = new Workspaces.Supervisor.SupervisorWorkspace(context);
        var steady = new Steady(terminal);
        terminal
            .When("the team is loaded", () => workspace.Team.Rows.Count > 0 && !workspace.Calls.IsBusy, () => terminal.Press(Key.D5.WithAlt))
            .When("the meetings are loaded", () => workspace.Mappa.Meetings.Rows.Count > 0 && !workspace.Calls.IsBusy, () =>
                Assert.True(workspace.Mappa.Meetings.Select(workspace.Mappa.Meetings.Rows.First(m => !m.Minuted && m.HeldOn <= context.Today).Id)))
            .When("the held meeting's agenda is loaded", () => workspace.Mappa.Meeting is { Minuted: false } m && m.HeldOn <= context.Today && !workspace.Calls.IsBusy && steady.Now(),
                () => terminal.Press(Key.F7))
            .When("record the minutes (F7) is drawn", () => terminal.App.TopRunnable is MappaMinutesDialog && steady.Now(), () =>
            {
                Note(terminal, cuts, (View)terminal.App.TopRunnable!, "record a MAPPA meeting's minutes (F7)");
                terminal.App.RequestStop(terminal.App.TopRunnable);
            })
            .When("back on the workspace at the end", () => terminal.App.TopRunnable == workspace, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task At_100x30_the_local_officers_dialogs_are_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        var cuts = new List<string>();
        terminal
            .WhenShowing<BeatPickerDialog>(_ => terminal.Type("high t"))
            .When("the list narrows to one beat", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: 1 }, () => terminal.Press(Key.Enter))
            .When("the briefing is shown", () => workspace.Briefing is not null && !workspace.Calls.IsBusy && terminal.App.TopRunnable == workspace, () => { });
        var steady = new Steady(terminal);
        terminal
            .When("the excluded are shown", () => steady.Now(), () => { terminal.Press(Key.D2.WithAlt); terminal.Press(Key.F7); })
            .When("check a sighting (F7) is drawn", () => terminal.App.TopRunnable is CheckSightingDialog && steady.Now(), () => ((CheckSightingDialog)terminal.App.TopRunnable!).SubmitAsync())
            .When("its verdict is drawn", () => terminal.App.TopRunnable is CheckSightingDialog { Verdict: not null } && steady.Now(), () =>
            {
                Note(terminal, cuts, (View)terminal.App.TopRunnable!, "check a sighting (F7), its verdict");
                terminal.App.RequestStop(terminal.App.TopRunnable);
            });
        Check<NearHereDialog>(terminal, cuts, workspace, "near here (F9)", () => terminal.Press(Key.F9));
        Check<ExportBriefingDialog>(terminal, cuts, workspace, "export the briefing (F4)", () => terminal.Press(Key.F4));
        Check<BeatPickerDialog>(terminal, cuts, workspace, "pick a beat (F2)", () => terminal.Press(Key.F2));
        terminal
            .When("back on the workspace at the end", () => terminal.App.TopRunnable == workspace, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task At_100x30_the_administrators_search_its_results_and_the_analysts_export_are_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.admin");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new Workspaces.Admin.AuditWorkspace(client.ContextFor(terminal.App));
        var cuts = new List<string>();
        var steady = new Steady(terminal);
        terminal.When("the trail is loaded", () => workspace.Entries.Rows.Count > 0 && !workspace.Calls.IsBusy, () => { });
        Check<Workspaces.Admin.AuditFilterDialog>(terminal, cuts, workspace, "search the audit trail (F2)", () => terminal.Press(Key.F2));
        terminal
            .When("the trail again", () => terminal.App.TopRunnable == workspace && steady.Now(), () => terminal.Press(Key.Enter))
            .When("the calls on a record", () => terminal.Screen().Contains("Calls touching record", StringComparison.Ordinal) && steady.Now(),
                () => Note(terminal, cuts, workspace, "the calls touching a record (Enter)"))
            .When("at the end", () => true, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(60));

        using var analyst = new TestClient(server);
        await analyst.SignInAsync("demo.analyst");
        using var reportsTerminal = new HeadlessTerminal(Columns, Rows);
        using var reports = new Workspaces.Analyst.ReportsWorkspace(analyst.ContextFor(reportsTerminal.App));
        var reportCuts = new List<string>();
        reportsTerminal.When("the report is loaded", () => reports.Panel.Report is not null && !reports.Calls.IsBusy, () => { });
        Check<Workspaces.Analyst.ExportReportDialog>(reportsTerminal, reportCuts, reports, "export the report (F6)", () => reportsTerminal.Press(Key.F6));
        reportsTerminal
            .When("at the end", () => reportsTerminal.App.TopRunnable == reports, () => AssertNone(reportCuts))
            .Run(reports, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task At_100x30_the_partners_IOM_decision_is_not_cut()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.partner");
        using var terminal = new HeadlessTerminal(Columns, Rows);
        using var workspace = new Workspaces.Partner.PartnerWorkspace(client.ContextFor(terminal.App));
        var cuts = new List<string>();
        terminal.When("the agenda is loaded", () => workspace.Review.Agenda.Rows.Count > 0 && !workspace.Calls.IsBusy, () => { });
        Check<Workspaces.Supervisor.IomDecisionDialog>(terminal, cuts, workspace, "record an IOM decision (F7)", () => terminal.Press(Key.F7));
        terminal
            .When("at the end", () => terminal.App.TopRunnable == workspace, () => AssertNone(cuts))
            .Run(workspace, TimeSpan.FromSeconds(60));
    }
}
