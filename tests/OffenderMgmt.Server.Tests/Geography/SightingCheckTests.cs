using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using DayOfWeek = OffenderMgmt.Contracts.V1.DayOfWeek;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>Zones at a point and sighting checks through the API, with the clock at Thursday 26 November 2026, 10:00.</summary>
public sealed class SightingCheckTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly DateTimeOffset SaturdayLunch = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayNight = new(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);
    private static readonly GeoPoint StockwoodPark = new() { Latitude = 51.8630, Longitude = -0.4300 };

    private async Task<(Guid Person, Order Order)> PersonWithOrder(int skip, params Condition[] conditions)
    {
        var person = await server.CaseOf("demo.manager", skip: skip);
        var manager = await server.OfficerOfAccount("demo.manager");
        var request = OrderRequests.Shpo(person, manager, conditions);
        request.MadeOn = "2026-11-01";
        var order = await server.ServedAsync(request, manager);
        // Served an hour ago: backdate service so last week's sightings fall inside it.
        await server.WithDb(async db =>
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == Guid.Parse(order.Id));
            stored.ServedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        var orders = new Orders.OrdersClient(await server.As("demo.service"));
        return (person, await orders.GetOrderAsync(new GetOrderRequest { Id = order.Id }));
    }

    private async Task<SightingVerdict> Check(Guid person, GeoPoint where, DateTimeOffset when, params string[] with) =>
        await new Areas.AreasClient(await server.Officer()).CheckSightingAsync(new CheckSightingRequest
        {
            PersonId = person.ToString(), Point = where, At = Timestamp.FromDateTimeOffset(when), WithPersonIds = { with },
        });

    [Fact]
    public async Task A_zone_with_school_hours_covers_a_point_all_week_but_binds_only_in_school_hours()
    {
        var weekdays = Enumerable.Range(1, 5).Select(d => new TimeWindow { Day = (DayOfWeek)d, Start = "08:00", End = "16:00" }).ToArray();
        var (person, order) = await PersonWithOrder(10, OrderRequests.Circle(StockwoodPark.Latitude, StockwoodPark.Longitude, 300, "Stockwood Park test zone"));
        var zone = order.Conditions[0];
        var orders = new Orders.OrdersClient(await server.As("demo.service"));
        order = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, VariedOn = "2026-11-02",
            ChangeConditions = { new Condition(OrderRequests.Circle(StockwoodPark.Latitude, StockwoodPark.Longitude, 300, "Stockwood Park test zone")) { Id = zone.Id, ExclusionZone = { Windows = { weekdays } } } },
        });

        var areas = new Areas.AreasClient(await server.Officer());
        var monday = await areas.ZonesAtAsync(new ZonesAtRequest { Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(MondayMorning) });
        Assert.True(monday.Zones.Single(z => z.OrderId == order.Id).InForceNow);
        var saturday = await areas.ZonesAtAsync(new ZonesAtRequest { Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(SaturdayLunch) });
        Assert.False(saturday.Zones.Single(z => z.OrderId == order.Id).InForceNow);

        Assert.Equal(Verdict.Breach, (await Check(person, StockwoodPark, MondayMorning)).Verdict);
        Assert.Equal(Verdict.NoBreach, (await Check(person, StockwoodPark, SaturdayLunch)).Verdict);
        var away = await areas.ZonesAtAsync(new ZonesAtRequest { Point = new GeoPoint { Latitude = 51.90, Longitude = -0.40 }, At = Timestamp.FromDateTimeOffset(MondayMorning) });
        Assert.DoesNotContain(away.Zones, z => z.OrderId == order.Id);
    }

    [Fact]
    public async Task Out_after_an_overnight_curfew_begins_is_a_breach_after_midnight_too()
    {
        var (person, _) = await PersonWithOrder(11, OrderRequests.Curfew(DayOfWeek.Friday, "21:00", "06:00"));
        var home = await server.WithDb(db => db.People.Where(p => p.Id == person).Select(p => new GeoPoint { Latitude = p.Address!.Latitude, Longitude = p.Address.Longitude }).SingleAsync());
        var townCentre = new GeoPoint { Latitude = 51.8790, Longitude = -0.4170 };

        var late = await Check(person, townCentre, FridayNight);
        Assert.Equal(Verdict.Breach, late.Verdict);
        Assert.Contains("curfew", late.Summary);
        Assert.Equal(Verdict.Breach, (await Check(person, townCentre, FridayNight.AddHours(4))).Verdict);   // 03:30 Saturday
        Assert.Equal(Verdict.NoBreach, (await Check(person, home, FridayNight)).Verdict);
        Assert.Equal(Verdict.NoBreach, (await Check(person, townCentre, FridayNight.AddHours(8))).Verdict);  // 07:30 Saturday
    }

    [Fact]
    public async Task Being_seen_with_a_named_non_associate_is_a_breach()
    {
        var associate = await server.CaseOf("demo.manager", skip: 20);
        var (person, _) = await PersonWithOrder(12, new Condition { NonAssociation = new NonAssociation { Associates = { new NonAssociate { PersonId = associate.ToString() } } } });
        var somewhere = new GeoPoint { Latitude = 52.1360, Longitude = -0.4667 };
        var with = await Check(person, somewhere, SaturdayLunch, associate.ToString());
        Assert.Equal(Verdict.Breach, with.Verdict);
        Assert.Equal(Verdict.NoBreach, (await Check(person, somewhere, SaturdayLunch)).Verdict);
    }

    [Fact]
    public async Task Recording_a_breaching_sighting_opens_a_suspected_breach_and_a_task_for_the_responsible_officer()
    {
        var (person, order) = await PersonWithOrder(13, OrderRequests.Circle(51.8930, -0.4200, 300, "Wardown Park test zone"));
        var areas = new Areas.AreasClient(await server.Officer());
        var recorded = await areas.RecordSightingAsync(new RecordSightingRequest
        {
            PersonId = person.ToString(), Point = new GeoPoint { Latitude = 51.8931, Longitude = -0.4201 }, At = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddMinutes(-10)),
            LocationText = "by the museum", Text = "Seen sitting on a bench near the play area",
        });
        Assert.Equal(Verdict.Breach, recorded.Verdict.Verdict);
        var breachId = Guid.Parse(Assert.Single(recorded.BreachIds));
        var breach = await server.WithDb(db => db.Breaches.SingleAsync(b => b.Id == breachId));
        Assert.Equal((Server.Compliance.BreachSource.Sighting, Guid.Parse(order.Id), Guid.Parse(recorded.SightingId)), (breach.Source, breach.OrderId!.Value, breach.SightingId!.Value));
        var task = await server.WithDb(db => db.Tasks.SingleAsync(t => t.BreachId == breachId));
        Assert.Equal(await server.OfficerOfAccount("demo.manager"), task.AssignedOfficerId);
        Assert.Equal(Guid.Parse(Assert.Single(recorded.TaskIds)), task.Id);

        // The sighting is on the person's record; its intelligence text only for full disclosure.
        var manager = new Areas.AreasClient(await server.As("demo.manager", "case-management"));
        Assert.Equal("Seen sitting on a bench near the play area", (await manager.ListSightingsAsync(new ListSightingsRequest { PersonId = person.ToString() })).Sightings[0].Text);
        Assert.Equal("", (await areas.ListSightingsAsync(new ListSightingsRequest { PersonId = person.ToString() })).Sightings[0].Text);
    }

    [Fact]
    public async Task Someone_with_no_order_in_force_is_not_in_breach()
    {
        var person = await server.CaseOf("demo.manager", skip: 21);
        var verdict = await Check(person, StockwoodPark, ServerFactory.StartTime);
        Assert.Equal(Verdict.NoBreach, verdict.Verdict);
    }

    [Fact]
    public async Task Bad_places_times_and_people_are_refused_by_field()
    {
        var person = await server.CaseOf("demo.manager", skip: 21);
        var areas = new Areas.AreasClient(await server.Officer());
        await RpcAssert.FailsOnField("point.latitude", () => areas.ZonesAtAsync(new ZonesAtRequest { Point = new GeoPoint { Latitude = 95, Longitude = 0 } }).ResponseAsync);
        await RpcAssert.FailsOnField("point.longitude", () => areas.ZonesAtAsync(new ZonesAtRequest { Point = new GeoPoint { Latitude = 51, Longitude = double.NaN } }).ResponseAsync);
        await RpcAssert.FailsOnField("point", () => areas.ZonesAtAsync(new ZonesAtRequest()).ResponseAsync);
        await RpcAssert.FailsOnField("at", () => areas.ZonesAtAsync(new ZonesAtRequest { Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddYears(5)) }).ResponseAsync);
        await RpcAssert.FailsOnField("at", () => areas.CheckSightingAsync(new CheckSightingRequest { PersonId = person.ToString(), Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddHours(2)) }).ResponseAsync);
        await RpcAssert.Fails(Grpc.Core.StatusCode.NotFound, () => areas.CheckSightingAsync(new CheckSightingRequest { PersonId = Guid.NewGuid().ToString(), Point = StockwoodPark }).ResponseAsync);
        await RpcAssert.FailsOnField("with_person_ids[0]", () => areas.CheckSightingAsync(new CheckSightingRequest { PersonId = person.ToString(), Point = StockwoodPark, WithPersonIds = { "someone" } }).ResponseAsync);
    }
}
