using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.SignIn;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using OffenderMgmt.Tui.Workspaces.Other;
using OffenderMgmt.Tui.Workspaces.Analyst;
using OffenderMgmt.Tui.Workspaces.Admin;
using OffenderMgmt.Tui.Workspaces.Partner;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Signing in from the first screen opens the workspace of the user's role.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class ShellTests(DemoServerFactory server)
{
    [Theory]
    [InlineData("demo.manager", typeof(OffenderManagerWorkspace), "Offender manager")]
    [InlineData("demo.supervisor", typeof(SupervisorWorkspace), "Supervisor")]
    [InlineData("demo.officer", typeof(LocalOfficerWorkspace), "Local officer")]
    [InlineData("demo.analyst", typeof(ReportsWorkspace), "Reports")]
    [InlineData("demo.admin", typeof(AuditWorkspace), "audit trail")]
    [InlineData("demo.partner", typeof(PartnerWorkspace), "Partner agency")]
    public void Signing_in_opens_the_workspace_of_the_role(string username, Type workspace, string shown)
    {
        using var terminal = new HeadlessTerminal();
        using var client = new TestClient(server);
        var shell = new ClientShell(client.ContextFor(terminal.App));

        terminal
            .WhenShowing<SignInWindow>(_ =>
            {
                terminal.Type(username);
                terminal.Press(Key.Tab);
                terminal.Type(ServerFactory.Password);
                terminal.Press(Key.Enter);
            })
            // The status line names the user once the workspace's first load has said its piece: a
            // long message takes the line's room meanwhile and the connection shrinks to its symbol.
            .When("the workspace is showing", () => shell.Workspace is not null && terminal.Screen().Contains(shown, StringComparison.Ordinal)
                                                    && terminal.Screen().Contains(username, StringComparison.Ordinal), () =>
            {
                Assert.IsType(workspace, shell.Workspace);
                Assert.Contains(username, terminal.Screen(), StringComparison.Ordinal);
            })
            .Run(shell.Run, shell.Quit);
    }

    [Fact]
    public void Signing_out_returns_to_the_sign_in_screen_with_the_username_kept()
    {
        using var terminal = new HeadlessTerminal();
        using var client = new TestClient(server);
        var shell = new ClientShell(client.ContextFor(terminal.App), "demo.analyst");

        terminal
            .WhenShowing<SignInWindow>(_ =>
            {
                terminal.Type(ServerFactory.Password);
                terminal.Press(Key.Enter);
            })
            .When("the workspace is showing", () => shell.Workspace is ReportsWorkspace, () => shell.Workspace!.SignOut())
            .When("the sign-in screen is back", () => shell.SignIn is { IsRunning: true }, () =>
            {
                Assert.Equal("demo.analyst", shell.SignIn!.Username.Text);
                Assert.Null(client.Connection.Session);
            })
            .Run(shell.Run, shell.Quit);
    }

    [Fact]
    public async Task Other_roles_are_told_what_the_client_serves_and_shown_no_records()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.admin");
        using var terminal = new HeadlessTerminal();
        using var window = new OtherRoleWorkspace(client.ContextFor(terminal.App));

        terminal
            .When("the account is checked", () => !window.Calls.IsBusy && window.Explanation.Contains("Audit/Query", StringComparison.Ordinal), () =>
            {
                Assert.Contains("administrator", window.Explanation, StringComparison.Ordinal);
                Assert.DoesNotContain("People/GetPerson", window.Explanation, StringComparison.Ordinal);
            })
            .Run(window);
    }
}
