using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Admin;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;
using OffenderMgmt.Tui.Workspaces.OffenderManager;
using OffenderMgmt.Tui.Workspaces.Other;
using OffenderMgmt.Tui.Workspaces.Partner;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using OffenderMgmt.Tui.Workspaces.Common;

namespace OffenderMgmt.Tui.App;

/// <summary>The workspace for the signed-in user's role.</summary>
public static class WorkspaceFactory
{
    public static WorkspaceWindow Create(ClientContext context) => context.Session.Role switch
    {
        UserRole.OffenderManager => new OffenderManagerWorkspace(context),
        UserRole.Supervisor => new SupervisorWorkspace(context),
        UserRole.LocalOfficer => new LocalOfficerWorkspace(context),
        UserRole.PartnerAgency => new PartnerWorkspace(context),
        UserRole.Admin => new AuditWorkspace(context),
        _ => new OtherRoleWorkspace(context),
    };
}
