using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Caseload;

namespace OffenderMgmt.Server.Mappa;

internal sealed class MappaReferralConfiguration : IEntityTypeConfiguration<MappaReferral>
{
    public void Configure(EntityTypeBuilder<MappaReferral> referral)
    {
        referral.ToTable("MappaReferrals");
        referral.HasKey(r => r.Id);
        referral.HasOne<Management>().WithMany().HasForeignKey(r => r.ManagementId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<MappaMeeting>().WithMany().HasForeignKey(r => r.HeardAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        referral.Property(r => r.Reason).HasMaxLength(4000);
        referral.Property(r => r.ReferredBy).HasMaxLength(100);
        referral.HasIndex(r => new { r.ProposedLevel, r.HeardAtMeetingId });
        referral.HasIndex(r => r.PersonId);
    }
}
