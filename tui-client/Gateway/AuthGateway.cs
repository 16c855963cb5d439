using OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Signing in.</summary>
public sealed class AuthGateway(ServerConnection connection)
{
    private readonly Auth.AuthClient _auth = new(connection.Channel);

    /// <summary>Signs in and keeps the session on the connection for every later call.</summary>
    public async Task<Session> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var response = await GatewayException.Wrap(async () => await _auth.SignInAsync(
            new SignInRequest { Username = username, Password = password },
            deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken));
        var caller = response.Caller;
        var session = new Session(
            response.AccessToken, response.ExpiresAt.ToDateTimeOffset(), caller.Username, caller.DisplayName,
            (UserRole)(int)caller.Role, caller.OfficerId, caller.TeamId, caller.TeamName,
            caller.AllowedMethods.ToHashSet(StringComparer.Ordinal));
        connection.Session = session;
        return session;
    }

    public void SignOut() => connection.Session = null;
}
