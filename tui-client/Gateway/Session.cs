namespace OffenderMgmt.Tui.Gateway;

/// <summary>Who is signed in, and the token that proves it.</summary>
public sealed record Session(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string Username,
    string DisplayName,
    UserRole Role,
    string OfficerId,
    string TeamId,
    string TeamName,
    IReadOnlySet<string> AllowedMethods)
{
    public bool May(string fullMethod) => AllowedMethods.Contains(fullMethod);
}

/// <summary>The roles the client knows how to serve.</summary>
public enum UserRole
{
    Unknown = 0,
    OffenderManager = 1,
    Supervisor = 2,
    LocalOfficer = 3,
    Analyst = 4,
    PartnerAgency = 5,
    Service = 6,
    Admin = 7,
}
