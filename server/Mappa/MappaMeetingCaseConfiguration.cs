using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Mappa;

internal sealed class MappaMeetingCaseConfiguration : IEntityTypeConfiguration<MappaMeetingCase>
{
    public void Configure(EntityTypeBuilder<MappaMeetingCase> item)
    {
        item.ToTable("MappaMeetingCases");
        item.HasKey(c => c.Id);
        item.HasOne<MappaMeeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Management>().WithMany().HasForeignKey(c => c.ManagementId).OnDelete(DeleteBehavior.Restrict);
        item.HasIndex(c => new { c.MeetingId, c.ManagementId }).IsUnique();
        item.HasIndex(c => c.PersonId);
        item.Property(c => c.Reasons).HasJsonConversion();
        item.Property(c => c.Details).HasJsonConversion();
        item.Property(c => c.Decision).HasMaxLength(4000);
        item.Property(c => c.DisclosureRationale).HasMaxLength(4000);
    }
}
