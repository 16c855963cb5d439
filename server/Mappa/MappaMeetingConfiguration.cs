using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Mappa;

internal sealed class MappaMeetingConfiguration : IEntityTypeConfiguration<MappaMeeting>
{
    public void Configure(EntityTypeBuilder<MappaMeeting> meeting)
    {
        meeting.ToTable("MappaMeetings");
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.Chair).HasMaxLength(200);
        meeting.Property(m => m.Agencies).HasJsonConversion();
        meeting.Property(m => m.Attendees).HasJsonConversion();
        meeting.Property(m => m.MinutesRecordedBy).HasMaxLength(100);
        meeting.Property(m => m.ScheduledBy).HasMaxLength(100);
        meeting.HasIndex(m => new { m.Level, m.HeldOn });
        meeting.Ignore(m => m.IsMinuted);
    }
}
