using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// One rate limit's count for one key (an account's sign-in attempts, a caller's searches) in
/// the current fixed window, shared by every instance on the database (see <see cref="RateLimits"/>).
/// One row per key: a call in a new window starts the count again.
/// </summary>
public sealed class RateCounter
{
    /// <summary>The limit and who it counts, e.g. "sign-in:jo.bloggs" or "search:{subject}".</summary>
    public string Key { get; set; } = "";
    /// <summary>The window: whole minutes since the Unix epoch, UTC.</summary>
    public long Window { get; set; }
    public int Count { get; set; }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> counter)
    {
        // Unlogged on PostgreSQL: a count written to no WAL costs no flush at commit and nothing
        // on the standby; a crash or failover empties it, which only forgives a minute's count.
        counter.ToTable("RateCounters").IsUnlogged();
        counter.HasKey(c => c.Key);
        counter.Property(c => c.Key).HasMaxLength(300);
    }
}
