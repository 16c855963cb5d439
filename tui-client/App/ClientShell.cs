using OffenderMgmt.Tui.SignIn;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// The client's round: sign in, work in the role's workspace, and either quit or sign out and
/// start again. It also puts the re-sign-in dialog and the connection monitor in place, so an
/// expired sign-in or a lost server is handled over whatever screen is showing.
/// </summary>
public sealed class ClientShell(ClientContext context, string? username = null)
{
    private bool _quit;

    /// <summary>The workspace showing now, if any (for tests).</summary>
    public WorkspaceWindow? Workspace { get; private set; }

    public SignInWindow? SignIn { get; private set; }

    public void Run()
    {
        context.Connection.Renewer = new DialogSessionRenewer(context);
        using var monitor = new ConnectionMonitor(context);
        var lastUser = username;
        while (!_quit)
        {
            using (var signIn = SignIn = new SignInWindow(context, lastUser))
            {
                context.App.Run(signIn);
                SignIn = null;
                if (signIn.Session is null || _quit) return;
                lastUser = signIn.Session.Username;
            }
            using (var workspace = Workspace = WorkspaceFactory.Create(context))
            {
                context.App.Run(workspace);
                Workspace = null;
                if (workspace.Exit == WorkspaceExit.Quit) return;
            }
            context.Gateways.Auth.SignOut();
        }
    }

    /// <summary>Stops the round from outside (tests): closes what is showing and does not sign in again.</summary>
    public void Quit()
    {
        _quit = true;
        if (context.App.TopRunnable is { } top) context.App.RequestStop(top);
    }
}
