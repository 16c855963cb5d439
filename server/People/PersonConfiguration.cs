using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("People");
        person.HasKey(p => p.Id);
        person.Property(p => p.GivenName).HasMaxLength(PersonRules.MaxNameLength);
        person.Property(p => p.FamilyName).HasMaxLength(PersonRules.MaxNameLength);
        person.Property(p => p.Description).HasMaxLength(PersonRules.MaxDescriptionLength);
        person.Property(p => p.HealthNotes).HasMaxLength(PersonRules.MaxNotesLength);
        person.Property(p => p.PncId).HasMaxLength(13);
        person.HasIndex(p => p.PncId).IsUnique();
        person.Property(p => p.SortName).HasMaxLength(2 * PersonRules.MaxNameLength + 1);
        person.HasIndex(p => new { p.SortName, p.Id });
        person.Ignore(p => p.DisplayName);

        person.OwnsMany(p => p.Aliases, alias =>
        {
            alias.ToTable("PersonAliases");
            alias.WithOwner().HasForeignKey("PersonId");
            alias.Property<int>("Id");
            alias.HasKey("Id");
            alias.Property(a => a.GivenName).HasMaxLength(PersonRules.MaxNameLength);
            alias.Property(a => a.FamilyName).HasMaxLength(PersonRules.MaxNameLength);
        });

        // The address lives in the person's row; Postcode being required is how EF tells a
        // person with no fixed abode (all address columns null) from one with an address.
        person.OwnsOne(p => p.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            address.Property(a => a.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            address.Property(a => a.Town).HasColumnName("AddressTown").HasMaxLength(100);
            address.Property(a => a.Postcode).HasColumnName("AddressPostcode").HasMaxLength(10).IsRequired();
            address.Property(a => a.Latitude).HasColumnName("HomeLatitude");
            address.Property(a => a.Longitude).HasColumnName("HomeLongitude");
            address.Property(a => a.AreaCode).HasColumnName("HomeAreaCode").HasMaxLength(20);
            address.HasIndex(a => a.AreaCode);
            address.HasIndex(a => new { a.Latitude, a.Longitude });
        });

        person.HasMany(p => p.NameKeys).WithOne().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonNameKeyConfiguration : IEntityTypeConfiguration<PersonNameKey>
{
    public void Configure(EntityTypeBuilder<PersonNameKey> key)
    {
        key.ToTable("PersonNameKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Token).HasMaxLength(PersonRules.MaxNameLength);
        key.Property(k => k.Soundex).HasMaxLength(4);
        key.HasIndex(k => new { k.Token, k.PersonId });
        key.HasIndex(k => new { k.Soundex, k.PersonId });
    }
}
