using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// Expires orders whose end date has passed: at start-up and then every hour, taking its turn
/// with the other writers and leaving an audit entry under the name "system".
/// </summary>
public sealed partial class OrderExpiryService(
    IServiceScopeFactory scopes, WriteGate gate, ForceClock clock, ILogger<OrderExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock.Time);
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

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await gate.RunAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var expired = await scope.ServiceProvider.GetRequiredService<OrderBook>().ExpireDueAsync(cancellationToken);
            if (expired.Count == 0) return 0;
            await AuditLog.AppendAsync(db, new AuditRecord(clock.Now, "system", null, "system", "order-expiry",
                AuditAction.Update, expired.Select(id => id.ToString()).ToList(), "orders past their end date", "OK"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogExpired(expired.Count);
            return expired.Count;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} orders past their end date")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expiring orders failed; will try again in an hour")]
    private partial void LogFailed(Exception exception);
}
