using Grpc.Core;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>The live alert stream (Alerts.Watch).</summary>
public sealed class AlertGateway(ServerConnection connection)
{
    private readonly V1.Alerts.AlertsClient _alerts = new(connection.Invoker);

    /// <summary>A watch that, once run, stays connected until cancelled (see <see cref="AlertWatch"/>).</summary>
    public AlertWatch Watch(AlertFilter filter, Purpose purpose, long afterEventId = 0, TimeSpan? firstRetryDelay = null) =>
        new(connection, _alerts, filter, purpose, afterEventId, firstRetryDelay ?? TimeSpan.FromSeconds(1));

    internal static AlertEntry ToEntry(V1.AlertEvent e) => new(
        e.Id, Wire.Instant(e.At), Wording.Of(e.Kind), e.Kind == V1.AlertKind.SuspectedBreach, Wire.Text(e.AreaCode),
        Wire.Text(e.PersonId), Wire.Text(e.PersonName), e.Summary, Wire.Text(e.OrderId), Wire.Text(e.BreachId));
}

/// <summary>
/// Follows Alerts.Watch for one beat or officer. When the stream drops (server restart,
/// network), it reconnects with a growing pause and asks for everything after the last event
/// it delivered, so nothing is missed and nothing is shown twice. An expired sign-in is renewed
/// through the connection like any other call. Callbacks come on a background thread.
/// </summary>
public sealed class AlertWatch
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ServerConnection _connection;
    private readonly V1.Alerts.AlertsClient _alerts;
    private readonly TimeSpan _firstRetryDelay;
    private long _lastEventId;

    internal AlertWatch(ServerConnection connection, V1.Alerts.AlertsClient alerts, AlertFilter filter, Purpose purpose, long afterEventId, TimeSpan firstRetryDelay)
    {
        _connection = connection;
        _alerts = alerts;
        Filter = filter;
        Purpose = purpose;
        _lastEventId = afterEventId;
        _firstRetryDelay = firstRetryDelay;
    }

    public AlertFilter Filter { get; }
    public Purpose Purpose { get; }

    /// <summary>The id of the last event delivered; a new watch given it resumes from there.</summary>
    public long LastEventId => Interlocked.Read(ref _lastEventId);

    /// <summary>Delivers alerts until cancelled, or until the server refuses the watch for good.</summary>
    public async Task RunAsync(Action<AlertEntry> onAlert, Action<AlertWatchStatus> onStatus, CancellationToken cancellationToken)
    {
        var delay = _firstRetryDelay;
        var renewed = false;
        onStatus(new AlertWatchStatus(AlertWatchState.Connecting, "Connecting to live alerts…"));
        while (!cancellationToken.IsCancellationRequested)
        {
            var tokenUsed = _connection.Session?.AccessToken;
            try
            {
                var request = new V1.WatchRequest { AreaCode = Filter.AreaCode ?? "", OfficerId = Filter.OfficerId ?? "", AfterEventId = LastEventId };
                using var call = _alerts.Watch(request, ServerConnection.For(Purpose, cancellationToken, Timeout.InfiniteTimeSpan));
                // A server may hold its headers back until the first event or heartbeat: the
                // stream is live as soon as either arrives.
                var live = 0;
                void Live()
                {
                    if (Interlocked.Exchange(ref live, 1) == 1) return;
                    _connection.NoteHealth(ConnectionHealth.Online);
                    onStatus(new AlertWatchStatus(AlertWatchState.Live, "Live"));
                }
                _ = call.ResponseHeadersAsync.ContinueWith(
                    headers => { if (headers.IsCompletedSuccessfully) Live(); else _ = headers.Exception; },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    Live();
                    delay = _firstRetryDelay;
                    renewed = false;
                    var alert = call.ResponseStream.Current;
                    if (alert.Heartbeat || alert.Id == 0) continue;
                    // After a reconnect the server replays from our last id; never show one twice.
                    if (alert.Id <= LastEventId) continue;
                    Interlocked.Exchange(ref _lastEventId, alert.Id);
                    onAlert(AlertGateway.ToEntry(alert));
                }
                onStatus(new AlertWatchStatus(AlertWatchState.Reconnecting, "The alert stream ended; reconnecting…"));
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (GatewayException.CallsForSignIn(e) && !renewed && tokenUsed is not null)
            {
                renewed = true;
                if (!await _connection.RenewSessionAsync(tokenUsed, e.Status.Detail, cancellationToken))
                {
                    onStatus(new AlertWatchStatus(AlertWatchState.Stopped, "Live alerts stopped: sign in again to restart them."));
                    return;
                }
                continue;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.NotFound
                                             or StatusCode.Unimplemented or StatusCode.Unauthenticated)
            {
                // Asking again will not change the answer.
                onStatus(new AlertWatchStatus(AlertWatchState.Stopped, $"Live alerts unavailable: {_connection.Failed(e, cancellationToken).Message}"));
                return;
            }
            catch (RpcException e)
            {
                var failure = _connection.Failed(e, cancellationToken);
                onStatus(new AlertWatchStatus(AlertWatchState.Reconnecting, $"Live alerts interrupted ({failure.Message}); retrying in {delay.TotalSeconds:0} s…"));
            }
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }
}
