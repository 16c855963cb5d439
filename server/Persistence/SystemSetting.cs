using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Persistence;

/// <summary>A named value about the database itself (e.g. which demo generator built it).</summary>
public sealed class SystemSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> setting)
    {
        setting.ToTable("SystemSettings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
        setting.Property(s => s.Value).HasMaxLength(2000);
    }
}
