using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>Moving house or varying a zone changes which beats' briefings show them, at once.</summary>
public sealed class ReclassificationTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<Briefing> Briefing(string code) =>
        await new Areas.AreasClient(await server.Officer("briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = code });

    [Fact]
    public async Task A_person_who_moves_leaves_the_old_beats_briefing_and_joins_the_new_one()
    {
        var person = (await server.CaseOf("demo.manager", skip: 25)).ToString();
        var people = new People.PeopleClient(await server.As("demo.manager"));
        var before = await people.GetPersonAsync(new GetPersonRequest { Id = person });
        var oldBeat = before.Address.AreaCode;
        var (lat, lon) = Bedfordshire.Inside("Leagrave");
        var moved = before.Address.Clone();
        moved.Location = new GeoPoint { Latitude = lat, Longitude = lon };
        moved.Line1 = "3 Leagrave High Street";
        var after = await people.UpdatePersonAsync(new UpdatePersonRequest { Id = person, ExpectedVersion = before.Version, Person = new PersonInput { Address = moved }, UpdateMask = new FieldMask { Paths = { "address" } } });

        Assert.Equal("Leagrave", after.Address.AreaName);
        Assert.DoesNotContain((await Briefing(oldBeat)).Residents, r => r.PersonId == person);
        Assert.Contains((await Briefing(after.Address.AreaCode)).Residents, r => r.PersonId == person);
    }

    [Fact]
    public async Task A_zone_varied_to_another_place_leaves_the_old_beats_and_touches_the_new_ones()
    {
        var person = await server.CaseOf("demo.manager", skip: 26);
        var manager = await server.OfficerOfAccount("demo.manager");
        var (lat, lon) = Bedfordshire.Inside("Castle");
        var order = await server.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(lat, lon, 150, "Variation test zone")), manager);
        var castle = Bedfordshire.Ward("Castle").Code;
        Assert.Contains(castle, order.Conditions[0].ExclusionZone.AreaCodes);
        Assert.Contains((await Briefing(castle)).Zones, z => z.OrderId == order.Id);

        var (lat2, lon2) = Bedfordshire.Inside("Kempston North");
        var orders = new Orders.OrdersClient(await server.As("demo.service"));
        var varied = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version,
            ChangeConditions = { new Condition(OrderRequests.Circle(lat2, lon2, 150, "Variation test zone")) { Id = order.Conditions[0].Id } },
        });
        var kempston = Bedfordshire.Ward("Kempston North").Code;
        Assert.Equal([kempston], varied.Conditions[0].ExclusionZone.AreaCodes);
        Assert.DoesNotContain((await Briefing(castle)).Zones, z => z.OrderId == order.Id);
        Assert.Contains((await Briefing(kempston)).Zones, z => z.OrderId == order.Id);
    }

    [Fact]
    public async Task A_home_on_a_boundary_shared_by_two_beats_is_briefed_in_exactly_one_of_them()
    {
        var castle = Bedfordshire.Ward("Castle");
        var neighbour = Bedfordshire.Wards.First(w => w.Code != castle.Code && w.Boundary.Coordinates.Intersect(castle.Boundary.Coordinates).Any());
        var vertex = neighbour.Boundary.Coordinates.Intersect(castle.Boundary.Coordinates).First();
        var people = new People.PeopleClient(await server.As("demo.service"));
        var person = await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { FamilyName = "Boundary" },
                Address = new Address { Line1 = "1 Boundary Road", Postcode = "MK40 1AB", Location = new GeoPoint { Latitude = vertex.Y, Longitude = vertex.X } },
            },
        });
        var manager = await server.OfficerOfAccount("demo.manager");
        await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(new EnrolRequest
        {
            PersonId = person.Id, Scheme = Scheme.Iom, ResponsibleOfficerId = manager.ToString(), RiskLevel = RiskLevel.Low,
            CohortType = IomCohortType.Free, IomCategories = { IomCategory.Violent },
        });
        var expected = string.CompareOrdinal(castle.Code, neighbour.Code) < 0 ? castle.Code : neighbour.Code;
        var other = expected == castle.Code ? neighbour.Code : castle.Code;
        Assert.Contains((await Briefing(expected)).Residents, r => r.PersonId == person.Id);
        Assert.DoesNotContain((await Briefing(other)).Residents, r => r.PersonId == person.Id);
    }
}
