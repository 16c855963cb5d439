using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Analyst;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Issue 19: analysts read aggregates; a supervisor grants one analyst named people for a
/// stated purpose and a limited time, from the supervisor's workspace (Ctrl+F9), lists the
/// grants and revokes one; an analyst refused a person's record is told in plain words.
/// </summary>
[Collection(WritingDemoServer.Name)]
public sealed class AnalystGrantsScreenTests(DemoServerFactory server)
{
    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public async Task A_supervisor_grants_an_analyst_named_people_for_a_purpose_sees_it_listed_and_revokes_it(int columns, int rows)
    {
        var person = await server.WithDb(db => db.People.OrderBy(p => p.Id).Skip(70 + columns).Select(p => new { p.Id, p.GivenName, p.FamilyName }).FirstAsync());
        var purpose = $"Burglary profile {columns}x{rows}";
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = WorkspaceFactory.Create(client.ContextFor(terminal.App));

        terminal
            .When("the workspace is loaded", () => !workspace.Calls.IsBusy && ((SupervisorWorkspace)workspace).Team.Rows.Count > 0, () =>
            {
                workspace.ShowHelp();
            })
            .When("the help lists the key", () => terminal.Screen().Contains("Ctrl+F9 analysts' grants", StringComparison.Ordinal), () => terminal.Press(Key.Esc))
            .When("the help is closed", () => terminal.App.TopRunnable == workspace, () => terminal.Press(Key.F9.WithCtrl))
            .When("the grants show", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false } w && w.Grants.EmptyText.Length > 0
                                          && terminal.Screen().Contains("live grant", StringComparison.Ordinal), () => terminal.Press(Key.F7))
            .WhenShowing<GrantAnalystDialog>(dialog =>
            {
                dialog.Analyst.Text = "demo.analyst";
                _ = dialog.SubmitAsync();
            })
            .When("people are asked for", () => terminal.App.TopRunnable is GrantAnalystDialog { ProblemText.Length: > 0 } d && d.ProblemText.Contains("at least one person", StringComparison.Ordinal), () =>
            {
                var dialog = (GrantAnalystDialog)terminal.App.TopRunnable!;
                dialog.AddPerson(new PersonMatch(person.Id.ToString(), $"{person.GivenName} {person.FamilyName}", [], null, null, null, false));
                dialog.GrantPurpose.Text = purpose;
                dialog.Reason.Text = "Known to offend in the area";
                dialog.Days.Text = "14";
                _ = dialog.SubmitAsync();
            })
            .When("the grant is listed", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false } w && w.Grants.Rows.Any(g => g.Purpose == purpose && g.Active)
                                                && w.StatusLine.Message.Contains("demo.analyst may read 1 person's record until", StringComparison.Ordinal), () =>
            {
                var window = (AnalystGrantsWindow)terminal.App.TopRunnable!;
                Assert.Contains(purpose, terminal.Screen(), StringComparison.Ordinal);
                Assert.True(window.Grants.Select(window.Grants.Rows.First(g => g.Purpose == purpose).Id));
                terminal.Press(Key.F8);
            })
            .WhenShowing<RevokeGrantDialog>(dialog =>
            {
                dialog.Reason.Text = "The profile is finished";
                _ = dialog.SubmitAsync();
            })
            .When("it is revoked", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false } w && w.StatusLine.Message.Contains("is revoked", StringComparison.Ordinal)
                                          && w.Grants.Rows.All(g => g.Purpose != purpose), () => terminal.Press(Key.F4))
            .When("ended grants show too", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false, IncludeEnded: true } w
                                                 && w.Grants.Rows.Any(g => g.Purpose == purpose && g.State == "revoked"), () => terminal.Press(Key.Esc))
            .When("the workspace is back", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);

        var stored = await server.WithDb(db => db.AnalystGrants.Include(g => g.People).SingleAsync(g => g.Purpose == purpose));
        Assert.Equal(("demo.analyst", "demo.supervisor", "The profile is finished"), (stored.Analyst, stored.GrantedBy, stored.RevokedReason));
        Assert.Equal([person.Id], stored.People.Select(p => p.PersonId));
    }

    [Fact]
    public async Task A_supervisor_picks_the_analyst_from_the_list_of_analysts_accounts_instead_of_typing_the_name()
    {
        var person = await server.WithDb(db => db.People.OrderBy(p => p.Id).Skip(61).Select(p => new { p.Id, p.GivenName, p.FamilyName }).FirstAsync());
        const string purpose = "Picked analyst profile";
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(100, 30);
        using var workspace = WorkspaceFactory.Create(client.ContextFor(terminal.App));

        terminal
            .When("the workspace is loaded", () => !workspace.Calls.IsBusy && ((SupervisorWorkspace)workspace).Team.Rows.Count > 0, () => terminal.Press(Key.F9.WithCtrl))
            .When("the grants show", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false } && terminal.Screen().Contains("live grant", StringComparison.Ordinal),
                () => terminal.Press(Key.F7))
            .When("the analysts are listed", () => terminal.App.TopRunnable is GrantAnalystDialog { AnalystsLoaded: true } d && d.Analysts.HasFocus
                                                   && terminal.Screen().Contains("(demo.analyst)", StringComparison.Ordinal), () =>
            {
                var dialog = (GrantAnalystDialog)terminal.App.TopRunnable!;
                Assert.Equal("", dialog.Analyst.Text);   // listed, not chosen for the supervisor
                Assert.All(dialog.Analysts.Labels, l => Assert.DoesNotContain("demo.manager", l, StringComparison.Ordinal));
                dialog.Analysts.Choose(dialog.Analysts.Labels.ToList().FindIndex(l => l.EndsWith("(demo.analyst)", StringComparison.Ordinal)));
                terminal.Press(Key.Enter);
            })
            .When("the name is filled in from the list", () => terminal.App.TopRunnable is GrantAnalystDialog { Analyst.Text: "demo.analyst" } d && d.People.HasFocus, () =>
            {
                var dialog = (GrantAnalystDialog)terminal.App.TopRunnable!;
                dialog.AddPerson(new PersonMatch(person.Id.ToString(), $"{person.GivenName} {person.FamilyName}", [], null, null, null, false));
                dialog.GrantPurpose.Text = purpose;
                dialog.Reason.Text = "Known to offend in the area";
                dialog.Days.Text = "7";
                _ = dialog.SubmitAsync();
            })
            .When("the grant is listed", () => terminal.App.TopRunnable is AnalystGrantsWindow { Calls.IsBusy: false } w && w.Grants.Rows.Any(g => g.Purpose == purpose && g.Active),
                () => terminal.Press(Key.Esc))
            .When("the workspace is back", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);

        Assert.Equal("demo.analyst", (await server.WithDb(db => db.AnalystGrants.SingleAsync(g => g.Purpose == purpose))).Analyst);
    }

    [Fact]
    public async Task An_analyst_without_a_grant_is_told_a_persons_record_needs_a_supervisors_grant()
    {
        // Demo grants from other tests would let the search through: end every grant this analyst holds first.
        await server.WithDb(async db =>
        {
            foreach (var grant in await db.AnalystGrants.Where(g => g.Analyst == "demo.analyst" && g.RevokedAt == null).ToListAsync())
            {
                grant.RevokedAt = server.Clock.GetUtcNow();
                grant.RevokedBy = "test";
                grant.RevokedReason = "test: no grants";
            }
            await db.SaveChangesAsync();
        });
        using var client = new TestClient(server);
        await client.SignInAsync("demo.analyst");
        using var terminal = new HeadlessTerminal(120, 40);
        using var workspace = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        Assert.IsType<ReportsWorkspace>(workspace);

        terminal
            .When("the reports show", () => !workspace.Calls.IsBusy && ((ReportsWorkspace)workspace).Panel.Report is not null, () => terminal.Press(Key.F3))
            .WhenShowing<FindPersonDialog>(dialog =>
            {
                dialog.Query.Text = "Smith";
                _ = dialog.SubmitAsync();
            })
            .When("the refusal is shown", () => terminal.App.TopRunnable is FindPersonDialog { ProblemText.Length: > 0 } d && !d.ProblemText.StartsWith("Searching", StringComparison.Ordinal), () =>
            {
                Assert.Equal(GatewayException.AnalystGrantNeeded, ((FindPersonDialog)terminal.App.TopRunnable!).ProblemText);
                Assert.Contains("needs a supervisor's grant", terminal.Screen(), StringComparison.Ordinal);
                Assert.DoesNotContain("GetPerson", terminal.Screen(), StringComparison.Ordinal);
                Assert.DoesNotContain("SearchPeople", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Esc);
            })
            .When("the workspace is back", () => terminal.App.TopRunnable == workspace, () => { })
            .Run(workspace);
    }

    [Fact]
    public void Every_record_kind_the_server_reviews_has_words_on_the_review_screen()
    {
        foreach (var kind in Enum.GetValues<Contracts.V1.RetainedRecordKind>().Where(k => k != Contracts.V1.RetainedRecordKind.Unspecified))
            Assert.True(RetentionGateway.Kinds.ContainsKey(kind), $"{kind} has no words in RetentionGateway.Kinds");
    }
}
