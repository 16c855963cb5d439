namespace OffenderMgmt.Tui.Gateway;

/// <summary>Who is signed in, and the token that proves it.</summary>
public sealed record Session(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string Username,
    string DisplayName,
    UserRole Role,
    string OfficerId,
    string CollarNumber,
    string TeamId,
    string TeamName,
    IReadOnlySet<string> AllowedMethods)
{
    /// <summary>Whether the server lets this role make the call, e.g. "/offendermgmt.v1.Caseload/ListOrphaned".</summary>
    public bool May(string fullMethod) => AllowedMethods.Contains(fullMethod);

    public bool IsOfficer => OfficerId.Length > 0;

    /// <summary>"Jo Bloggs (4123, VSOMT)" for title bars.</summary>
    public string Describe()
    {
        var details = new[] { CollarNumber, TeamName }.Where(d => d.Length > 0).ToList();
        return details.Count == 0 ? DisplayName : $"{DisplayName} ({string.Join(", ", details)})";
    }

    // The token is a credential: keep it out of ToString (and so out of any log or assertion message).
    public override string ToString() => $"Session {{ Username = {Username}, Role = {Role}, ExpiresAt = {ExpiresAt:u} }}";
}

/// <summary>The roles the server knows; the values match the API's Role.</summary>
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

public static class UserRoleWords
{
    public static string Describe(this UserRole role) => role switch
    {
        UserRole.OffenderManager => "offender manager",
        UserRole.Supervisor => "supervisor",
        UserRole.LocalOfficer => "local officer",
        UserRole.Analyst => "analyst",
        UserRole.PartnerAgency => "partner agency",
        UserRole.Service => "service account",
        UserRole.Admin => "administrator",
        _ => "unknown role",
    };
}
