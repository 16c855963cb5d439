using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Photos;

internal sealed class PersonPhotoConfiguration : IEntityTypeConfiguration<PersonPhoto>
{
    public void Configure(EntityTypeBuilder<PersonPhoto> photo)
    {
        photo.ToTable("PersonPhotos");
        photo.HasKey(p => p.Id);
        photo.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        photo.Property(p => p.Sha256).HasMaxLength(64);
        photo.Property(p => p.AddedBy).HasMaxLength(100);
        photo.Property(p => p.RetiredBy).HasMaxLength(100);
        photo.Ignore(p => p.IsRetired);
        // The current photo: a person's custody front photos, newest first.
        photo.HasIndex(p => new { p.PersonId, p.Kind, p.TakenOn });
        photo.HasIndex(p => new { p.PersonId, p.AddedAt, p.Id });
        photo.HasOne<PhotoContent>().WithOne().HasForeignKey<PhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}
