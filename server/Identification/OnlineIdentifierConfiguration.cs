using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Identification;

internal sealed class OnlineIdentifierConfiguration : IEntityTypeConfiguration<OnlineIdentifier>
{
    public void Configure(EntityTypeBuilder<OnlineIdentifier> online)
    {
        online.Property(o => o.Platform).HasMaxLength(IdentifierRules.MaxShortText);
        online.Property(o => o.Handle).HasMaxLength(IdentifierRules.MaxHandle);
    }
}
