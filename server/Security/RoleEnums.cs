using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Security;

/// <summary>The role between domain and proto, by an explicit table.</summary>
public static class RoleEnums
{
    public static readonly EnumTable<Role, V1.Role> Roles = new(new Dictionary<Role, V1.Role>
    {
        [Role.OffenderManager] = V1.Role.OffenderManager, [Role.Supervisor] = V1.Role.Supervisor, [Role.LocalOfficer] = V1.Role.LocalOfficer,
        [Role.Analyst] = V1.Role.Analyst, [Role.PartnerAgency] = V1.Role.PartnerAgency, [Role.Service] = V1.Role.Service, [Role.Admin] = V1.Role.Admin,
    });
}
