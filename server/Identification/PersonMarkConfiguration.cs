using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Identification;

internal sealed class PersonMarkConfiguration : IEntityTypeConfiguration<PersonMark>
{
    public void Configure(EntityTypeBuilder<PersonMark> mark)
    {
        mark.Property(m => m.Type).HasColumnName("MarkType");
        mark.Property(m => m.BodyLocation).HasMaxLength(IdentifierRules.MaxShortText);
        mark.Property(m => m.SearchText).HasMaxLength(IdentifierRules.MaxDescription + 2 * IdentifierRules.MaxShortText);
    }
}
