using System.Globalization;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Issue 20, points 1, 5 and 6: what a local officer reads at a door (what to do, whom to
/// call) is on screen at 100x30 and re-wrapped on resize; a verdict does not outlive the
/// person it was about; an alert names the person and the line says when the feed is down.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class BriefingReadingTests(DemoServerFactory server)
{
    private static bool BriefingShown(LocalOfficerWorkspace w) => w.Briefing is not null && !w.Calls.IsBusy && w.App?.TopRunnable == w;

    [Fact]
    public async Task At_100x30_who_to_call_is_on_screen_and_the_detail_rewraps_when_the_terminal_grows()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        var narrowLines = 0;

        terminal
            .WhenShowing<BeatPickerDialog>(picker =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the briefing is shown", () => BriefingShown(workspace), () =>
            {
                var person = workspace.Briefing!.Residents.First(p => p.WhatToDo is not null);
                Assert.True(workspace.Residents.Select(person.PersonId));
                var screen = terminal.Screen();
                Assert.Contains("Who to call:", screen, StringComparison.Ordinal);
                Assert.Contains("If seen:", screen, StringComparison.Ordinal);
                narrowLines = workspace.DetailText.Split('\n').Length;
                terminal.App.Driver!.SetScreenSize(160, 40);
            })
            .When("the detail is wrapped for the wider screen", () => workspace.DetailText.Split('\n').Length < narrowLines, () =>
                Assert.Contains("Who to call:", terminal.Screen(), StringComparison.Ordinal))
            .Run(workspace);
    }

    [Fact]
    public async Task A_verdict_is_forgotten_when_the_person_changes_and_record_is_disabled_again()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        var (zone, inside) = BeatFacts.ZoneInForceForSomeoneElsewhere(briefing);
        using var terminal = new HeadlessTerminal();
        var people = briefing.Residents.Concat(briefing.Excluded).ToList();
        using var dialog = new CheckSightingDialog(client.ContextFor(terminal.App), people, zone.PersonId, inside);

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Person.HasFocus, () => terminal.Press(Key.Enter))
            .When("the verdict is shown", () => dialog.Verdict is not null, () =>
            {
                Assert.True(dialog.RecordButton.Enabled);
                dialog.Person.SetFocus();
                terminal.Press(Key.CursorDown);
                Assert.NotEqual(zone.PersonId, dialog.Person.Chosen.Id);
                Assert.Null(dialog.Verdict);
                Assert.Equal("", dialog.VerdictText);
                Assert.False(dialog.RecordButton.Enabled);
                dialog.RequestStop();
            })
            .Run(dialog);
    }

    [Fact]
    public async Task An_alert_names_the_person_and_the_line_says_when_the_feed_is_down()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        using var terminal = new HeadlessTerminal(100, 30);
        var context = client.ContextFor(terminal.App);
        using var line = new AlertLine(context);
        using var window = new Terminal.Gui.Views.Window();
        window.Add(line);

        terminal
            .When("the line is up", () => window.IsRunning, () =>
            {
                line.Take(new AlertEntry(1, context.Now, "Suspected breach", true, BeatFacts.HighTown, "p1", "Alan Testperson",
                    "Suspected breach of SCPO: Not to enter London Luton Airport, the terminal buildings and the drop-off zones at any time", null, "b1"));
                Assert.Contains("Alan Testperson", line.Line, StringComparison.Ordinal);
                line.Take(new AlertWatchStatus(AlertWatchState.Reconnecting, "The server is not answering."));
                Assert.Contains("reconnecting", terminal.LineWith("Alan Testperson") ?? "", StringComparison.Ordinal);
                window.RequestStop();
            })
            .Run(window);
    }

    [Fact]
    public async Task F8_record_checks_first_and_goes_straight_on_to_the_recording_form()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        var (zone, inside) = BeatFacts.ZoneInForceForSomeoneElsewhere(briefing);
        using var terminal = new HeadlessTerminal();
        var people = briefing.Residents.Concat(briefing.Excluded).ToList();
        using var dialog = new CheckSightingDialog(client.ContextFor(terminal.App), people, zone.PersonId, inside, recordAfterCheck: true);

        terminal
            .When("the dialog is up", () => dialog.IsRunning && dialog.Person.HasFocus, () =>
            {
                Assert.DoesNotContain("check first", terminal.Screen(), StringComparison.OrdinalIgnoreCase);
                terminal.Press(Key.Enter);
            })
            .WhenShowing<RecordSightingDialog>(record =>
            {
                Assert.NotNull(dialog.Verdict);
                record.RequestStop();
            })
            .When("back on the verdict", () => terminal.App.TopRunnable == dialog, () =>
            {
                Assert.Equal(Verdict.Breach, dialog.Verdict!.Verdict);
                dialog.RequestStop();
            })
            .Run(dialog);
    }
}
