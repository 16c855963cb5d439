using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Sightings;

internal sealed class SightingConfiguration : IEntityTypeConfiguration<Sighting>
{
    public void Configure(EntityTypeBuilder<Sighting> sighting)
    {
        sighting.ToTable("Sightings");
        sighting.HasKey(s => s.Id);
        sighting.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        sighting.HasOne<Officer>().WithMany().HasForeignKey(s => s.ReportedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        sighting.HasOne<Breach>().WithMany().HasForeignKey(s => s.BreachId).OnDelete(DeleteBehavior.Restrict);
        sighting.Property(s => s.Location).HasMaxLength(500);
        sighting.Property(s => s.AreaCode).HasMaxLength(20);
        sighting.Property(s => s.Text).HasMaxLength(20_000);
        sighting.Property(s => s.ReportedBy).HasMaxLength(100);
        sighting.Property(s => s.VerdictReasons).HasMaxLength(4000);
        sighting.Property(s => s.WithPersonIds).HasJsonConversion();
        sighting.Property(s => s.Registration).HasMaxLength(Identification.RegistrationMark.MaxLength);
        sighting.HasIndex(s => new { s.PersonId, s.SeenAt });
        sighting.HasIndex(s => new { s.AreaCode, s.SeenAt });
    }
}
