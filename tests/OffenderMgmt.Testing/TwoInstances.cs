using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Testing;

/// <summary>
/// Two server instances of one deployment on one PostgreSQL database, in process: two hosts
/// with the same settings (and signing key) and nothing in common but the database, as two
/// machines behind a load balancer would be. Only for PostgreSQL runs: on SQLite one server
/// instance serves the file (the admin commands may still write it from another process, which
/// the SQLite zone and identity tests model).
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly TestDatabase _database = new();

    public ServerFactory A { get; }
    public ServerFactory B { get; }

    /// <param name="settings">Settings both instances are started with, on top of the tests' own.</param>
    public TwoInstances(bool demo = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        A = new ServerFactory(demo, _database, settings);
        B = new ServerFactory(demo, _database, settings);
        // Both start (migrating, and seeding the demo when asked) at the same moment, before any test call.
        Task.WaitAll(Task.Run(() => A.Server), Task.Run(() => B.Server));
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
