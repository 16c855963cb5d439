using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// One record of a set of records some calls disclosed, under the set's digest
/// (<see cref="AuditChain.RecordsDigest"/>), which every entry of the set format carries in its
/// hash. A set is stored once, by the first call that disclosed exactly those records: an officer
/// opening the same beat's briefing again discloses the same people, and one row per person for
/// every call was half of a dense briefing's server time (docs/benchmarks.md). "Who looked at X"
/// is then the sets holding X, and the entries carrying their digests; a row added to or taken
/// from a set makes it no longer add up to its digest, so every entry of it shows as altered.
/// </summary>
public sealed class AuditRecordSet
{
    public string Digest { get; set; } = "";
    public string RecordId { get; set; } = "";
}

internal sealed class AuditRecordSetConfiguration : IEntityTypeConfiguration<AuditRecordSet>
{
    public void Configure(EntityTypeBuilder<AuditRecordSet> set)
    {
        set.ToTable("AuditRecordSets");
        set.HasKey(s => new { s.Digest, s.RecordId });
        set.Property(s => s.Digest).HasMaxLength(64);
        set.Property(s => s.RecordId).HasMaxLength(AuditLog.MaxRecordId);
        set.HasIndex(s => new { s.RecordId, s.Digest });
    }
}
