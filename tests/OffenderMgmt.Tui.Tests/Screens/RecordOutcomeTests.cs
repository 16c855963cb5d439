using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Recording a check outcome from a person's record, with the keyboard.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class RecordOutcomeTests(DemoServerFactory server)
{
    [Fact]
    public async Task An_outcome_typed_into_the_dialog_closes_the_check_and_the_next_one_is_planned()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var (checkId, personId) = await server.RecordableCheckOf("demo.manager");
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        PersonWindow? window = null;

        terminal
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                window = (PersonWindow)terminal.App.TopRunnable!;
                terminal.Press(Key.D3.WithAlt);
                Assert.True(window.ChecksTable.Select(checkId));
                // Enter on a row records that check.
                terminal.Press(Key.Enter);
            })
            .WhenShowing<RecordOutcomeDialog>(dialog =>
            {
                Assert.Equal(checkId, dialog.Check.Chosen!.Id);
                terminal.Press(Key.CursorDown);
                terminal.Press(Key.CursorDown);
                terminal.Press(Key.Space);
                Assert.Equal(CheckResult.NoAccess, dialog.ChosenResult);
                // Arrows choose the outcome; one Tab leaves the group for the notes.
                terminal.Press(Key.Tab);
                Assert.True(dialog.Notes.HasFocus, $"Tab went to {dialog.MostFocused?.GetType().Name}");
                terminal.Type("Nobody home at 09:40; card left.");
                terminal.Press(Key.S.WithAlt);
            })
            .When("the outcome is recorded", () => window!.StatusLine.Message.Contains("recorded: No access", StringComparison.Ordinal), () =>
                Assert.Contains("Next ", window!.StatusLine.Message, StringComparison.Ordinal))
            .Run(() => PersonWindow.Open(context, personId, "the person", Purpose.CaseManagement, notOwnWork: null), () => { });

        var history = await client.Gateways.Compliance.HistoryAsync(personId, Purpose.CaseManagement, CancellationToken.None);
        var closed = Assert.Single(history, c => c.Id == checkId);
        Assert.False(closed.IsOpen);
        Assert.Equal("No access", closed.Outcome);
        Assert.Equal("Nobody home at 09:40; card left.", closed.Notes);
        Assert.Contains(history, c => c.IsOpen && c.Kind == closed.Kind && c.DueOn > closed.DueOn);
    }

    [Fact]
    public async Task Without_a_check_chosen_the_dialog_offers_the_most_overdue_one_and_tab_reaches_the_notes()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var (_, personId) = await server.RecordableCheckOf("demo.manager");
        var history = await client.Gateways.Compliance.HistoryAsync(personId, Purpose.CaseManagement, CancellationToken.None);
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        var mostOverdue = history.Where(c => c.CanRecordOn(context.Today)).MinBy(c => c.DueOn)!;

        terminal
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                // F7 from the Checks tab with the cursor on another check still starts at the most overdue (issue 20, point 7).
                var window = (PersonWindow)terminal.App.TopRunnable!;
                terminal.Press(Key.D3.WithAlt);
                var other = window.ChecksTable.Rows.Where(c => c.Id != mostOverdue.Id).LastOrDefault();
                if (other is not null) Assert.True(window.ChecksTable.Select(other.Id));
                terminal.Press(Key.F7);
            })
            .WhenShowing<RecordOutcomeDialog>(dialog =>
            {
                Assert.Equal(mostOverdue.Id, dialog.Check.Chosen!.Id);
                Assert.True(dialog.Outcome.HasFocus);
                terminal.Press(Key.Tab);
                Assert.True(dialog.Notes.HasFocus, $"Tab went to {dialog.MostFocused?.GetType().Name}");
                terminal.Press(Key.Esc);
            })
            .Run(() => PersonWindow.Open(context, personId, "the person", Purpose.CaseManagement, notOwnWork: null), () => { });
    }

    /// <summary>
    /// Issue 20 (T4): at 100x30 the form for a case with several open checks and an order's
    /// conditions ran off the top of the screen (its title and first check unseen).
    /// </summary>
    [Fact]
    public async Task At_100x30_the_form_for_a_busy_case_fits_on_the_screen_with_its_title()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(100, 30);
        var context = client.ContextFor(terminal.App);
        var today = context.Today;
        var checks = Enumerable.Range(1, 5).Select(n => new CheckRow($"c{n}", "p1", "someone", "Home visit", $"Home visit {n}", today.AddDays(n - 3), today.AddDays(n - 10),
            true, "open", null, null, null, 0, null, null, null, "m1", 1)).ToList();
        var conditions = Enumerable.Range(1, 4).Select(n => new ConditionView($"k{n}", "Exclusion zone", $"Not to enter zone {n}", "", null)).ToList();
        var order = new OrderView("o1", "SHPO", "Sexual harm prevention order", "active", true, true, null, null, null, null, null, null, conditions, 1);
        using var dialog = new RecordOutcomeDialog(context, "someone", checks, "c1", [order], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                var frame = dialog.Frame;
                Assert.True(frame.Y >= 0 && frame.Bottom <= 30, $"the form spans rows {frame.Y} to {frame.Bottom}\n{terminal.Screen()}");
                Assert.Contains("Record a check outcome", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Home visit 1", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Save", terminal.Screen(), StringComparison.Ordinal);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public async Task A_check_not_yet_open_is_refused_in_the_dialog_without_calling_the_server()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        var today = context.Today;
        var later = new CheckRow("c1", "p1", "someone", "Home visit", null, today.AddDays(60), today.AddDays(30), true, "open", null, null, null, 0, null, null, null, "m1", 1);
        using var dialog = new RecordOutcomeDialog(context, "someone", [later], "c1", [], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () => terminal.Press(Key.S.WithAlt))
            .When("the problem is shown", () => dialog.ProblemText.Length > 0, () =>
            {
                Assert.Contains("not due yet", dialog.ProblemText, StringComparison.Ordinal);
                Assert.False(dialog.Completed);
            })
            .Run(dialog);
    }

    [Fact]
    public async Task A_completed_home_visit_to_someone_in_custody_asks_first_and_Enter_records_nothing()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        var today = context.Today;
        var visit = new CheckRow("c1", "p1", "someone", "Home visit", null, today, today, true, "open", null, null, null, 0, null, null, null, "m1", 1);
        using var dialog = new RecordOutcomeDialog(context, "someone", [visit], "c1", [], Purpose.CaseManagement, inCustody: true);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                Assert.Equal(CheckResult.Compliant, dialog.ChosenResult);
                Assert.Contains("IN CUSTODY", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.S.WithAlt);
            })
            .WhenShowing<Ui.ConfirmDialog>(confirm =>
            {
                Assert.Contains("IN CUSTODY", confirm.Message, StringComparison.Ordinal);
                Assert.True(confirm.SafeButton.IsDefault);
                terminal.Press(Key.Enter);
            })
            .When("nothing is recorded", () => dialog.ProblemText.StartsWith("Not recorded", StringComparison.Ordinal), () => Assert.False(dialog.Completed))
            .Run(dialog);
    }

    [Fact]
    public async Task A_breach_without_a_place_or_details_is_refused_in_the_dialog()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new RecordBreachDialog(context, "p1", "someone", [], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () => terminal.Press(Key.S.WithAlt))
            .When("the place is asked for", () => dialog.ProblemText.Contains("Say where", StringComparison.Ordinal), () =>
            {
                dialog.Where.Text = "Luton Airport, departures";
                terminal.Press(Key.S.WithAlt);
            })
            .When("the details are asked for", () => dialog.ProblemText.Contains("Say what happened", StringComparison.Ordinal), () => Assert.False(dialog.Completed))
            .Run(dialog);
    }

    /// <summary>Issue 20 point 7 (T4, tried in tmux): "Breach suspected" with empty notes opened a breach with no details.</summary>
    [Fact]
    public async Task A_suspected_breach_outcome_without_notes_is_refused_in_the_dialog()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        var today = context.Today;
        var visit = new CheckRow("c1", "p1", "someone", "Home visit", null, today.AddDays(-3), today.AddDays(-10), true, "open", null, null, null, 0, null, null, null, "m1", 1);
        using var dialog = new RecordOutcomeDialog(context, "someone", [visit], "c1", [], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                dialog.Outcome.SetFocus();
                for (var i = 0; i < 3; i++) terminal.Press(Key.CursorDown);
                Assert.Equal(CheckResult.BreachSuspected, dialog.ChosenResult);
                terminal.Press(Key.S.WithAlt);
            })
            .When("the details are asked for", () => dialog.ProblemText.Contains("Say what happened", StringComparison.Ordinal), () => Assert.False(dialog.Completed))
            .Run(dialog);
    }

    /// <summary>Issue 20 point 8 (T4, tried in tmux at 100x30): the breach form cut a condition's wording at 48 characters.</summary>
    [Fact]
    public async Task At_100x30_the_breach_form_shows_a_conditions_wording_as_far_as_the_screen_allows()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(100, 30);
        var context = client.ContextFor(terminal.App);
        const string wording = "Not to have any unsupervised contact with a child under 16 without the prior approval of social services";
        var order = new OrderView("o1", "SHPO", "Sexual harm prevention order", "active", true, true, null, null, null, null, null, null,
            [new ConditionView("k1", "Non-association", wording, "", null)], 1);
        using var dialog = new RecordBreachDialog(context, "p1", "someone", [order], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                var screen = terminal.Screen();
                Assert.True(screen.Contains("SHPO · Non-association: " + wording[..52], StringComparison.Ordinal), screen);
                dialog.RequestStop();
            })
            .Run(dialog);
    }
}
