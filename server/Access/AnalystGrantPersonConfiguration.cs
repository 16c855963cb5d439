using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Access;

internal sealed class AnalystGrantPersonConfiguration : IEntityTypeConfiguration<AnalystGrantPerson>
{
    public void Configure(EntityTypeBuilder<AnalystGrantPerson> person)
    {
        person.ToTable("AnalystGrantPeople");
        person.HasKey(p => new { p.GrantId, p.PersonId });
        person.HasIndex(p => p.PersonId);
        person.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
