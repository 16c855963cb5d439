using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Testing;

using Register = OffenderMgmt.Server.Caseload.Register;
namespace OffenderMgmt.Tests.Integration;

/// <summary>Starting with --demo on an empty database builds the demo force and serves it.</summary>
public sealed class DemoStartupTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task The_demo_force_is_stored_with_its_77_wards_and_758_people()
    {
        Assert.Equal(77, await server.WithDb(db => db.Areas.CountAsync()));
        Assert.Equal(758, await server.WithDb(db => db.People.CountAsync()));  // 757, and the youth with a CBO
        Assert.Equal(504, await server.WithDb(db => db.Managements.CountAsync(m => m.Register == Register.RegisteredSexOffender)));
    }

    [Fact]
    public async Task Demo_people_can_be_found_through_the_api()
    {
        var people = new People.PeopleClient(await server.As("demo.manager"));
        var someone = await server.WithDb(db => db.People.OrderBy(p => p.SortName).FirstAsync());
        var found = await people.SearchPeopleAsync(new SearchPeopleRequest { Name = someone.FamilyName.ToUpperInvariant() });
        Assert.Contains(found.People, p => p.Id == someone.Id.ToString());
    }
}
