using Grpc.Net.Client;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// The client's one channel to the OffenderMgmt server. Screens never see gRPC types: they use
/// the gateways, which turn calls into plain records and failures into <see cref="GatewayException"/>.
/// </summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public ServerConnection(GrpcChannel channel, Uri address)
    {
        _channel = channel;
        Address = address;
    }

    public Uri Address { get; }

    public GrpcChannel Channel => _channel;

    public static ServerConnection Open(Uri address) =>
        new(GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        }), address);

    public void Dispose() => _channel.Dispose();
}
