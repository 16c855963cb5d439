using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Who runs a periodic job (housekeeping) across the instances on one database, until when.
/// The holder renews it well before it runs out; another instance takes it only once it has
/// run out, so a holder that dies hands the job on within one lease (see <see cref="LeaseBook"/>).
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    /// <summary>The holding instance (<see cref="InstanceIdentity"/>).</summary>
    public string Holder { get; set; } = "";
    /// <summary>When the lease runs out: UTC ticks, compared as numbers on both engines.</summary>
    public long ExpiresAtTicks { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> lease)
    {
        lease.ToTable("JobLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(200);
    }
}
