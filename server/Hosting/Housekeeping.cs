using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Work the calendar causes: orders past their end date expire (and their checks are
/// withdrawn), and cases whose review falls due soon get a review task. At start-up and then
/// hourly, taking its turn with the other writers, each run that changes something leaving an
/// audit entry under the name "system".
/// <para>
/// With several instances on one database, the rounds run on one of them: the holder of the
/// "housekeeping" <see cref="JobLease"/>. Every instance looks every <see cref="JobOptions.RenewEvery"/>:
/// the holder renews, the others find it held. When the holder stops it gives the lease up, and
/// when it dies the lease runs out within <see cref="JobOptions.LeaseLength"/>; either way the
/// next instance to look takes it and runs a round at once. A round twice (a holder stalled past
/// its lease) would do no harm: rounds take the audit chain lock, and a round after another
/// finds nothing left to do.
/// </para>
/// </summary>
public sealed partial class Housekeeping(
    IServiceScopeFactory scopes, WriteGate gate, ForceClock clock, InstanceIdentity instance, IOptions<JobOptions> jobs,
    RateLimits limits, ILogger<Housekeeping> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const string LeaseName = "housekeeping";

    private readonly TaskCompletionSource _firstLook = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long? _lastRound;

    /// <summary>Completes once this instance has first looked at the lease (and run a round if it took it).</summary>
    public Task FirstLook => _firstLook.Task;

    /// <summary>Whether this instance held the lease at its last look.</summary>
    public bool HoldsLease { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the force's clock: this is how often the lease is looked at and the
        // work looked for, and a clock moved on in a test must not replay a thousand rounds.
        using var timer = new PeriodicTimer(jobs.Value.RenewEvery);
        try
        {
            do
            {
                try
                {
                    await LookAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    HoldsLease = false;
                    LogFailed(e);
                }
                _firstLook.TrySetResult();
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a normal end, whether the host stops or only this service.
        }
        finally
        {
            _firstLook.TrySetResult();
            await ReleaseAsync();
        }
    }

    /// <summary>
    /// One look: take or renew the lease, and run a round when this instance holds it and has
    /// not run one in the last <see cref="Interval"/> (or has just taken it over). Returns whether it ran a round.
    /// </summary>
    public async Task<bool> LookAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            // A write like any other: in turn with the others (on SQLite it must not wait on the file's lock while one holds the gate).
            var held = await gate.RunAsync(() => LeaseBook.TryHoldAsync(db, LeaseName, instance.Name, clock.Now, jobs.Value.LeaseLength, cancellationToken), cancellationToken);
            if (held != HoldsLease) LogLease(held ? "took" : "lost", LeaseName);
            if (!held) _lastRound = null;  // on taking it back, run at once: the holder in between may have died mid-hour
            HoldsLease = held;
            if (!held) return false;
            if (_lastRound is { } last && Environment.TickCount64 - last < (long)Interval.TotalMilliseconds) return false;
            _lastRound = Environment.TickCount64;
            await gate.RunAsync(() => limits.ForgetEndedWindowsAsync(db, cancellationToken), cancellationToken);
        }
        await RunOnceAsync(cancellationToken);
        return true;
    }

    private async Task ReleaseAsync()
    {
        if (!HoldsLease) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await LeaseBook.ReleaseAsync(scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>(), LeaseName, instance.Name, timeout.Token);
            HoldsLease = false;
        }
        catch (Exception e)
        {
            // Stopping anyway: the lease runs out by itself.
            LogReleaseFailed(e);
        }
    }

    /// <summary>One round: returns the orders expired and the review tasks raised.</summary>
    public async Task<(int Expired, int Reviews)> RunOnceAsync(CancellationToken cancellationToken) =>
        await gate.RunAsync(async () =>
        {
            // How long the round holds the write turn, which every write and audited read waits for.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<OffenderMgmtDb>();
            var (expired, reviews) = await db.InTransactionAsync(async () =>
            {
                // Across instances, in turn with every other write (see AuditChainLock).
                await AuditChainLock.TakeAsync(db, cancellationToken);
                var expired = await services.GetRequiredService<OrderBook>().ExpireDueAsync(cancellationToken);
                var reviews = await services.GetRequiredService<TaskList>().RaiseReviewsDueAsync(services.GetRequiredService<TaskBoard>(), cancellationToken);
                reviews += await services.GetRequiredService<Risk.RiskTasks>().RaiseDueAsync(services.GetRequiredService<TaskBoard>(), cancellationToken);
                if (expired.Count == 0 && reviews == 0) return (expired, 0);
                if (expired.Count > 0)
                    await AuditLog.AppendAsync(db, new AuditRecord(clock.Now, "system", null, "system", "order-expiry",
                        AuditAction.Update, expired.Select(id => id.ToString()).ToList(), "orders past their end date", "OK"), cancellationToken);
                if (reviews > 0)
                    await AuditLog.AppendAsync(db, new AuditRecord(clock.Now, "system", null, "system", "review-tasks",
                        AuditAction.Create, [], "cases whose review falls due", $"OK ({reviews} tasks)"), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return (expired, reviews);
            }, cancellationToken);
            await Persistence.Changes.ChangeLogPruning.PruneAsync(db, clock.Now, cancellationToken);
            await Idempotency.IdempotencyPruning.PruneAsync(db, clock.Now, cancellationToken);
            var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (expired.Count == 0 && reviews == 0)
            {
                LogNothingDue(milliseconds);
                return (0, 0);
            }
            LogDone(expired.Count, reviews, milliseconds);
            return (expired.Count, reviews);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Expired} orders expired, {Reviews} review tasks raised, in {Milliseconds:0} ms")]
    private partial void LogDone(int expired, int reviews, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Housekeeping: nothing due, in {Milliseconds:0} ms")]
    private partial void LogNothingDue(double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping failed; will look again at the next renewal")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance {Change} the {Lease} lease")]
    private partial void LogLease(string change, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the housekeeping lease on stopping; it runs out by itself")]
    private partial void LogReleaseFailed(Exception exception);
}
