using Grpc.Health.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Whether the server is up and serving (the standard gRPC health service; needs no sign-in).</summary>
public sealed class ServerStatusGateway(ServerConnection connection)
{
    private readonly Health.HealthClient _health = new(connection.Channel);

    /// <summary>"SERVING", "NOT_SERVING"... or an explanation of why the server cannot be reached.</summary>
    public async Task<ServerStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _health.CheckAsync(new HealthCheckRequest(), ServerConnection.For(null, cancellationToken, TimeSpan.FromSeconds(5)));
            var serving = response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            connection.NoteHealth(serving ? ConnectionHealth.Online : ConnectionHealth.Unreachable);
            return new ServerStatus(serving, response.Status.ToString().ToUpperInvariant());
        }
        catch (Grpc.Core.RpcException e)
        {
            return new ServerStatus(false, connection.Failed(e, cancellationToken).Message);
        }
    }
}

public sealed record ServerStatus(bool Serving, string Text);
