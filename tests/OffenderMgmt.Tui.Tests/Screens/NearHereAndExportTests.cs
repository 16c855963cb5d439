using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The local officer's README jobs "who lives near here", "which zones cover this spot" and "export" (issue 20, "Also").</summary>
[Collection(SharedDemoServer.Name)]
public sealed class NearHereAndExportTests(DemoServerFactory server)
{
    private static bool BriefingShown(LocalOfficerWorkspace w) => w.Briefing is not null && !w.Calls.IsBusy && w.App?.TopRunnable == w;

    [Fact]
    public async Task Near_here_lists_who_lives_within_the_distance_nearest_first_and_the_zones_covering_the_spot()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        GeoPosition here = default;
        IReadOnlyList<BriefingPerson> shown = [];
        IReadOnlyList<string> zonesShown = [];

        terminal
            .WhenShowing<BeatPickerDialog>(picker =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the briefing is shown", () => BriefingShown(workspace), () => terminal.Press(Key.F9))
            .When("the search has answered", () => terminal.App.TopRunnable is NearHereDialog { Searched: true } d && !d.People.Rows.Any(p => p.DistanceMetres > 500), () =>
            {
                var dialog = (NearHereDialog)terminal.App.TopRunnable!;
                here = dialog.Here;
                Assert.Equal(workspace.Map.Here, here);
                shown = dialog.People.Rows.ToList();
                zonesShown = dialog.ZonesHere.Select(z => z.ConditionId).ToList();
                Assert.NotEmpty(shown);
                Assert.True(shown.Zip(shown.Skip(1)).All(p => p.First.DistanceMetres <= p.Second.DistanceMetres), "nearest first");
                Assert.Contains(shown[0].Name, terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains(" m ", terminal.LineWith(shown[0].Name) ?? "", StringComparison.Ordinal);
                Assert.Contains("Zones covering this spot now:", terminal.Screen(), StringComparison.Ordinal);
                // A wider circle, asked again with Enter.
                dialog.Radius.SetFocus();
                dialog.Radius.Text = "";
                terminal.Type("1500");
                terminal.Press(Key.Enter);
            })
            .When("the wider search has answered", () => terminal.App.TopRunnable is NearHereDialog d && d.People.Rows.Any(p => p.DistanceMetres > 500), () =>
                terminal.Press(Key.Esc))
            .When("back on the beat", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);

        var near = await client.Gateways.Areas.NearAsync(here, 500, Purpose.Briefing, CancellationToken.None);
        Assert.Equal(near.Select(p => p.PersonId).Order(), shown.Select(p => p.PersonId).Order());
        var zones = await client.Gateways.Areas.ZonesAtAsync(here, Purpose.Briefing, CancellationToken.None);
        Assert.Equal(zones.Select(z => z.ConditionId).Order(), zonesShown.Order());
    }

    [Fact]
    public async Task Exporting_the_briefing_writes_a_csv_file_only_its_owner_can_read()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        var folder = Directory.CreateTempSubdirectory("tui-export-").FullName;
        using var terminal = new HeadlessTerminal();
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        string? path = null;

        try
        {
            terminal
                .WhenShowing<BeatPickerDialog>(picker =>
                {
                    terminal.Press(Key.Esc);
                    _ = workspace.ShowBeatAsync(beat);
                })
                .When("the briefing is shown", () => BriefingShown(workspace), () => terminal.Press(Key.F4))
                .WhenShowing<ExportBriefingDialog>(dialog =>
                {
                    Assert.Equal(0, dialog.Format.Chosen);
                    dialog.Folder.Text = folder;
                    terminal.Press(Key.E.WithAlt);
                })
                .When("the file is written", () => workspace.StatusLine.Message.Contains("Briefing saved", StringComparison.Ordinal), () =>
                {
                    path = Assert.Single(Directory.GetFiles(folder));
                    Assert.Contains(path, workspace.StatusLine.Message, StringComparison.Ordinal);
                })
                .Run(workspace);

            Assert.EndsWith(".csv", path, StringComparison.Ordinal);
            var text = await File.ReadAllTextAsync(path!);
            Assert.Contains(workspace.Briefing!.Residents[0].Name, text, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
