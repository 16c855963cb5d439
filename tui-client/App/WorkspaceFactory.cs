using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Admin;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using OffenderMgmt.Tui.Workspaces.Other;
using OffenderMgmt.Tui.Workspaces.Partner;
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
        UserRole.Supervisor => WithGrants(WithReview(WithReports(new SupervisorWorkspace(context), context), context), context),
        UserRole.Analyst => new ReportsWorkspace(context),
        UserRole.LocalOfficer => new LocalOfficerWorkspace(context),
        UserRole.PartnerAgency => new PartnerWorkspace(context),
        UserRole.Admin => WithReview(new AuditWorkspace(context), context),
        _ => new OtherRoleWorkspace(context),
    };

    /// <summary>Issue 19: a supervisor opens the reports with F9.</summary>
    private static WorkspaceWindow WithReports(WorkspaceWindow workspace, ClientContext context)
    {
        workspace.KeyDown += (_, key) =>
        {
            if (key != Key.F9) return;
            using var reports = new ReportsWindow(context);
            context.App.Run(reports);
            key.Handled = true;
        };
        return workspace;
    }

    /// <summary>Issue 19: supervisors and administrators open the records due for review and disposal with Shift+F9.</summary>
    private static WorkspaceWindow WithReview(WorkspaceWindow workspace, ClientContext context)
    {
        workspace.KeyDown += (_, key) =>
        {
            if (key != Key.F9.WithShift) return;
            using var review = new RetentionWindow(context);
            context.App.Run(review);
            key.Handled = true;
        };
        return workspace;
    }

    /// <summary>Issue 19: a supervisor grants analysts access to named people, lists and revokes grants, with Ctrl+F9.</summary>
    private static WorkspaceWindow WithGrants(WorkspaceWindow workspace, ClientContext context)
    {
        workspace.KeyDown += (_, key) =>
        {
            if (key != Key.F9.WithCtrl) return;
            using var grants = new AnalystGrantsWindow(context);
            context.App.Run(grants);
            key.Handled = true;
        };
        return workspace;
    }
}
