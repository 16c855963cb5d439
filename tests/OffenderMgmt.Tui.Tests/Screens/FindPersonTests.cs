using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 20 point 10: F3's search as you type, with a count, "more", and the user's own people always found.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class FindPersonTests(DemoServerFactory server)
{
    [Fact]
    public async Task Results_come_as_the_name_is_typed_without_Enter_with_a_count_and_the_exact_name_first()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.manager");
        var caseload = await client.Gateways.Caseload.OfOfficerAsync(session.OfficerId, Purpose.CaseManagement, CancellationToken.None);
        var person = caseload[0];
        using var terminal = new HeadlessTerminal(100, 30);
        var dialog = new FindPersonDialog(client.ContextFor(terminal.App), Purpose.CaseManagement);

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () => terminal.Type("zz"))
            .When("the first text is answered", () => dialog.Searched == "zz", () =>
            {
                Assert.Contains("Nobody found for \"zz\"", terminal.Screen(), StringComparison.Ordinal);
                dialog.Query.Text = "";
                terminal.Type(person.PersonName);  // no Enter
            })
            .When("the results for the whole name are in", () => dialog.Searched == person.PersonName && !dialog.IsSearching, () =>
            {
                Assert.Equal(person.PersonName, dialog.Results.Chosen!.Name);  // an exact name first
                Assert.Contains(dialog.Results.Labels, l => l.StartsWith(person.PersonName, StringComparison.Ordinal));
                Assert.Matches(@"^\d+ (found|of \d+ shown)", dialog.CountText);
                Assert.Contains(dialog.CountText, terminal.Screen(), StringComparison.Ordinal);
                Assert.True(dialog.Query.HasFocus, "typing stays in the box while results come");
                dialog.RequestStop();
            })
            .Run(dialog);
        dialog.Dispose();
    }

    [Fact]
    public async Task A_broad_search_says_how_many_match_and_F8_brings_the_next_page()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var terminal = new HeadlessTerminal(100, 30);
        var dialog = new FindPersonDialog(client.ContextFor(terminal.App), Purpose.CaseManagement, pageSize: 5);
        var first = 0;

        terminal
            .When("the dialog is up", () => dialog.IsRunning, () => terminal.Type("sa"))
            .When("the first page is in", () => dialog.Searched == "sa" && !dialog.IsSearching, () =>
            {
                first = dialog.Results.Count;
                Assert.Equal(5, first);
                Assert.Contains("F8 for more", dialog.CountText, StringComparison.Ordinal);
                terminal.Press(Key.F8);
            })
            .When("the next page is added", () => dialog.Results.Count > first, () =>
            {
                Assert.Matches(@"^\d+ (of|shown of more than) \d+", dialog.CountText);
                Assert.StartsWith($"{dialog.Results.Count} ", dialog.CountText, StringComparison.Ordinal);
                dialog.RequestStop();
            })
            .Run(dialog);
        dialog.Dispose();
    }

    [Fact]
    public async Task Everyone_on_the_officers_own_caseload_is_found_by_their_name_on_the_first_page()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.manager");
        var caseload = await client.Gateways.Caseload.OfOfficerAsync(session.OfficerId, Purpose.CaseManagement, CancellationToken.None);
        Assert.NotEmpty(caseload);

        // Ten a page, as F3 once showed: the name typed in full is ranked first, before the page is cut.
        foreach (var person in caseload.DistinctBy(c => c.PersonId))
        {
            var found = await client.Gateways.People.SearchAsync(person.PersonName, Purpose.CaseManagement, CancellationToken.None, limit: 10);
            Assert.True(found.People.Any(p => p.Id == person.PersonId), $"case {person.ManagementId} not on the first page of its own name ({found.Count} match)");
            // The very first result bears the name as typed (an alias or a "Smyth" may not come first).
            var best = await client.Gateways.People.SearchAsync(person.PersonName, Purpose.CaseManagement, CancellationToken.None, limit: 1);
            Assert.True(best.People[0].Name == person.PersonName, $"case {person.ManagementId}: the first of {best.Count} matches is not an exact name");
        }
    }
}
