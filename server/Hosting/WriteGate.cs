using OffenderMgmt.Server.Audit;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// One writer at a time, in turn with the audit writer's batches (<see cref="AuditWriter.TurnAsync"/>).
/// SQLite allows a single writer anyway; taking turns in process keeps the audit chain in order
/// (each entry takes the newest entry's hash) and means a write never waits on the database's
/// lock while holding another. Reads never take it. With several server instances on one
/// PostgreSQL database, each write's transaction also takes <see cref="AuditChainLock"/>, the
/// same turn in the database.
/// </summary>
public sealed class WriteGate(AuditWriter writer)
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var turn = await writer.TurnAsync(cancellationToken);
        return await work();
    }

    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
        RunAsync(async () => { await work(); return true; }, cancellationToken);
}
