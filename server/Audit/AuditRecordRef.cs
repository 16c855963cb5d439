using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// One record an audit entry of the digest format (or before) touched, indexed so "who looked at
/// this person" is a lookup. Entries are no longer written this way (<see cref="AuditRecordSet"/>);
/// the rows written so are kept, read and verified as they are.
/// </summary>
public sealed class AuditRecordRef
{
    public long Sequence { get; set; }
    public string RecordId { get; set; } = "";
}

internal sealed class AuditRecordRefConfiguration : IEntityTypeConfiguration<AuditRecordRef>
{
    public void Configure(EntityTypeBuilder<AuditRecordRef> reference)
    {
        reference.ToTable("AuditRecordRefs");
        reference.HasKey(r => new { r.Sequence, r.RecordId });
        reference.Property(r => r.RecordId).HasMaxLength(64);
        reference.HasIndex(r => new { r.RecordId, r.Sequence });
        reference.HasOne<AuditEntry>().WithMany().HasForeignKey(r => r.Sequence).OnDelete(DeleteBehavior.Restrict);
    }
}
