using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Compliance;

internal sealed class OffenderNotificationConfiguration : IEntityTypeConfiguration<OffenderNotification>
{
    public void Configure(EntityTypeBuilder<OffenderNotification> notification)
    {
        notification.ToTable("OffenderNotifications");
        notification.HasKey(n => n.Id);
        notification.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        notification.HasOne<Breach>().WithMany().HasForeignKey(n => n.BreachId).OnDelete(DeleteBehavior.Restrict);
        notification.Property(n => n.Details).HasMaxLength(2000);
        notification.Property(n => n.Destination).HasMaxLength(200);
        notification.Property(n => n.ShortNoticeReason).HasMaxLength(500);
        notification.Property(n => n.Judgement).HasMaxLength(500);
        notification.Property(n => n.RecordedBy).HasMaxLength(100);
        notification.HasIndex(n => new { n.PersonId, n.NotifiedAt });
    }
}
