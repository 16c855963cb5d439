using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Mappa;

internal sealed class PartnerAgencyAccountConfiguration : IEntityTypeConfiguration<PartnerAgencyAccount>
{
    public void Configure(EntityTypeBuilder<PartnerAgencyAccount> account)
    {
        account.ToTable("PartnerAgencyAccounts");
        account.HasKey(a => a.Username);
        account.Property(a => a.Username).HasMaxLength(100);
        account.Property(a => a.Agency).HasMaxLength(200);
    }
}
