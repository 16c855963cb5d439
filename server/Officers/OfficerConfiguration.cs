using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Officers;

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> officer)
    {
        officer.ToTable("Officers");
        officer.HasKey(o => o.Id);
        officer.Property(o => o.CollarNumber).HasMaxLength(20);
        officer.HasIndex(o => o.CollarNumber).IsUnique();
        officer.Property(o => o.Rank).HasMaxLength(20);
        officer.Property(o => o.GivenName).HasMaxLength(100);
        officer.Property(o => o.FamilyName).HasMaxLength(100);
        officer.Property(o => o.Phone).HasMaxLength(40);
        officer.Property(o => o.Email).HasMaxLength(200);
        officer.Ignore(o => o.DisplayName);
        officer.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.ToTable("Teams");
        team.HasKey(t => t.Id);
        team.Property(t => t.Name).HasMaxLength(200);
        team.HasIndex(t => t.Name).IsUnique();
        team.Property(t => t.DistrictCode).HasMaxLength(20);
        team.Property(t => t.Phone).HasMaxLength(40);
    }
}
