using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Per-account limits on sign-in attempts and searches, so a stolen token or a guessing script
/// cannot page through the nominal index or try passwords at speed.
/// <para>
/// On PostgreSQL the counts live in the database (<see cref="RateCounter"/>, one row per key and
/// fixed one-minute window, raised by one upsert per call), so every instance on the database
/// counts against one limit: two instances no longer allow twice the attempts. On SQLite (one
/// instance, one file) the counts stay in process: a database write per search would take the
/// file's single writer lock from the real writes, for a limit no other instance shares.
/// Lockout after repeated wrong passwords was always shared: it is the account row's own count
/// (<see cref="AccountService"/>).
/// </para>
/// </summary>
public sealed class RateLimits : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _signIn;
    private readonly PartitionedRateLimiter<string> _search;
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;

    public RateLimits(IOptions<AuthOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _signIn = PerMinute(_options.SignInAttemptsPerMinute);
        _search = PerMinute(_options.SearchesPerMinute);
    }

    /// <summary>Counts one call against the limit for <paramref name="key"/>, or refuses it (RESOURCE_EXHAUSTED).</summary>
    public async ValueTask TakeAsync(RateLimit limit, string key, OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var (limiter, permits, name, what) = limit switch
        {
            RateLimit.SignIn => (_signIn, _options.SignInAttemptsPerMinute, "sign-in", "sign-in attempts for this account"),
            RateLimit.Search => (_search, _options.SearchesPerMinute, "search", "searches"),
            _ => (null, 0, "", ""),
        };
        if (limiter is null) return;
        var retryAfter = db.Database.IsNpgsql()
            ? await TakeSharedAsync(db, RowKey(name, key), permits, cancellationToken)
            : TakeInProcess(limiter, key);
        if (retryAfter is { } wait)
            throw new TooManyRequestsException($"Too many {what}; try again in {Math.Ceiling(wait.TotalSeconds)} seconds.", wait);
    }

    /// <summary>
    /// The counter row's key. A key too long for the column (a sign-in with a username no account
    /// could have, counted before it is refused) is counted under its SHA-256 instead.
    /// </summary>
    internal static string RowKey(string name, string key) =>
        key.Length <= 200 ? $"{name}:{key}" : $"{name}#{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}";

    private static TimeSpan? TakeInProcess(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    /// <summary>
    /// One upsert, atomic in PostgreSQL: the key's count in this minute, the call included. An
    /// instance whose clock lags a little counts into the newer window another instance opened
    /// (GREATEST), so clock skew between instances never resets a count.
    /// </summary>
    private async Task<TimeSpan?> TakeSharedAsync(OffenderMgmtDb db, string key, int permits, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateCounters" AS c ("Key", "Window", "Count") VALUES ({key}, {window}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN excluded."Window" <= c."Window" THEN c."Count" + 1 ELSE 1 END,
                "Window" = GREATEST(c."Window", excluded."Window")
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        if (counted[0] <= Math.Max(1, permits)) return null;
        var windowEnds = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)Window.TotalSeconds);
        return windowEnds > now ? windowEnds - now : TimeSpan.FromSeconds(1);
    }

    /// <summary>Rows of windows that have ended (housekeeping clears them; a new call would start its count again anyway).</summary>
    public async Task<int> ForgetEndedWindowsAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var current = _time.GetUtcNow().ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        return await db.RateCounters.Where(c => c.Window < current).ExecuteDeleteAsync(cancellationToken);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = Window, QueueLimit = 0 }));

    public void Dispose()
    {
        _signIn.Dispose();
        _search.Dispose();
    }
}
