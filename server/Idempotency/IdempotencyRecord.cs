using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Idempotency;

/// <summary>
/// The first answer to a write that carried a request id, kept so a retry of the same request
/// gets the same answer instead of doing the work twice.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The account that sent the request: request ids are the caller's own.</summary>
    public string Subject { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>SHA-256 of the request, so a reused id with a different request is caught.</summary>
    public string RequestHash { get; set; } = "";
    public byte[] Response { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// When the saved answer was blanked because a record it named was disposed of on review
    /// (<c>Retention.RecordErasure</c>); a retry of the request is then refused, not answered.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("IdempotencyRecords");
        record.HasKey(r => new { r.Subject, r.RequestId });
        record.Property(r => r.Subject).HasMaxLength(100);
        record.Property(r => r.RequestId).HasMaxLength(200);
        record.Property(r => r.Method).HasMaxLength(200);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasIndex(r => r.CreatedAt);
    }
}
