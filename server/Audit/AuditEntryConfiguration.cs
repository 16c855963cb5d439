using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Sequence);
        // The writer assigns sequence numbers itself: the chain needs them in hash order.
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Subject).HasMaxLength(100);
        entry.Property(e => e.Role).HasMaxLength(50);
        entry.Property(e => e.Rpc).HasMaxLength(200);
        entry.Property(e => e.RecordIds).HasMaxLength(AuditLog.MaxRecordIdsText);
        entry.Property(e => e.RecordsDigest).HasMaxLength(64);
        // Rows from before the digest keep the format their hash was taken in.
        entry.Property(e => e.Format).HasDefaultValue(AuditEntry.LegacyFormat).ValueGeneratedNever();
        entry.Property(e => e.Purpose).HasMaxLength(600);
        entry.Property(e => e.Outcome).HasMaxLength(600);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Subject, e.At });
        entry.HasIndex(e => new { e.OfficerId, e.At });
        // "Who looked at X": the entries of each record set holding X. Entries that touched no
        // record (most sign-ins, refusals) are left out of the index; the quoted name reads the same on both engines.
        entry.HasIndex(e => e.RecordsDigest).HasFilter("\"RecordCount\" > 0");
    }
}
