using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Access;

internal sealed class AnalystGrantConfiguration : IEntityTypeConfiguration<AnalystGrant>
{
    public void Configure(EntityTypeBuilder<AnalystGrant> grant)
    {
        grant.ToTable("AnalystGrants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Analyst).HasMaxLength(100);
        grant.Property(g => g.Purpose).HasMaxLength(AnalystGrants.MaxPurposeLength);
        grant.Property(g => g.Reason).HasMaxLength(AnalystGrants.MaxReasonLength);
        grant.Property(g => g.GrantedBy).HasMaxLength(100);
        grant.Property(g => g.RevokedBy).HasMaxLength(100);
        grant.Property(g => g.RevokedReason).HasMaxLength(AnalystGrants.MaxReasonLength);
        grant.HasIndex(g => new { g.Analyst, g.ExpiresAt });
        grant.HasMany(g => g.People).WithOne().HasForeignKey(p => p.GrantId).OnDelete(DeleteBehavior.Cascade);
    }
}
