using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Remembers, per local account, whether it may still call, so identifying a caller costs no
/// database round trip (issue 13 item 3). <see cref="AccountService.SetDisabledAsync"/> forgets
/// an account as it commits, so disabling through the server takes effect on the account's next
/// call; a change made by another process is seen within <see cref="AuthOptions.AccountStatusLifetime"/>.
/// </summary>
public sealed class AccountStatuses(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuthOptions> options)
{
    private sealed record Known(bool Active, long LoadedAt);

    private readonly ConcurrentDictionary<Guid, Known> _known = new();
    private long _forgotten;

    /// <summary>True if the account exists and is not disabled.</summary>
    public async ValueTask<bool> IsActiveAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_known.TryGetValue(accountId, out var known) && time.GetElapsedTime(known.LoadedAt, now) < options.Value.AccountStatusLifetime)
            return known.Active;
        // A lookup that overlaps a Forget may have read the old state: it answers, but is not kept.
        var generation = Interlocked.Read(ref _forgotten);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var disabled = await db.UserAccounts.Where(a => a.Id == accountId).Select(a => (bool?)a.Disabled).FirstOrDefaultAsync(cancellationToken);
        var active = disabled == false;
        if (Interlocked.Read(ref _forgotten) == generation) _known[accountId] = new Known(active, now);
        return active;
    }

    public void Forget(Guid accountId)
    {
        Interlocked.Increment(ref _forgotten);
        _known.TryRemove(accountId, out _);
    }
}
