using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// The one writer of the audit chain, and the keeper of whose turn it is to write.
/// <para>
/// Calls that change nothing (reads, refusals) hand their entry to <see cref="AppendAsync"/>
/// and wait: the writer takes every entry waiting, chains them in order, commits them in one
/// transaction (one sync for them all), and only then releases each call to send its answer.
/// Alone, a call waits for one commit; under load the batch grows instead of the queue.
/// </para>
/// <para>
/// Calls that change data take a <see cref="WriteTurn"/> (<see cref="TurnAsync"/>): between
/// batches the writer hands the database to one write at a time, which commits its work and its
/// own audit entry in its own transaction, so the two stand or fall together. SQLite allows one
/// writer; taking turns here keeps the chain in order and means a write never waits on the
/// database's lock while holding another. Entries waiting when a write's turn ends go first, so
/// a read's answer waits for at most one write.
/// </para>
/// </summary>
public sealed partial class AuditWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;
    public const string MeterName = "OffenderMgmt";
    public const string TurnsWaitingInstrument = "offendermgmt.write.waiting";
    public const string BatchSizeInstrument = "offendermgmt.audit.batch_size";

    private abstract record Job;
    private sealed record EntryJob(AuditRecord Record, TaskCompletionSource Done) : Job;
    private sealed record TurnJob(TaskCompletionSource<WriteTurn> Granted) : Job;

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditBatchStore _store;
    private readonly ILogger<AuditWriter> _logger;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitTime;
    private readonly UpDownCounter<int> _turnsWaiting;
    private readonly Task _loop;

    public AuditWriter(IServiceScopeFactory scopes, IMeterFactory meters, ILogger<AuditWriter> logger, AuditCommitHold hold)
    {
        _store = new AuditBatchStore(scopes, hold);
        _logger = logger;
        var meter = meters.Create(MeterName);
        _batchSize = meter.CreateHistogram<int>(BatchSizeInstrument, "{entry}", "Audit entries committed together in one transaction");
        _commitTime = meter.CreateHistogram<double>("offendermgmt.audit.commit_time", "ms", "Time to chain and commit one batch of audit entries");
        _turnsWaiting = meter.CreateUpDownCounter<int>(TurnsWaitingInstrument, "{write}", "Writes waiting for their turn at the database");
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the entry is committed (durable); throws <see cref="AuditUnavailableException"/> if it could not be.</summary>
    public Task AppendAsync(AuditRecord record)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new EntryJob(record, done)))
            done.SetException(new AuditUnavailableException(new ObjectDisposedException(nameof(AuditWriter))));
        return done.Task;
    }

    /// <summary>Waits for the database to be this caller's alone; dispose the turn to hand it back.</summary>
    public async Task<WriteTurn> TurnAsync(CancellationToken cancellationToken)
    {
        var granted = new TaskCompletionSource<WriteTurn>(TaskCreationOptions.RunContinuationsAsynchronously);
        _turnsWaiting.Add(1);
        try
        {
            ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(new TurnJob(granted)), this);
            await using (cancellationToken.Register(() => granted.TrySetCanceled(cancellationToken)))
                return await granted.Task;
        }
        finally
        {
            _turnsWaiting.Add(-1);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var entries = new List<EntryJob>();
        var turns = new Queue<TurnJob>();
        while (turns.Count > 0 || await reader.WaitToReadAsync())
        {
            while (entries.Count < MaxBatch && reader.TryRead(out var job))
            {
                if (job is EntryJob entry) entries.Add(entry);
                else turns.Enqueue((TurnJob)job);
            }
            if (entries.Count > 0)
            {
                await CommitAsync(entries);
                entries.Clear();
                continue;
            }
            if (turns.TryDequeue(out var turn)) await GrantAsync(turn);
        }
    }

    private async Task CommitAsync(List<EntryJob> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var records = new AuditRecord[batch.Count];
        for (var i = 0; i < batch.Count; i++) records[i] = batch[i].Record;
        try
        {
            await _store.CommitAsync(records);
        }
        catch (Exception e)
        {
            LogBatchFailed(e, batch.Count);
            var failure = new AuditUnavailableException(e);
            foreach (var job in batch) job.Done.TrySetException(failure);
            return;
        }
        _batchSize.Record(batch.Count);
        _commitTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var job in batch) job.Done.TrySetResult();
    }

    private static async Task GrantAsync(TurnJob job)
    {
        var turn = new WriteTurn();
        // A caller that gave up while waiting has cancelled its grant: skip it.
        if (!job.Granted.TrySetResult(turn)) return;
        await turn.Ended;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _store.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} audit entries could not be committed; those calls were refused")]
    private partial void LogBatchFailed(Exception exception, int count);
}

/// <summary>The database is the holder's alone until this is disposed.</summary>
public sealed class WriteTurn : IAsyncDisposable, IDisposable
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Ended => _ended.Task;

    public void Dispose() => _ended.TrySetResult();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
