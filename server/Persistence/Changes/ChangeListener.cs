using Npgsql;
using OffenderMgmt.Server.Hosting;

namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// Wakes this instance when any instance commits a change (issue 15). On PostgreSQL it holds
/// one connection of its own that <c>LISTEN</c>s on <see cref="ChangeLogWriter.Channel"/>;
/// each notification asks the <see cref="ChangeFeed"/> to catch up in the background, so the
/// views are usually current before anyone asks and alert watchers hear of an alert raised
/// through another instance at once. The connection goes straight to PostgreSQL (LISTEN does
/// not work through a pooler in transaction mode) and is checked by keepalives; when it is lost
/// the views are marked stale, and once it is back they rebuild in full. Correctness never
/// rests on it: readers catch up themselves before answering. It also runs the catch-ups that
/// this instance's own commits ask for (the only wake-up on SQLite).
/// </summary>
public sealed partial class ChangeListener(ChangeFeed feed, DatabaseLocation location, Microsoft.Extensions.Options.IOptions<StorageOptions> storage,
    TimeProvider time, Telemetry.ViewMetrics metrics, ILogger<ChangeListener> logger) : BackgroundService
{
    public const string ApplicationName = "offendermgmt-listener";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;

    /// <summary>How many times the listening connection has been opened (tests wait on a reconnection).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Completes once the first LISTEN is in place (at once on SQLite).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Whether the LISTEN connection is open now (always on SQLite, or with the listener off); the gauge <c>offendermgmt.changes.listener.connected</c>.</summary>
    public bool IsConnected => Volatile.Read(ref _connected);

    public event Action? Connected;

    /// <summary>Raised when the LISTEN connection is found lost, once the views are marked stale.</summary>
    public event Action? Lost;

    private bool _connected = true;
    private int _backend;

    /// <summary>The PostgreSQL backend process of the LISTEN connection (0 when none): it is in pg_stat_activity under <see cref="ApplicationName"/>.</summary>
    public int BackendProcessId => Volatile.Read(ref _backend);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveListener(() => IsConnected);
        var nudges = feed.RunNudgesAsync(stoppingToken);
        if (location.Provider != StorageProvider.Postgres || !storage.Value.ListenForChanges)
        {
            _listening.TrySetResult();
            await nudges;
            return;
        }
        try
        {
            await ListenAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        try
        {
            await nudges;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Straight to PostgreSQL when the main connection goes through a transaction pooler.
        var direct = storage.Value.ListenConnectionString is { Length: > 0 } straight ? straight : location.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(direct)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            // An idle connection is checked every few seconds, so a dead one is noticed.
            KeepAlive = 5,
        }.ToString();
        Volatile.Write(ref _connected, false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => feed.Nudge();
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeLogWriter.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Interlocked.Increment(ref _connections);
                Volatile.Write(ref _backend, connection.ProcessID);
                Volatile.Write(ref _connected, true);
                LogListening();
                // Whatever was committed before the LISTEN (or while it was down) is read now.
                feed.Nudge();
                _listening.TrySetResult();
                Connected?.Invoke();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                Volatile.Write(ref _connected, false);
                Volatile.Write(ref _backend, 0);
                feed.MarkStale();
                LogLost(e);
                // On the injected clock, so a test decides when the listener comes back (the
                // wait is in place before Lost is raised).
                var retry = Task.Delay(Retry, time, stoppingToken);
                Lost?.Invoke();
                await retry;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes committed by any instance")]
    private partial void LogListening();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener's connection was lost; the views rebuild once it is back, and readers catch up themselves meanwhile")]
    private partial void LogLost(Exception exception);
}
