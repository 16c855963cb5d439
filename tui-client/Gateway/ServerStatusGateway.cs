using Grpc.Health.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Whether the server is up and serving.</summary>
public sealed class ServerStatusGateway(ServerConnection connection)
{
    private readonly Health.HealthClient _health = new(connection.Channel);

    /// <summary>"SERVING", "NOT_SERVING"... or an explanation of why the server cannot be reached.</summary>
    public async Task<ServerStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await GatewayException.Wrap(async () => await _health.CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken));
            return new ServerStatus(response.Status == HealthCheckResponse.Types.ServingStatus.Serving, response.Status.ToString().ToUpperInvariant());
        }
        catch (GatewayException e)
        {
            return new ServerStatus(false, e.Message);
        }
    }
}

public sealed record ServerStatus(bool Serving, string Text);
