using OffenderMgmt.Contracts.Tls;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// The client's one channel to the OffenderMgmt server and the signed-in session. Every call
/// carries the session's bearer token; each gateway states the purpose of its calls. Screens
/// never see gRPC types: they use the gateways, which return plain records and turn failures
/// into <see cref="GatewayException"/>.
/// <para>
/// When the server says the sign-in is no longer valid (UNAUTHENTICATED), the connection asks
/// its <see cref="Renewer"/> (the re-sign-in dialog) for a new session and repeats the call
/// once, so an expired token costs the user a password, not the work on the screen.
/// </para>
/// </summary>
public sealed class ServerConnection : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _channel;
    private readonly bool _ownsChannel;
    private readonly Lock _gate = new();
    private Task<bool>? _renewal;
    private Session? _session;
    private ConnectionHealth _health = ConnectionHealth.Unknown;

    /// <summary>Over a channel someone else owns (and disposes).</summary>
    public ServerConnection(GrpcChannel channel, Uri address, ICallLog? log = null) : this(channel, address, ownsChannel: false, log) { }

    private ServerConnection(GrpcChannel channel, Uri address, bool ownsChannel, ICallLog? log)
    {
        _channel = channel;
        _ownsChannel = ownsChannel;
        Address = address;
        Log = log ?? ICallLog.None;
        Invoker = channel
            .Intercept(new CallLogInterceptor(Log))
            .Intercept(metadata =>
            {
                if (Session is { } session) metadata.Add("authorization", $"Bearer {session.AccessToken}");
                return metadata;
            });
    }

    public Uri Address { get; }

    /// <summary>Where calls are noted (method, status and time only).</summary>
    public ICallLog Log { get; }

    /// <summary>The channel with the session's token added to every call.</summary>
    public CallInvoker Invoker { get; }

    /// <summary>The channel as it is, for calls made before signing in.</summary>
    public GrpcChannel Channel => _channel;

    /// <summary>Asked for a new session when the server no longer accepts the token.</summary>
    public ISessionRenewer? Renewer { get; set; }

    public Session? Session
    {
        get { lock (_gate) return _session; }
        set
        {
            lock (_gate) _session = value;
            SessionChanged?.Invoke(this, value);
        }
    }

    /// <summary>Raised (on the calling thread) when the session is set, renewed or cleared.</summary>
    public event EventHandler<Session?>? SessionChanged;

    /// <summary>What the last call found out about the server.</summary>
    public ConnectionHealth Health
    {
        get { lock (_gate) return _health; }
    }

    /// <summary>Raised (on the calling thread) when a call finds the server reachable after it was not, or the reverse.</summary>
    public event EventHandler<ConnectionHealth>? HealthChanged;

    /// <param name="certificateAuthority">A PEM file of the CA that issued an https:// server's certificate, trusted instead of the system's (--ca).</param>
    public static ServerConnection Open(Uri address, ICallLog? log = null, string? certificateAuthority = null)
    {
        var handler = new SocketsHttpHandler
        {
            // Notice a dead server on a long-lived alert stream within seconds, not minutes.
            KeepAlivePingDelay = TimeSpan.FromSeconds(20),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            EnableMultipleHttp2Connections = true,
        };
        if (certificateAuthority is not null) handler.TrustingAuthority(certificateAuthority);
        return new(GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024, HttpHandler = handler }),
            address, ownsChannel: true, log);
    }

    /// <summary>Call options stating why the call is made (sent as x-access-purpose).</summary>
    public static CallOptions For(Purpose? purpose, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var headers = new Metadata();
        if (purpose is not null) headers.Add("x-access-purpose", purpose.Header);
        DateTime? deadline = timeout == Timeout.InfiniteTimeSpan ? null : DateTime.UtcNow + (timeout ?? DefaultTimeout);
        return new CallOptions(headers, deadline, cancellationToken);
    }

    /// <summary>
    /// Follows a list's pages to the end, or until <paramref name="max"/> rows: each page is one
    /// <see cref="CallAsync{TResponse}"/>, asked for with the previous page's token.
    /// </summary>
    public async Task<List<TRow>> AllPagesAsync<TPage, TRow>(
        Purpose? purpose, Func<string, CallOptions, AsyncUnaryCall<TPage>> page, Func<TPage, IEnumerable<TRow>> rows, Func<TPage, string> nextToken,
        int max, CancellationToken cancellationToken)
    {
        var all = new List<TRow>();
        var token = "";
        do
        {
            var response = await CallAsync(purpose, o => page(token, o), cancellationToken);
            all.AddRange(rows(response));
            token = nextToken(response);
        } while (token.Length > 0 && all.Count < max);
        return all;
    }

    /// <summary>
    /// Makes a unary call: with the purpose header and a deadline; signing in again and
    /// repeating it once if the token is refused; failures as <see cref="GatewayException"/>.
    /// </summary>
    public async Task<TResponse> CallAsync<TResponse>(
        Purpose? purpose, Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var renewed = false;
        while (true)
        {
            var tokenUsed = Session?.AccessToken;
            try
            {
                var response = await call(For(purpose, cancellationToken, timeout));
                NoteHealth(ConnectionHealth.Online);
                return response;
            }
            catch (RpcException e) when (GatewayException.CallsForSignIn(e) && !renewed && tokenUsed is not null)
            {
                NoteHealth(ConnectionHealth.Online);
                renewed = true;
                if (!await RenewSessionAsync(tokenUsed, e.Status.Detail, cancellationToken)) throw GatewayException.From(e);
            }
            catch (RpcException e)
            {
                throw Failed(e, cancellationToken);
            }
            catch (OperationCanceledException e)
            {
                throw new GatewayException(GatewayFailure.Cancelled, "Cancelled.", e);
            }
        }
    }

    /// <summary>Maps a failure of any call (unary or streaming) and notes what it says about the server.</summary>
    internal GatewayException Failed(RpcException e, CancellationToken cancellationToken)
    {
        // A call the user cancelled reports CANCELLED however far it got; that says nothing about the server.
        if (cancellationToken.IsCancellationRequested) return new GatewayException(GatewayFailure.Cancelled, "Cancelled.", e);
        var failure = GatewayException.From(e);
        NoteHealth(failure.Failure == GatewayFailure.Unreachable ? ConnectionHealth.Unreachable : ConnectionHealth.Online);
        return failure;
    }

    /// <summary>
    /// Gets a new session from the renewer, once however many calls failed together: a screen
    /// loading three lists at once asks for the password once. A call that failed with a token
    /// that has since been replaced just tries again.
    /// </summary>
    internal Task<bool> RenewSessionAsync(string failedToken, string why, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_session is null) return Task.FromResult(false);
            if (_session.AccessToken != failedToken) return Task.FromResult(true);
            if (_renewal is { IsCompleted: false }) return _renewal;
            if (Renewer is not { } renewer) return Task.FromResult(false);
            var username = _session.Username;
            return _renewal = RenewAsync(renewer, username, why, cancellationToken);
        }
    }

    private async Task<bool> RenewAsync(ISessionRenewer renewer, string username, string why, CancellationToken cancellationToken)
    {
        Log.Note("session-renewal-requested");
        var renewed = await renewer.RenewAsync(new RenewalRequest(username, why), cancellationToken);
        // Only the same person may carry on with what is on the screen.
        var ok = renewed && Session is { } session && string.Equals(session.Username, username, StringComparison.OrdinalIgnoreCase);
        Log.Note(ok ? "session-renewed" : "session-renewal-declined");
        return ok;
    }

    /// <summary>Tells everyone watching when a call finds the server up after it was down, or down after it was up.</summary>
    internal void NoteHealth(ConnectionHealth health)
    {
        bool changed;
        lock (_gate)
        {
            changed = _health != health;
            _health = health;
        }
        if (!changed) return;
        Log.Note($"server-{health.ToString().ToLowerInvariant()}");
        HealthChanged?.Invoke(this, health);
    }

    public void Dispose()
    {
        if (_ownsChannel) _channel.Dispose();
    }
}

/// <summary>Whether the server answered the last call.</summary>
public enum ConnectionHealth
{
    Unknown,
    Online,
    Unreachable,
}

/// <summary>Gets a new session for the same user when theirs has expired or was refused.</summary>
public interface ISessionRenewer
{
    /// <summary>True once the connection has a new session for <see cref="RenewalRequest.Username"/>.</summary>
    Task<bool> RenewAsync(RenewalRequest request, CancellationToken cancellationToken);
}

/// <summary>Who must sign in again, and the server's words for why.</summary>
public sealed record RenewalRequest(string Username, string Why);
