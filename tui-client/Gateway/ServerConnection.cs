using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// The client's one channel to the OffenderMgmt server and the signed-in session. Every call
/// carries the session's bearer token; each gateway states the purpose of its calls. Screens
/// never see gRPC types: they use the gateways, which return plain records and turn failures
/// into <see cref="GatewayException"/>.
/// </summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly bool _ownsChannel;

    /// <summary>Over a channel someone else owns (and disposes).</summary>
    public ServerConnection(GrpcChannel channel, Uri address) : this(channel, address, ownsChannel: false) { }

    private ServerConnection(GrpcChannel channel, Uri address, bool ownsChannel)
    {
        _channel = channel;
        _ownsChannel = ownsChannel;
        Address = address;
        Invoker = channel.Intercept(metadata =>
        {
            if (Session is { } session) metadata.Add("authorization", $"Bearer {session.AccessToken}");
            return metadata;
        });
    }

    public Uri Address { get; }

    /// <summary>The channel with the session's token added to every call.</summary>
    public CallInvoker Invoker { get; }

    /// <summary>The channel as it is, for calls made before signing in.</summary>
    public GrpcChannel Channel => _channel;

    public Session? Session { get; set; }

    public static ServerConnection Open(Uri address) =>
        new(GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        }), address, ownsChannel: true);

    /// <summary>Call options stating why the call is made (sent as x-access-purpose).</summary>
    public static CallOptions For(Purpose purpose, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        new(new Metadata { { "x-access-purpose", purpose.Header } },
            DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)), cancellationToken);

    public void Dispose()
    {
        if (_ownsChannel) _channel.Dispose();
    }
}

/// <summary>Why the client is reading or changing something; every screen states one.</summary>
public sealed record Purpose(string Header)
{
    public static readonly Purpose CaseManagement = new("case-management");
    public static readonly Purpose Briefing = new("briefing");
    public static readonly Purpose SightingCheck = new("sighting-check");
    public static readonly Purpose Supervision = new("supervision");
    public static readonly Purpose Audit = new("audit");

    /// <summary>A reason in the user's own words, for opening a record outside their own work.</summary>
    public static Purpose Because(string reason) => new($"reason: {Uri.EscapeDataString(reason.Trim())}");
}
