using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>What zones cover a point changes the moment an order serving, varying or ending them commits.</summary>
public sealed class ZoneFreshnessTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly GeoPoint Spot = new() { Latitude = 51.8935, Longitude = -0.4100 };

    [Fact]
    public async Task A_zone_appears_when_served_moves_when_varied_and_goes_when_discharged()
    {
        var areas = new Areas.AreasClient(await server.Officer());
        async Task<bool> Covered(GeoPoint p) => (await areas.ZonesAtAsync(new ZonesAtRequest { Point = p })).Zones.Any(z => z.Zone.Name == "Freshness test zone");
        Assert.False(await Covered(Spot));  // also warms the index

        var person = await server.CaseOf("demo.manager", skip: 22);
        var manager = await server.OfficerOfAccount("demo.manager");
        var order = await server.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(Spot.Latitude, Spot.Longitude, 200, "Freshness test zone")), manager);
        Assert.True(await Covered(Spot));

        var moved = new GeoPoint { Latitude = 51.8700, Longitude = -0.4400 };
        var orders = new Orders.OrdersClient(await server.As("demo.service"));
        order = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version,
            ChangeConditions = { new Condition(OrderRequests.Circle(moved.Latitude, moved.Longitude, 200, "Freshness test zone")) { Id = order.Conditions[0].Id } },
        });
        Assert.False(await Covered(Spot));
        Assert.True(await Covered(moved));

        await orders.DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed" });
        Assert.False(await Covered(moved));
    }
}
