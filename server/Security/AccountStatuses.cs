using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

/// <summary>What a local account may do now: whether it may call at all, and a service account's scopes.</summary>
public sealed record AccountStatus(bool Active, IReadOnlySet<string> Scopes)
{
    public static readonly AccountStatus Gone = new(false, new HashSet<string>());
}

/// <summary>
/// Remembers, per local account, whether it may still call and with which scopes, so
/// identifying a caller costs no database round trip (issue 13 item 3). A service account's
/// scopes are read from its account row, not from its token, so scopes changed after the token
/// was issued (issue 19: <c>accounts scopes</c>) hold on its next calls.
/// <see cref="AccountService"/> forgets an account as a change to it commits, so a change made
/// through this process takes effect on the account's next call; a change made by another
/// process (the admin command, another instance) is seen within <see cref="AuthOptions.AccountStatusLifetime"/>.
/// </summary>
public sealed class AccountStatuses(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuthOptions> options)
{
    private sealed record Known(AccountStatus Status, long LoadedAt);

    private readonly ConcurrentDictionary<Guid, Known> _known = new();
    private long _forgotten;

    /// <summary>Whether the account exists and is not disabled, and its scopes (<see cref="AccountStatus.Gone"/> if it does not exist).</summary>
    public async ValueTask<AccountStatus> StatusAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_known.TryGetValue(accountId, out var known) && time.GetElapsedTime(known.LoadedAt, now) < options.Value.AccountStatusLifetime)
            return known.Status;
        // A lookup that overlaps a Forget may have read the old state: it answers, but is not kept.
        var generation = Interlocked.Read(ref _forgotten);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var row = await db.UserAccounts.Where(a => a.Id == accountId).Select(a => new { a.Disabled, a.Scopes }).FirstOrDefaultAsync(cancellationToken);
        var status = row is null ? AccountStatus.Gone : new AccountStatus(!row.Disabled, ServiceScopes.FromClaim(row.Scopes));
        if (Interlocked.Read(ref _forgotten) == generation) _known[accountId] = new Known(status, now);
        return status;
    }

    public void Forget(Guid accountId)
    {
        Interlocked.Increment(ref _forgotten);
        _known.TryRemove(accountId, out _);
    }
}
