using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Risk;

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> action)
    {
        action.ToTable("PlanActions");
        action.HasKey(a => a.Id);
        action.HasOne<Officer>().WithMany().HasForeignKey(a => a.OwnerOfficerId).OnDelete(DeleteBehavior.Restrict);
        action.Property(a => a.What).HasMaxLength(1000);
        action.Property(a => a.OwnerAgency).HasMaxLength(200);
        action.HasIndex(a => new { a.Status, a.DueOn });
        action.HasIndex(a => a.OwnerOfficerId);
    }
}
