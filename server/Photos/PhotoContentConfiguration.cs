using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Photos;

/// <summary>Bytes as a blob on SQLite and bytea on PostgreSQL (the providers' mapping of byte[]).</summary>
internal sealed class PhotoContentConfiguration : IEntityTypeConfiguration<PhotoContent>
{
    public void Configure(EntityTypeBuilder<PhotoContent> content)
    {
        content.ToTable("PhotoContents");
        content.HasKey(c => c.PhotoId);
        content.Property(c => c.Image).IsRequired();
        content.Property(c => c.Thumbnail).IsRequired();
    }
}
