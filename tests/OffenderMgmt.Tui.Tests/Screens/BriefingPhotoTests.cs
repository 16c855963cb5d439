using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The selected person's photo in the local officer's briefing, drawn beside what the briefing says of them (issue 18).</summary>
[Collection(SharedDemoServer.Name)]
public sealed class BriefingPhotoTests(DemoServerFactory server)
{
    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public async Task The_selected_persons_photo_is_drawn_in_half_blocks_left_of_their_briefing(int columns, int rows)
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var beat = (await client.Gateways.Areas.ListAsync("High Town", CancellationToken.None)).Single(a => a.Code == BeatFacts.HighTown);
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = new LocalOfficerWorkspace(client.ContextFor(terminal.App));
        workspace.Photo.Colours = PhotoColours.TrueColour;
        string? firstPhoto = null;

        terminal
            .WhenShowing<BeatPickerDialog>(picker =>
            {
                terminal.Press(Key.Esc);
                _ = workspace.ShowBeatAsync(beat);
            })
            .When("the first resident's photo is drawn", () => workspace.Briefing is not null && workspace.Photo.Image is not null && terminal.App.TopRunnable == workspace, () =>
            {
                var person = workspace.Residents.Selected!;
                Assert.NotNull(person.PhotoId);
                Assert.Equal(person.PhotoId, workspace.Photo.PhotoId);
                firstPhoto = person.PhotoId;
                var screen = terminal.Screen().Split('\n');
                var nameRow = Array.FindIndex(screen, l => l.Contains($"{person.Name} · born", StringComparison.Ordinal));
                Assert.True(nameRow > 0, "the briefing entry is on screen");
                var line = screen[nameRow];
                var blocks = line.Count(c => c == '▀');
                Assert.True(blocks >= 10, $"the photo is drawn on the entry's first line: {line}");
                Assert.True(line.LastIndexOf('▀') < line.IndexOf(person.Name, StringComparison.Ordinal), "the photo is left of the text");
                // Several rows of the portrait, each the same width, and in more than one colour (a drawing, not a blank).
                var photoRows = screen.Skip(nameRow).TakeWhile(l => l.Contains('▀')).ToList();
                Assert.True(photoRows.Count >= 6, $"{photoRows.Count} rows of photo");
                Assert.All(photoRows, r => Assert.Equal(blocks, r.Count(c => c == '▀')));
                var column = line.IndexOf('▀');
                var colours = Enumerable.Range(0, photoRows.Count).Select(r => terminal.AttributeAt(column + blocks / 2, nameRow + r)!.Value.Foreground).Distinct().Count();
                Assert.True(colours >= 3, $"{colours} colours down the middle of the photo");
                terminal.Press(Key.CursorDown);
            })
            .When("the next resident's photo replaces it", () => workspace.Photo.Image is not null && workspace.Photo.PhotoId != firstPhoto, () =>
                Assert.Equal(workspace.Residents.Selected!.PhotoId, workspace.Photo.PhotoId))
            .Run(workspace);
    }
}
