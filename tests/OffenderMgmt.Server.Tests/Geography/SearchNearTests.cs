using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

public sealed class SearchNearTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly GeoPoint LutonCentre = new() { Latitude = 51.8787, Longitude = -0.4175 };

    [Fact]
    public async Task People_living_within_the_radius_come_nearest_first_with_their_distance()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var near = await areas.SearchNearAsync(new SearchNearRequest { Point = LutonCentre, RadiusMetres = 1500, PageSize = 500 });
        Assert.NotEmpty(near.People);
        Assert.Equal(near.People.Select(p => p.DistanceMetres).Order(), near.People.Select(p => p.DistanceMetres));
        Assert.All(near.People, p =>
        {
            Assert.InRange(p.DistanceMetres, 0, 1500);
            var exact = Geo.DistanceMetres(LutonCentre.Latitude, LutonCentre.Longitude, p.Address.Location.Latitude, p.Address.Location.Longitude);
            Assert.InRange(p.DistanceMetres, exact - 0.1, exact + 0.1);
        });
        var wider = await areas.SearchNearAsync(new SearchNearRequest { Point = LutonCentre, RadiusMetres = 3000, PageSize = 500 });
        Assert.Superset(near.People.Select(p => p.PersonId).ToHashSet(), wider.People.Select(p => p.PersonId).ToHashSet());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(6000)]
    [InlineData(double.NaN)]
    public async Task A_radius_of_zero_negative_or_beyond_five_kilometres_is_refused(double radius)
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        await RpcAssert.FailsOnField("radius_metres", () => areas.SearchNearAsync(new SearchNearRequest { Point = LutonCentre, RadiusMetres = radius }).ResponseAsync);
    }

    [Fact]
    public void Distances_agree_with_a_known_one()
    {
        // Luton station to Bedford station is about 27.3 km as the crow flies.
        Assert.InRange(Geo.DistanceMetres(51.8823, -0.4143, 52.1363, -0.4794), 27_000, 29_000);
    }
}
