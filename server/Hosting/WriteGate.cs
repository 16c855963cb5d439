namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// One writer at a time. SQLite allows a single writer anyway; taking turns here, in process,
/// keeps the audit chain in order (each entry takes the newest entry's hash) and means a write
/// never waits on the database's lock while holding another. A deployment with several server
/// processes on one database would need a database lock in its place.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
        RunAsync(async () => { await work(); return true; }, cancellationToken);

    public void Dispose() => _turn.Dispose();
}
