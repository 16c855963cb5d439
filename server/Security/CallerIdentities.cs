using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;

namespace OffenderMgmt.Server.Security;

/// <summary>An officer as WhoAmI describes them: collar number and team.</summary>
public sealed record OfficerIdentity(string CollarNumber, Guid TeamId, string TeamName);

/// <summary>
/// What WhoAmI answers beyond the token, remembered in memory (issue 13 item 3, "cheap identity
/// per call"): an account's display name by username, an officer's collar number and team by
/// officer id. Every answer first catches up with the change log (<see cref="ChangeFeed"/>),
/// and a committed change to an account (added, removed, display name changed) forgets every
/// name, a change to any officer or team every officer (<see cref="ChangeSet.Accounts"/>,
/// <see cref="ChangeSet.Contacts"/>): a change committed through any instance, or by the admin
/// command in another process, is in the next WhoAmI of every instance. Such changes are rare
/// (an officer moving team, an account made); WhoAmI is the per-call floor, and its two
/// lookups were most of its CPU.
/// </summary>
public sealed class CallerIdentities : IChangeObserver
{
    private static readonly Func<OffenderMgmtDb, string, CancellationToken, Task<string?>> DisplayNameOf =
        EF.CompileAsyncQuery((OffenderMgmtDb db, string username, CancellationToken _) =>
            db.UserAccounts.Where(a => a.Username == username).Select(a => a.DisplayName).FirstOrDefault());

    private static readonly Func<OffenderMgmtDb, Guid, CancellationToken, Task<OfficerIdentity?>> OfficerOf =
        EF.CompileAsyncQuery((OffenderMgmtDb db, Guid id, CancellationToken _) =>
            db.Officers.AsNoTracking()
                .Where(o => o.Id == id)
                .Join(db.Teams, o => o.TeamId, t => t.Id, (o, t) => new OfficerIdentity(o.CollarNumber, o.TeamId, t.Name))
                .FirstOrDefault());

    private readonly ChangeFeed _feed;
    private readonly Remembered<string, string?> _names = new();
    private readonly Remembered<Guid, OfficerIdentity?> _officers = new();

    public CallerIdentities(ChangeFeed feed)
    {
        _feed = feed;
        feed.Observe(this);
    }

    public ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.Accounts || changes.Everything) _names.ForgetAll();
        if (changes.Contacts || changes.Everything) _officers.ForgetAll();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The account's display name (null if there is no such account) and, when it has one, its
    /// officer's collar number and team (null if there is no such officer), as committed before
    /// the call: one catch-up with the change log for both.
    /// </summary>
    public async ValueTask<(string? DisplayName, OfficerIdentity? Officer)> CurrentAsync(OffenderMgmtDb db, string username, Guid? officerId, CancellationToken cancellationToken)
    {
        await _feed.CatchUpAsync(cancellationToken);
        var name = await _names.GetAsync(username, () => DisplayNameOf(db, username, cancellationToken));
        var officer = officerId is { } id ? await _officers.GetAsync(id, () => OfficerOf(db, id, cancellationToken)) : null;
        return (name, officer);
    }

    /// <summary>
    /// Values read from the database and kept until forgotten. A read that overlaps a forget
    /// may have seen the row before the change: it answers, but is not kept.
    /// </summary>
    private sealed class Remembered<TKey, TValue> where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> _values = new();
        private readonly Lock _sync = new();
        private long _generation;

        public async ValueTask<TValue> GetAsync(TKey key, Func<Task<TValue>> read)
        {
            if (_values.TryGetValue(key, out var known)) return known;
            var generation = Interlocked.Read(ref _generation);
            var value = await read();
            lock (_sync)
            {
                if (_generation == generation) _values[key] = value;
            }
            return value;
        }

        public void ForgetAll()
        {
            lock (_sync)
            {
                _generation++;
                _values.Clear();
            }
        }
    }
}
