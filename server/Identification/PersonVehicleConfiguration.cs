using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Identification;

internal sealed class PersonVehicleConfiguration : IEntityTypeConfiguration<PersonVehicle>
{
    public void Configure(EntityTypeBuilder<PersonVehicle> vehicle)
    {
        vehicle.Property(v => v.Registration).HasMaxLength(RegistrationMark.MaxLength);
        vehicle.Property(v => v.Make).HasMaxLength(IdentifierRules.MaxShortText);
        vehicle.Property(v => v.Model).HasMaxLength(IdentifierRules.MaxShortText);
        vehicle.Property(v => v.Colour).HasMaxLength(IdentifierRules.MaxShortText);
        // "Who is linked to this vehicle" (sightings) and partial-mark search read by registration.
        vehicle.HasIndex(v => v.Registration);
    }
}
