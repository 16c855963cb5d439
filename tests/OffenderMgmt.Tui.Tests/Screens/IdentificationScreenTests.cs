using System.Globalization;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 18: marks and vehicles in the briefing entry; a sighting checked by registration mark.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class IdentificationScreenTests(DemoServerFactory server)
{
    private static bool BriefingShown(LocalOfficerWorkspace w) => w.Briefing is not null && !w.Calls.IsBusy && w.App?.TopRunnable == w;

    [Fact]
    public async Task The_briefing_entry_shows_the_persons_marks_and_vehicles_as_text()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal(120, 40);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));

        terminal
            .WhenShowing<BeatPickerDialog>(picker =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the briefing is shown", () => BriefingShown(workspace), () =>
            {
                var person = workspace.Briefing!.Residents.First(p => p.MarksAndVehicles.Any(i => i.Kind == IdentifyingKind.Mark) && p.MarksAndVehicles.Any(i => i.Kind == IdentifyingKind.Vehicle));
                Assert.True(workspace.Residents.Select(person.PersonId));
                var mark = person.MarksAndVehicles.First(i => i.Kind == IdentifyingKind.Mark).Text;
                var vehicle = person.MarksAndVehicles.First(i => i.Kind == IdentifyingKind.Vehicle).Text;
                Assert.Contains($"Marks: {mark}", workspace.DetailText, StringComparison.Ordinal);
                Assert.Contains($"Vehicles: {vehicle}", workspace.DetailText, StringComparison.Ordinal);
                Assert.Contains("Vehicles:", terminal.Screen(), StringComparison.Ordinal);
                // Devices and online identities are casework: never a line of a local officer's briefing.
                Assert.DoesNotContain(workspace.DetailText.Split('\n'), l => l.StartsWith("Devices:", StringComparison.Ordinal) || l.StartsWith("Online:", StringComparison.Ordinal));
            })
            .Run(workspace);
    }

    [Fact]
    public async Task A_vehicle_seen_in_a_zone_names_the_person_linked_to_it_and_asks_who_was_in_it()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        var (zone, inside) = BeatFacts.ZoneInForceForSomeoneElsewhere(briefing);
        var owner = briefing.Excluded.Single(p => p.PersonId == zone.PersonId);
        // The demo gives everyone under an exclusion zone a vehicle; its text starts with the mark ("KA61 ABC ...").
        var registration = string.Join(' ', owner.MarksAndVehicles.First(i => i.Kind == IdentifyingKind.Vehicle).Text.Split(' ').Take(2));
        using var terminal = new HeadlessTerminal();
        var people = briefing.Residents.Concat(briefing.Excluded).ToList();
        using var dialog = new CheckSightingDialog(client.ContextFor(terminal.App), people, zone.PersonId, null);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () =>
            {
                dialog.Typed.SetFocus();
                terminal.Type(string.Create(CultureInfo.InvariantCulture, $"{inside.Latitude:0.000000}, {inside.Longitude:0.000000}"));
                dialog.Vehicle.SetFocus();
                terminal.Type(registration.ToLowerInvariant().Replace(" ", ""));
                terminal.Press(Key.Enter);
            })
            .When("the verdict is shown", () => dialog.Verdict is not null, () =>
            {
                Assert.Equal(Verdict.NotEnoughInformation, dialog.Verdict!.Verdict);
                var verdict = Assert.Single(dialog.Verdict.People!, p => p.PersonId == zone.PersonId);
                Assert.False(verdict.Identified);
                Assert.Contains($"vehicle {registration}", dialog.VerdictText, StringComparison.Ordinal);
                Assert.Contains(owner.Name, dialog.VerdictText, StringComparison.Ordinal);
                Assert.Contains("Possible breach", dialog.VerdictText, StringComparison.Ordinal);
                dialog.PersonSeen.SetFocus();
                terminal.Press(Key.Space);
                Assert.Null(dialog.Verdict);
                terminal.Press(Key.Enter);
            })
            .When("the verdict with the person seen is shown", () => dialog.Verdict is not null, () =>
            {
                Assert.Equal(Verdict.Breach, dialog.Verdict!.Verdict);
                Assert.True(dialog.Verdict.People!.Single(p => p.PersonId == zone.PersonId).Identified);
                dialog.RequestStop();
            })
            .Run(dialog);
    }
}
