using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Work the calendar causes: orders past their end date expire (and their checks are
/// withdrawn), and cases whose review falls due soon get a review task. At start-up and then
/// hourly, taking its turn with the other writers, each run that changes something leaving an
/// audit entry under the name "system".
/// </summary>
public sealed partial class Housekeeping(
    IServiceScopeFactory scopes, WriteGate gate, ForceClock clock, ILogger<Housekeeping> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the force's clock: this is how often the work is looked for, and a
        // clock moved on in a test must not replay a thousand hourly rounds.
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: returns the orders expired and the review tasks raised.</summary>
    public async Task<(int Expired, int Reviews)> RunOnceAsync(CancellationToken cancellationToken) =>
        await gate.RunAsync(async () =>
        {
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
            if (expired.Count == 0 && reviews == 0) return (0, 0);
            LogDone(expired.Count, reviews);
            return (expired.Count, reviews);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Expired} orders expired, {Reviews} review tasks raised")]
    private partial void LogDone(int expired, int reviews);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping failed; will try again in an hour")]
    private partial void LogFailed(Exception exception);
}
