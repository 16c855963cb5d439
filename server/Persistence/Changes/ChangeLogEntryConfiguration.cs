using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Persistence.Changes;

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public const string Table = "ChangeLog";

    public void Configure(EntityTypeBuilder<ChangeLogEntry> entry)
    {
        entry.ToTable(Table);
        entry.HasKey(e => e.Position);
        entry.Property(e => e.Position).ValueGeneratedOnAdd();
        entry.Property(e => e.Changes).IsRequired();
        entry.HasIndex(e => e.CommittedAt);
    }
}
