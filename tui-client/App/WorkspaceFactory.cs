using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using OffenderMgmt.Tui.Workspaces.Other;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Analyst;
using OffenderMgmt.Tui.Workspaces.Retention;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.App;

/// <summary>The workspace for the signed-in user's role.</summary>
public static class WorkspaceFactory
{
    public static WorkspaceWindow Create(ClientContext context) => context.Session.Role switch
    {
        UserRole.OffenderManager => new OffenderManagerWorkspace(context),
        UserRole.Supervisor => WithReportsAndReview(new SupervisorWorkspace(context), context),
        UserRole.Analyst => new ReportsWorkspace(context),
        UserRole.Admin => new RetentionWorkspace(context),
        UserRole.LocalOfficer => new LocalOfficerWorkspace(context),
        _ => new OtherRoleWorkspace(context),
    };

    /// <summary>Issue 19: a supervisor opens the reports with F9 and the review of records due for disposal with Shift+F9.</summary>
    private static WorkspaceWindow WithReportsAndReview(WorkspaceWindow workspace, ClientContext context)
    {
        workspace.KeyDown += (_, key) =>
        {
            if (key == Key.F9)
            {
                using var reports = new ReportsWindow(context);
                context.App.Run(reports);
                key.Handled = true;
            }
            else if (key == Key.F9.WithShift)
            {
                using var review = new RetentionWindow(context);
                context.App.Run(review);
                key.Handled = true;
            }
        };
        return workspace;
    }
}
