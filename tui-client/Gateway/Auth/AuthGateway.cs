using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Signing in, and asking the server who the token says we are.</summary>
public sealed class AuthGateway(ServerConnection connection)
{
    private readonly V1.Auth.AuthClient _signIn = new(connection.Channel);
    private readonly V1.Auth.AuthClient _auth = new(connection.Invoker);

    /// <summary>Signs in and keeps the session on the connection for every later call.</summary>
    public async Task<Session> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        V1.SignInResponse response;
        try
        {
            // Not through CallAsync: a refused password is an answer here, not a reason to ask for one.
            response = await _signIn.SignInAsync(
                new V1.SignInRequest { Username = username, Password = password },
                ServerConnection.For(null, cancellationToken, TimeSpan.FromSeconds(30)));
        }
        catch (Grpc.Core.RpcException e)
        {
            connection.Log.Note("sign-in-failed");
            throw connection.Failed(e, cancellationToken);
        }
        connection.NoteHealth(ConnectionHealth.Online);
        var session = ToSession(response.AccessToken, response.ExpiresAt?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue, response.Caller);
        connection.Session = session;
        connection.Log.Note($"signed-in as {session.Role}");
        return session;
    }

    /// <summary>The caller as the server sees them now (role and permissions may have changed since sign-in).</summary>
    public async Task<Session> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var current = connection.Session ?? throw new GatewayException(GatewayFailure.SignInNeeded, "Sign in first.");
        var caller = await connection.CallAsync(null, o => _auth.WhoAmIAsync(new V1.WhoAmIRequest(), o), cancellationToken);
        return ToSession(current.AccessToken, current.ExpiresAt, caller);
    }

    public void SignOut()
    {
        connection.Session = null;
        connection.Log.Note("signed-out");
    }

    private static Session ToSession(string token, DateTimeOffset expiresAt, V1.CallerIdentity caller) => new(
        token, expiresAt, caller.Username, caller.DisplayName.Length > 0 ? caller.DisplayName : caller.Username,
        WireEnums.Roles.FromWire(caller.Role),
        caller.OfficerId, caller.CollarNumber, caller.TeamId, caller.TeamName,
        caller.AllowedMethods.ToHashSet(StringComparer.Ordinal));
}
