using System.Globalization;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Recording a sighting from the check: it goes on record, opens a breach, and the beat's alert line shows it.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class SightingRecordingTests(DemoServerFactory server)
{
    [Fact]
    public async Task A_breaching_sighting_put_on_record_raises_the_alert_on_the_beats_alert_line()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        var zone = briefing.Zones.Where(z => z.InForceNow && !z.PersonLivesHere && z.Shape.IsCircle).Skip(2).First();
        var inside = zone.Shape.Centre!.Value;
        using var terminal = new HeadlessTerminal();
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));

        terminal
            .WhenShowing<BeatPickerDialog>(picker =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            // The workspace must be on top again too: keys pressed while the picker is still closing go to the picker.
            // ...and the alert line live, so the breach recorded below is news to it.
            .When("the briefing is shown", () => workspace.Briefing is not null && !workspace.Calls.IsBusy && terminal.App.TopRunnable == workspace
                                                 && workspace.Alerts.Status.State == AlertWatchState.Live, () =>
            {
                terminal.Press(Key.D2.WithAlt);
                Assert.True(workspace.Excluded.Select(zone.PersonId));
                terminal.Press(Key.F7);
            })
            .WhenShowing<CheckSightingDialog>(dialog =>
            {
                dialog.Typed.SetFocus();
                terminal.Type(string.Create(CultureInfo.InvariantCulture, $"{inside.Latitude:0.000000}, {inside.Longitude:0.000000}"));
                terminal.Press(Key.Enter);
            })
            .When("the verdict is shown", () => terminal.App.TopRunnable is CheckSightingDialog { Verdict.Verdict: Verdict.Breach }, () =>
            {
                // Enter checks again; only Alt+R or a click puts the sighting on record (issue 20, "Also").
                var dialog = (CheckSightingDialog)terminal.App.TopRunnable!;
                Assert.True(dialog.RecordButton.Enabled);
                Assert.False(dialog.RecordButton.IsDefault, "Record… must not be the default button");
                Assert.True(dialog.OkButton.IsDefault);
                Assert.StartsWith("BREACH: ", dialog.VerdictText, StringComparison.Ordinal);
                Assert.DoesNotContain("BREACH: BREACH", dialog.VerdictText, StringComparison.Ordinal);
                terminal.Press(Key.R.WithAlt);
            })
            .WhenShowing<RecordSightingDialog>(dialog =>
            {
                // Letters that are also the dialog's hotkeys (P for Place, W for What you saw) are text here.
                terminal.Type("Park gates by the bandstand");
                terminal.Press(Key.Tab);
                Assert.True(dialog.Intelligence.HasFocus, $"Tab went to {dialog.MostFocused?.GetType().Name}");
                terminal.Type("Walking a dog through the park towards the playground.");
                Assert.Equal("Park gates by the bandstand", dialog.Place.Text);
                Assert.StartsWith("Walking", dialog.Intelligence.Text, StringComparison.Ordinal);
                terminal.Press(Key.R.WithAlt);
            })
            .When("the sighting is on record", () => terminal.App.TopRunnable is CheckSightingDialog { RecordedSummary: not null }, () =>
            {
                var dialog = (CheckSightingDialog)terminal.App.TopRunnable!;
                Assert.Contains("suspected breach", dialog.RecordedSummary, StringComparison.Ordinal);
                Assert.DoesNotContain("(es)", dialog.RecordedSummary, StringComparison.Ordinal);
                Assert.False(dialog.RecordButton.Enabled);
                terminal.Press(Key.Esc);
            })
            .When("the alert line shows the breach", () => workspace.Alerts.Received.Any(a => a.PersonId == zone.PersonId), () =>
            {
                Assert.Contains("Suspected breach", workspace.Alerts.Line, StringComparison.Ordinal);
                Assert.Contains("suspected breach", workspace.StatusLine.Message, StringComparison.Ordinal);
                Assert.Contains($"⚠ ", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains(zone.PersonName, workspace.Alerts.Line, StringComparison.Ordinal);
            })
            .Run(workspace);

        var sightings = await client.Gateways.Areas.SightingsOfAsync(zone.PersonId, Purpose.SightingCheck, CancellationToken.None);
        var sighting = Assert.Single(sightings, s => s.LocationText == "Park gates by the bandstand");
        Assert.Equal(Verdict.Breach, sighting.Verdict);
    }
}
