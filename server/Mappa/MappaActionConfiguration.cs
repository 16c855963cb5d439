using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Mappa;

internal sealed class MappaActionConfiguration : IEntityTypeConfiguration<MappaAction>
{
    public void Configure(EntityTypeBuilder<MappaAction> action)
    {
        action.ToTable("MappaActions");
        action.HasKey(a => a.Id);
        action.HasOne<MappaMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<Officer>().WithMany().HasForeignKey(a => a.OwnerOfficerId).OnDelete(DeleteBehavior.Restrict);
        action.Property(a => a.What).HasMaxLength(1000);
        action.Property(a => a.OwnerAgency).HasMaxLength(200);
        action.HasIndex(a => a.MeetingId);
        action.HasIndex(a => a.PersonId);
    }
}
