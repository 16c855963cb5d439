using System.Globalization;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The local officer's beat: picking it, the briefing and map, and a sighting check.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class LocalOfficerWorkspaceTests(DemoServerFactory server)
{
    // The workspace must be on top again too: keys pressed while the beat picker is still closing go to the picker.
    private static bool BriefingShown(LocalOfficerWorkspace w) => w.Briefing is not null && !w.Calls.IsBusy && w.App?.TopRunnable == w;

    [Fact]
    public async Task Picking_a_beat_by_name_shows_its_briefing_by_risk_with_the_map_and_who_to_call()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        using var terminal = new HeadlessTerminal();
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));

        terminal
            .WhenShowing<BeatPickerDialog>(_ => terminal.Type("high t"))
            .When("the list narrows to one beat", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: 1 } d && d.Beats.Chosen!.Code == BeatFacts.HighTown,
                () => terminal.Press(Key.Enter))
            .When("the briefing is shown", () => BriefingShown(workspace), () =>
            {
                var briefing = workspace.Briefing!;
                Assert.Equal(BeatFacts.HighTown, briefing.Area.Code);
                Assert.NotEmpty(briefing.Residents);
                Assert.Equal(briefing.Residents.Count, workspace.Residents.Rows.Count);
                Assert.True(workspace.Residents.Rows.Zip(workspace.Residents.Rows.Skip(1)).All(p => p.First.Risk >= p.Second.Risk), "highest risk first");
                var screen = terminal.Screen();
                Assert.Contains($"Beat: High Town ({BeatFacts.HighTown})", screen, StringComparison.Ordinal);
                Assert.Contains($"{briefing.Residents.Count} living here", screen, StringComparison.Ordinal);
                Assert.Contains(briefing.Residents[0].Name, screen, StringComparison.Ordinal);
                Assert.Contains(screen, c => c is > '\u2800' and <= '\u28ff');  // the beat outline, in braille
                Assert.Contains("Who to call:", workspace.DetailText, StringComparison.Ordinal);
                Assert.Contains(briefing.Residents[0].Name, workspace.DetailText, StringComparison.Ordinal);
                Assert.DoesNotContain("Risk assessment", workspace.DetailText, StringComparison.Ordinal);
            })
            .Run(workspace);
    }

    [Fact]
    public async Task The_beat_picker_starts_in_the_officers_own_district_and_next_time_on_the_beat_last_picked()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.officer");
        Assert.StartsWith("Luton ", session.TeamName, StringComparison.Ordinal);
        var settings = Tui.App.ClientSettings.InMemory();
        using (var terminal = new HeadlessTerminal())
        using (var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App, settings)))
        {
            terminal
                .When("the picker has its beats", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: > 1 }, () =>
                {
                    var picker = (BeatPickerDialog)terminal.App.TopRunnable!;
                    Assert.Equal("Luton", picker.Beats.Chosen!.District);  // not the first beat of the force (Bedford)
                    terminal.Type("high t");
                })
                .When("the list narrows to one beat", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: 1 } d && d.Beats.Chosen!.Code == BeatFacts.HighTown,
                    () => terminal.Press(Key.Enter))
                .When("the briefing is shown", () => BriefingShown(workspace), () => Assert.Equal(BeatFacts.HighTown, settings.LastBeat("demo.officer")))
                .Run(workspace);
        }
        using (var terminal = new HeadlessTerminal())
        using (var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App, settings)))
        {
            terminal
                .When("the picker has its beats again", () => terminal.App.TopRunnable is BeatPickerDialog { Beats.Count: > 1 }, () =>
                {
                    var picker = (BeatPickerDialog)terminal.App.TopRunnable!;
                    Assert.Equal(BeatFacts.HighTown, picker.Beats.Chosen!.Code);
                    picker.RequestStop();
                })
                .Run(workspace);
        }
    }

    /// <summary>
    /// Issue 20 (T4): at 100x30 the sighting check was taller than the screen: its title and the
    /// top of the person list were off the top. The whole form, its verdict and buttons fit.
    /// </summary>
    [Fact]
    public async Task At_100x30_the_sighting_check_and_its_verdict_fit_on_the_screen()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));

        terminal
            .WhenShowing<BeatPickerDialog>(dialog =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the briefing is shown", () => BriefingShown(workspace), () => terminal.Press(Key.F7))
            .WhenShowing<CheckSightingDialog>(dialog => terminal.Press(Key.Enter))
            .When("the verdict is shown", () => terminal.App.TopRunnable is CheckSightingDialog { Verdict: not null }, () =>
            {
                var dialog = (CheckSightingDialog)terminal.App.TopRunnable!;
                var frame = dialog.Frame;
                Assert.True(frame.Y >= 0 && frame.Bottom <= 30, $"the dialog spans rows {frame.Y} to {frame.Bottom}\n{terminal.Screen()}");
                Assert.Contains("Check a sighting", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains(dialog.VerdictText.Split('\n')[0].Trim(), terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Cancel", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Esc);
            })
            .When("back on the beat", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);
    }

    [Fact]
    public async Task Checking_a_sighting_inside_a_zone_in_force_says_breach_in_plain_words()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal();
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        BriefingZone? zone = null;
        GeoPosition inside = default;

        terminal
            .WhenShowing<BeatPickerDialog>(dialog =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the briefing is shown", () => BriefingShown(workspace), () =>
            {
                (zone, inside) = BeatFacts.ZoneInForceForSomeoneElsewhere(workspace.Briefing!);
                terminal.Press(Key.D2.WithAlt);
                Assert.True(workspace.Excluded.Select(zone.PersonId));
                terminal.Press(Key.F7);
            })
            .WhenShowing<CheckSightingDialog>(dialog =>
            {
                Assert.Equal(zone!.PersonId, dialog.Person.Chosen.Id);
                dialog.Typed.SetFocus();
                terminal.Type(string.Create(CultureInfo.InvariantCulture, $"{inside.Latitude:0.000000}, {inside.Longitude:0.000000}"));
                Assert.Equal(1, dialog.Where.Value);
                terminal.Press(Key.Enter);
            })
            .When("the verdict is shown", () => terminal.App.TopRunnable is CheckSightingDialog { Verdict: not null }, () =>
            {
                var dialog = (CheckSightingDialog)terminal.App.TopRunnable!;
                Assert.Equal(Verdict.Breach, dialog.Verdict!.Verdict);
                Assert.StartsWith("BREACH", dialog.VerdictText, StringComparison.Ordinal);
                Assert.Contains(zone!.PersonName, dialog.VerdictText, StringComparison.Ordinal);
                Assert.Contains("BREACH", terminal.Screen(), StringComparison.Ordinal);
                Assert.True(dialog.RecordButton.Enabled);
                terminal.Press(Key.Esc);
            })
            .When("back on the beat", () => terminal.App.TopRunnable == workspace, () =>
            {
                Assert.Contains("Last check: BREACH", workspace.StatusLine.Message, StringComparison.Ordinal);
                // The server's own headline is not said a second time ("BREACH: BREACH: ...").
                Assert.DoesNotContain("BREACH: BREACH", workspace.StatusLine.Message, StringComparison.Ordinal);
            })
            .Run(workspace);
    }

    [Fact]
    public async Task The_same_person_somewhere_else_now_is_no_breach()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        var (zone, _) = BeatFacts.ZoneInForceForSomeoneElsewhere(briefing);
        var farAway = new GeoPosition(52.1360, -0.4667);  // Bedford town centre, well away from Luton's zones

        var verdict = await client.Gateways.Areas.CheckSightingAsync(new SightingQuery(zone.PersonId, farAway, null), CancellationToken.None);

        Assert.NotEqual(Verdict.Breach, verdict.Verdict);
        Assert.Equal("sighting-check", await AuditTrail.LatestPurposeAsync(server, "demo.officer", "Areas/CheckSighting"));
        Assert.Equal("briefing", await AuditTrail.LatestPurposeAsync(server, "demo.officer", "Areas/GetBriefing"));
    }
}
