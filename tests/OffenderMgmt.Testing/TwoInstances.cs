using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Testing;

/// <summary>
/// Two server instances of one deployment on one PostgreSQL database, in process: two hosts
/// with the same settings (and signing key) and nothing in common but the database, as two
/// machines behind a load balancer would be. Only for PostgreSQL runs: SQLite serves one instance.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly TestDatabase _database = new();

    public ServerFactory A { get; }
    public ServerFactory B { get; }

    public TwoInstances()
    {
        A = new ServerFactory(demo: false, _database);
        B = new ServerFactory(demo: false, _database);
        // Both start (and migrate) before any test call.
        _ = A.Server;
        _ = B.Server;
    }

    /// <summary>Creates an account once (through A; both instances see it, it is in the database).</summary>
    public Task CreateAccountAsync(string username, Role role) => A.CreateAccountAsync(username, role);

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _database.Dispose();
    }
}
