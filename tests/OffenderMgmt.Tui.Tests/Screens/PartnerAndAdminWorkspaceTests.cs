using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Admin;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Partner;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 20: a partner agency and an administrator get a workspace for their job, not a page of method names.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class PartnerAndAdminWorkspaceTests(DemoServerFactory server)
{
    [Fact]
    public async Task A_partner_agency_records_an_IOM_decision_and_reads_only_the_MAPPA_meetings_its_agency_attends()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.partner");
        using var terminal = new HeadlessTerminal();
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsType<PartnerWorkspace>(opened);
        IomAgendaItem? item = null;

        terminal
            .When("the agenda and the meetings are loaded", () => workspace.Review.Agenda.Rows.Count > 0 && workspace.Mappa.Meetings.Rows.Count > 0 && !workspace.Calls.IsBusy, () =>
            {
                Assert.DoesNotContain("offendermgmt.v1", terminal.Screen(), StringComparison.Ordinal);
                item = workspace.Review.Agenda.Rows.First(i => !i.Decided && !i.Reasons.Contains("proposed deselection"));
                Assert.True(workspace.Review.Agenda.Select(item.ManagementId));
                terminal.Press(Key.F7);
            })
            .WhenShowing<Workspaces.Supervisor.IomDecisionDialog>(_ =>
            {
                terminal.Type("Housing support through the council; review in four weeks.");
                terminal.Press(Key.S.WithAlt);
            })
            .When("the decision shows", () => workspace.Review.Agenda.Rows.Any(i => i.ManagementId == item!.ManagementId && i.Decided), () =>
            {
                Assert.Contains("Decision recorded", workspace.StatusLine.Message, StringComparison.Ordinal);
                terminal.Press(Key.D2.WithAlt);
            })
            .When("a meeting's agenda is shown", () => workspace.Mappa.Meeting is { Agenda.Count: > 0 } && !workspace.Calls.IsBusy, () =>
            {
                // demo.partner speaks for Children's Services, which sits at level 3 meetings only.
                Assert.All(workspace.Mappa.Meetings.Rows, m => Assert.Contains("Children's Services", m.Agencies));
                Assert.Contains("MAPPA meetings", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Why on the agenda", workspace.Mappa.DetailText, StringComparison.Ordinal);
            })
            .Run(workspace);

        var audit = await AuditTrail.LatestPurposeAsync(server, "demo.partner", "Caseload/RecordIomDecision");
        Assert.Equal("case-management", audit);
    }

    [Fact]
    public async Task An_administrator_sees_the_chain_status_and_who_looked_at_a_person_when_and_why()
    {
        using var manager = new TestClient(server);
        await manager.SignInAsync("demo.manager");
        var personId = await server.SomeoneElsesCase("demo.manager", skip: 3);
        await manager.Gateways.People.GetAsync(personId, Purpose.Because("Checking an address for a joint visit."), CancellationToken.None);

        using var client = new TestClient(server);
        await client.SignInAsync("demo.admin");
        using var terminal = new HeadlessTerminal(100, 30);
        using var opened = WorkspaceFactory.Create(client.ContextFor(terminal.App));
        var workspace = Assert.IsType<AuditWorkspace>(opened);

        terminal
            .When("the trail and the chain are shown", () => workspace.Entries.Rows.Count > 0 && workspace.ChainLine.Contains("INTACT", StringComparison.Ordinal) && !workspace.Calls.IsBusy, () =>
            {
                Assert.Contains("All calls, newest first", workspace.QueryLine, StringComparison.Ordinal);
                terminal.Press(Key.F2);
            })
            .WhenShowing<AuditFilterDialog>(_ =>
            {
                terminal.Type(personId);
                terminal.Press(Key.Enter);
            })
            .When("the calls touching the person are shown", () => workspace.Query.RecordId == personId && !workspace.Calls.IsBusy, () =>
            {
                Assert.All(workspace.Entries.Rows, e => Assert.Contains(personId, e.RecordIds));
                var look = Assert.Single(workspace.Entries.Rows, e => e.Subject == "demo.manager" && e.MethodShort == "People.GetPerson");
                Assert.True(workspace.Entries.Select(look.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.Contains("Why: reason: Checking an address for a joint visit.", workspace.DetailText, StringComparison.Ordinal);
                Assert.Contains("demo.manager", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Esc);
            })
            .When("Esc goes back to every call", () => workspace.Query.RecordId is null && !workspace.Calls.IsBusy, () =>
                Assert.Contains("All calls", workspace.QueryLine, StringComparison.Ordinal))
            .Run(workspace);
    }
}
