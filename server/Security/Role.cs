namespace OffenderMgmt.Server.Security;

/// <summary>What a signed-in caller is, for deciding what they may call and see.</summary>
public enum Role
{
    OffenderManager = 1,
    Supervisor = 2,
    LocalOfficer = 3,
    Analyst = 4,
    PartnerAgency = 5,
    /// <summary>Another system: a court or case system, custody, the regional organised crime unit.</summary>
    Service = 6,
    Admin = 7,
}

public static class RoleNames
{
    /// <summary>The role's name in tokens and on the command line, e.g. "offender-manager".</summary>
    public static string ToClaim(this Role role) => role switch
    {
        Role.OffenderManager => "offender-manager",
        Role.Supervisor => "supervisor",
        Role.LocalOfficer => "local-officer",
        Role.Analyst => "analyst",
        Role.PartnerAgency => "partner-agency",
        Role.Service => "service",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToClaim(), text?.Trim(), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    public static string All => string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToClaim()));
}
