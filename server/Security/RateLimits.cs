using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Per-account limits on sign-in attempts and searches, so a stolen token or a guessing script
/// cannot page through the nominal index or try passwords at speed.
/// </summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signIn;
    private readonly PartitionedRateLimiter<string> _search;

    public RateLimits(IOptions<AuthOptions> options)
    {
        _signIn = PerMinute(options.Value.SignInAttemptsPerMinute);
        _search = PerMinute(options.Value.SearchesPerMinute);
    }

    public void Take(RateLimit limit, string key)
    {
        var (limiter, what) = limit switch
        {
            RateLimit.SignIn => (_signIn, "sign-in attempts for this account"),
            RateLimit.Search => (_search, "searches"),
            _ => (null, ""),
        };
        if (limiter is null) return;
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        throw new TooManyRequestsException($"Too many {what}; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.", retryAfter);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public void Dispose()
    {
        _signIn.Dispose();
        _search.Dispose();
    }
}
