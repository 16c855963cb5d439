using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Issue 20, points 2 to 4: what the keys choose is what is saved, where the keys go can be
/// seen, and nothing typed or held is thrown away by one key.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class KeyboardSafetyTests(DemoServerFactory server)
{
    private static CheckRow OpenCheck(DateOnly today) =>
        new("c1", "p1", "someone", "Home visit", null, today, today.AddDays(-10), true, "open", null, null, null, 0, null, null, null, "m1", 1);

    [Fact]
    public async Task Arrows_choose_the_outcome_without_space()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new RecordOutcomeDialog(context, "someone", [OpenCheck(context.Today)], "c1", [], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Outcome.HasFocus, () =>
            {
                terminal.Press(Key.CursorDown);
                terminal.Press(Key.CursorDown);
                Assert.Equal(CheckResult.NoAccess, dialog.ChosenResult);
                terminal.Press(Key.CursorUp);
                Assert.Equal(CheckResult.NonCompliant, dialog.ChosenResult);
                terminal.Press(Key.Tab);
                Assert.Equal(CheckResult.NonCompliant, dialog.ChosenResult);
                Assert.False(dialog.Outcome.HasFocus);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public async Task Arrows_choose_the_contact_type()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new NoteContactDialog(context, "p1", "someone", [], Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Kind.HasFocus, () =>
            {
                terminal.Press(Key.CursorDown);
                Assert.Equal(1, dialog.Kind.Value);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public void The_cursor_bar_of_a_list_without_the_focus_looks_different_from_the_focused_one()
    {
        using var terminal = new HeadlessTerminal();
        var first = new ChoiceList<string>([("first list item", "a"), ("another", "b")]) { X = 1, Y = 1, Width = 30, Height = 3 };
        var second = new ChoiceList<string>([("second list item", "c"), ("more", "d")]) { X = 1, Y = 5, Width = 30, Height = 3 };
        var dialog = new Dialog { Width = 40, Height = 12 };
        dialog.SetScheme(Theme.Dialog);
        dialog.Add(first, second);
        var window = new Window();
        window.SetScheme(Theme.Base);
        var left = new RecordTable<string>([new("Left table", s => s, 10)], s => s) { X = 0, Y = 0, Width = 20, Height = 5 };
        var right = new RecordTable<string>([new("Right table", s => s, 10)], s => s) { X = 30, Y = 0, Width = 20, Height = 5 };
        left.SetRows(["row-in-left"]);
        right.SetRows(["row-in-right"]);
        window.Add(left, right);

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                left.SetFocus();
                Assert.NotEqual(terminal.AttributeOf("row-in-left"), terminal.AttributeOf("row-in-right"));
                Assert.Equal(Theme.Base.Focus, terminal.AttributeOf("row-in-left"));
                Assert.Equal(Theme.Base.Active, terminal.AttributeOf("row-in-right"));
                terminal.Press(Key.Tab);
                Assert.True(right.HasFocus);
                Assert.Equal(Theme.Base.Focus, terminal.AttributeOf("row-in-right"));
                Assert.Equal(Theme.Base.Active, terminal.AttributeOf("row-in-left"));
                window.RequestStop();
            })
            .Run(window);
        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                first.SetFocus();
                Assert.NotEqual(terminal.AttributeOf("first list item"), terminal.AttributeOf("second list item"));
                Assert.Equal(Theme.Dialog.Focus, terminal.AttributeOf("first list item"));
                dialog.RequestStop();
            })
            .Run(dialog);
        dialog.Dispose();
        window.Dispose();
    }

    [Fact]
    public async Task Esc_on_a_dialog_with_typing_asks_before_throwing_it_away()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new NoteContactDialog(context, "p1", "someone", [], Purpose.CaseManagement);
        using var after = new Window();

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Kind.HasFocus, () =>
            {
                dialog.Note.SetFocus();
                terminal.Type("Seen at the door; wife present.");
                Assert.True(dialog.HasUnsavedTyping);
                terminal.Press(Key.Esc);
            })
            .WhenShowing<ConfirmDialog>(confirm =>
            {
                Assert.True(confirm.SafeButton.HasFocus);
                terminal.Press(Key.Enter);  // keep editing
            })
            .When("still editing", () => terminal.App.TopRunnable == dialog, () =>
            {
                Assert.Equal("Seen at the door; wife present.", dialog.Note.Text);
                terminal.Press(Key.Esc);
            })
            .WhenShowing<ConfirmDialog>(_ => terminal.Press(Key.D.WithAlt))
            .When("the dialog has closed", () => terminal.App.TopRunnable == after, () => Assert.False(dialog.Completed))
            .Run(() => { terminal.App.Run(dialog); terminal.App.Run(after); }, () => after.RequestStop());
    }

    [Fact]
    public async Task Esc_on_a_dialog_with_nothing_typed_closes_at_once()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new NoteContactDialog(context, "p1", "someone", [], Purpose.CaseManagement);
        using var after = new Window();
        var asked = false;

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Kind.HasFocus, () => terminal.Press(Key.Esc))
            .When("the dialog has closed", () => (asked |= terminal.App.TopRunnable is ConfirmDialog) || terminal.App.TopRunnable == after,
                () => Assert.False(asked, "asked to discard when nothing was typed"))
            .Run(() => { terminal.App.Run(dialog); terminal.App.Run(after); }, () => after.RequestStop());
    }
}
