namespace OffenderMgmt.Testing;

/// <summary>
/// Three in-process server instances on one database, serving the demo force (issue 15's views
/// and alerts): A and B as deployed, and C with its change listener turned off
/// (<c>Storage:ListenForChanges=false</c>), so what C answers rests only on catching up with the
/// change log before it answers, never on having been woken in time.
/// </summary>
public sealed class ThreeInstances : IDisposable
{
    private readonly TestDatabase _database = new();

    public ServerFactory A { get; }
    public ServerFactory B { get; }
    public ServerFactory C { get; }

    public TestDatabase Database => _database;

    public ThreeInstances()
    {
        A = new ServerFactory(demo: true, _database);
        // A seeds the demo force first; B and C then find it there.
        _ = A.Server;
        B = new ServerFactory(demo: true, _database);
        C = new ServerFactory(demo: true, _database, new Dictionary<string, string> { ["Storage:ListenForChanges"] = "false" });
        Task.WaitAll(Task.Run(() => B.Server), Task.Run(() => C.Server));
    }

    public IEnumerable<ServerFactory> All => [A, B, C];

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        C.Dispose();
        _database.Dispose();
    }
}
