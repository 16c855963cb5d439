using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Issue 20: keys typed ahead go where the user meant them. Keys pressed from the moment a
/// dialog is asked for go to that dialog's first field (or the field its Alt key names), in
/// order, never to the window behind it, however early they arrive.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class TypeAheadTests(DemoServerFactory server)
{
    private const string Note = "Phoned to arrange the next home visit.";

    /// <summary>Through the terminal's own reading (ANSI bytes, parsed), as tmux or a real terminal delivers them.</summary>
    private static void Send(HeadlessTerminal terminal, Key key, bool process = true) =>
        terminal.App.GetInputInjector().InjectKey(key, new InputInjectionOptions { Mode = InputInjectionMode.Pipeline, AutoProcess = process });

    private static void SendText(HeadlessTerminal terminal, string text, bool process = true)
    {
        foreach (var c in text) Send(terminal, new Key(c), process);
    }

    [Fact]
    public async Task An_alt_key_and_the_typing_read_with_it_land_in_the_field_the_alt_key_names()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new NoteContactDialog(context, "p1", "someone", [], Purpose.CaseManagement);
        Assert.True(context.Keys.ReadsAltThenTyping, "the Alt-then-typing pattern is in Terminal.Gui's ANSI parser");

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Kind.HasFocus, () =>
            {
                // ESC n, then the text straight after it, as one read: Alt+N, then the note.
                Send(terminal, Key.N.WithAlt);
                SendText(terminal, "Zq and more");
            })
            .When("the note has the text", () => dialog.Note.Text == "Zq and more", () =>
            {
                Assert.True(dialog.Note.HasFocus);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public async Task Keys_queued_before_a_dialog_first_runs_stay_in_the_field_they_went_to()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var dialog = new NoteContactDialog(context, "p1", "someone", [], Purpose.CaseManagement);
        // Queued before the dialog's first iteration (nothing drawn yet), read when its loop starts.
        Send(terminal, Key.N.WithAlt, process: false);
        SendText(terminal, "ab", process: false);

        terminal
            .When("the queued keys are in the note", () => dialog.IsRunning && dialog.Note.Text == "ab", () => terminal.Type("c"))
            .When("the next key is read", () => dialog.Note.Text.Length != 2 || !dialog.Note.HasFocus, () =>
            {
                Assert.Equal("abc", dialog.Note.Text);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public async Task Keys_typed_right_after_F9_go_to_the_contact_dialog_and_the_caseload_behind_stays_put()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var workspace = new OffenderManagerWorkspace(context);
        string? selected = null;

        terminal
            .When("the caseload is loaded", () => workspace.AllCases.Count > 0 && !workspace.Calls.IsBusy, () =>
            {
                selected = workspace.Table.Selected!.PersonId;
                // F9, then at once Alt+N and the note, queued before the loop reads any of it: the
                // dialog needs the person's record from the server first, so the Alt key and the
                // note are read while the caseload is still the window on top.
                Send(terminal, Key.F9, process: false);
                Send(terminal, Key.N.WithAlt, process: false);
                SendText(terminal, Note, process: false);
            })
            .When("the contact dialog is open with the keys delivered",
                () => terminal.App.TopRunnable is NoteContactDialog { IsRunning: true } && context.Keys.HeldCount == 0 && !context.Keys.IsHoldingNow, () =>
            {
                var dialog = (NoteContactDialog)terminal.App.TopRunnable!;
                Assert.Equal(Note, dialog.Note.Text);
                Assert.True(dialog.Note.HasFocus);
                Assert.Equal(selected, workspace.Table.Selected!.PersonId);
                Assert.Contains(workspace.Table.Selected!.PersonName, dialog.Title, StringComparison.Ordinal);
                dialog.RequestStop();
            })
            .Run(workspace);
    }

    [Fact]
    public async Task A_key_typed_right_after_esc_closes_a_dialog_goes_to_the_window_under_it()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var workspace = new OffenderManagerWorkspace(context);

        terminal
            .When("the caseload is loaded", () => workspace.AllCases.Count > 0 && !workspace.Calls.IsBusy, () => terminal.Press(Key.F9))
            .When("the contact dialog is open", () => terminal.App.TopRunnable is NoteContactDialog { IsRunning: true } && !context.Keys.IsHoldingNow, () =>
            {
                Assert.Contains("Sort: risk", terminal.Screen(), StringComparison.Ordinal);
                // Esc closes the untouched dialog; F4 (sort) comes in the same read, before its loop ends.
                terminal.Press(Key.Esc);
                terminal.Press(Key.F4);
            })
            .WhenScreenShows("Sort: next check", () => Assert.Same(workspace, terminal.App.TopRunnable))
            .Run(workspace);
    }

    [Fact]
    public async Task A_typed_ahead_enter_submits_the_dialog_the_wait_opened()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        using var window = new Terminal.Gui.Views.Window();
        string? given = null;

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                // What a call that needs a reason does: the keys come while it waits, the dialog after.
                var hold = context.Keys.Hold();
                terminal.Type("Preparing the review");
                terminal.Press(Key.Enter);
                hold.Dispose();
                given = ReasonDialog.Ask(context, "A reason is needed.") ?? "(closed without a reason)";
            })
            .When("the reason dialog has closed", () => given is not null, () => Assert.Equal("Preparing the review", given))
            .Run(window);
    }
}
