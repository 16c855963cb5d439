using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Identification;

/// <summary>All identifier kinds share one table, told apart by <see cref="PersonIdentifier.Kind"/>.</summary>
internal sealed class PersonIdentifierConfiguration : IEntityTypeConfiguration<PersonIdentifier>
{
    public void Configure(EntityTypeBuilder<PersonIdentifier> identifier)
    {
        identifier.ToTable("PersonIdentifiers");
        identifier.HasKey(i => i.Id);
        identifier.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        identifier.Property(i => i.Description).HasMaxLength(IdentifierRules.MaxDescription);
        identifier.Property(i => i.RecordedBy).HasMaxLength(100);
        identifier.Property(i => i.UpdatedBy).HasMaxLength(100);
        identifier.Ignore(i => i.IsCasework);
        identifier.HasDiscriminator(i => i.Kind)
            .HasValue<PersonMark>(IdentifierKind.Mark)
            .HasValue<PersonVehicle>(IdentifierKind.Vehicle)
            .HasValue<PersonDevice>(IdentifierKind.Device)
            .HasValue<OnlineIdentifier>(IdentifierKind.Online);
        identifier.HasIndex(i => new { i.PersonId, i.Kind });
    }
}
