using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Caseload;

internal sealed class CustodyReleaseConfiguration : IEntityTypeConfiguration<CustodyRelease>
{
    public void Configure(EntityTypeBuilder<CustodyRelease> release)
    {
        release.ToTable("CustodyReleases");
        release.HasKey(r => r.Id);
        release.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        release.Property(r => r.RecordedBy).HasMaxLength(100);
        release.HasIndex(r => new { r.PersonId, r.ReleasedOn });
    }
}
