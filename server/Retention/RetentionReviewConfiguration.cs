using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Retention;

internal sealed class RetentionReviewConfiguration : IEntityTypeConfiguration<RetentionReview>
{
    public void Configure(EntityTypeBuilder<RetentionReview> review)
    {
        review.ToTable("RetentionReviews");
        review.HasKey(r => r.Id);
        review.Property(r => r.Reason).HasMaxLength(2000);
        review.Property(r => r.ReviewedBy).HasMaxLength(200);
        review.HasIndex(r => new { r.RecordId, r.NextReviewOn });
        review.HasIndex(r => r.PersonId);
    }
}
