namespace OffenderMgmt.Testing;

/// <summary>
/// Two in-process hosts of the demo force on one database, on the engine the run chose, where
/// nothing wakes <see cref="A"/> when <see cref="B"/> commits. On SQLite, which serves one
/// server instance, B stands for another process writing the same file (the admin command,
/// <c>import-areas</c> or <c>accounts</c>, run beside the server): both are started as single
/// instances, and SQLite has no notifications, so A hears of B's commits only from the change
/// log. On PostgreSQL A's change listener is off. So what A answers after a commit through B
/// rests only on A catching up with the change log before it answers, never on having been
/// woken in time. A seeds the demo force; B then finds it there.
/// </summary>
public sealed class UnwokenInstance : IDisposable
{
    private readonly TestDatabase _database = new();

    public ServerFactory A { get; }
    public ServerFactory B { get; }

    public UnwokenInstance()
    {
        var multiInstance = TestDatabase.IsPostgres ? "true" : "false";
        A = new ServerFactory(demo: true, _database, new Dictionary<string, string> { ["Storage:MultiInstance"] = multiInstance, ["Storage:ListenForChanges"] = "false" });
        _ = A.Server;
        B = new ServerFactory(demo: true, _database, new Dictionary<string, string> { ["Storage:MultiInstance"] = multiInstance });
        _ = B.Server;
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _database.Dispose();
    }
}
