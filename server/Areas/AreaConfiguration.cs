using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Areas;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> area)
    {
        area.ToTable("Areas");
        area.HasKey(a => a.Code);
        area.Property(a => a.Code).HasMaxLength(20);
        area.Property(a => a.Name).HasMaxLength(200);
        area.Property(a => a.DistrictCode).HasMaxLength(20);
        area.Property(a => a.DistrictName).HasMaxLength(200);
        area.HasIndex(a => a.Name);
        area.HasIndex(a => a.DistrictCode);
    }
}
