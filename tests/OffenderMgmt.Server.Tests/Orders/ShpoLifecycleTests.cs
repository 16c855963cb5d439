using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Testing;
using DayOfWeek = OffenderMgmt.Contracts.V1.DayOfWeek;

using TaskKind = OffenderMgmt.Server.Tasks.TaskKind;
namespace OffenderMgmt.Tests.OrderTests;

/// <summary>An SHPO with an exclusion zone over Luton town centre, breached and acted on.</summary>
public sealed class ShpoLifecycleTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task An_shpo_with_an_exclusion_zone_is_served_breached_confirmed_and_acted_on()
    {
        var person = await server.CaseOf("demo.manager", skip: 3);
        var manager = await server.OfficerOfAccount("demo.manager");
        var orders = new Orders.OrdersClient(await server.As("demo.manager"));
        var officerOrders = new Orders.OrdersClient(await server.As("demo.officer", "briefing"));

        var evenings = new TimeWindow { Day = DayOfWeek.Friday, Start = "18:00", End = "02:00" };
        var order = await orders.CreateOrderAsync(OrderRequests.Shpo(person, manager, OrderRequests.Zone(OrderRequests.LutonTownCentre(), "Luton town centre", evenings)));
        var zone = Assert.Single(order.Conditions).ExclusionZone;
        // The zone's beats are decided as it is written: the town centre is in South ward and reaches into its neighbours.
        Assert.Contains("E05002208", zone.AreaCodes);  // South
        Assert.True(zone.AreaCodes.Count >= 2);
        Assert.Equal("Protected child: known to the family", order.VictimDetails);

        // A local officer serves it, and sees it without the victim's details.
        var served = await officerOrders.ServeOrderAsync(new ServeOrderRequest
        {
            Id = order.Id, ServedAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddHours(-2)), ServedWhere = "Home address",
        });
        Assert.True(served.Enforceable);
        Assert.Equal("", served.VictimDetails);

        // The officer sees him in the zone and reports it.
        var officerCompliance = new Compliance.ComplianceClient(await server.As("demo.officer", "sighting-check"));
        var breach = await officerCompliance.RecordBreachAsync(new RecordBreachRequest
        {
            PersonId = person.ToString(), OrderId = order.Id, ConditionId = order.Conditions[0].Id,
            OccurredAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddMinutes(-45)),
            Location = new GeoPoint { Latitude = 51.8790, Longitude = -0.4170 }, LocationText = "George Street",
        });
        var task = await server.WithDb(db => db.Tasks.SingleAsync(t => t.BreachId == Guid.Parse(breach.Id)));
        Assert.Equal((TaskKind.SuspectedBreach, manager, WorkTaskStatus.Open), (task.Kind, task.AssignedOfficerId!.Value, task.Status));

        // The manager confirms it, then records the arrest; each step is kept with who made it.
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        breach = await compliance.UpdateBreachAsync(new UpdateBreachRequest { Id = breach.Id, ExpectedVersion = breach.Version, Status = BreachStatus.Confirmed, Note = "CCTV reviewed" });
        breach = await compliance.UpdateBreachAsync(new UpdateBreachRequest { Id = breach.Id, ExpectedVersion = breach.Version, Status = BreachStatus.ActionTaken, Action = BreachAction.Arrest });
        Assert.Equal([BreachStatus.Suspected, BreachStatus.Confirmed, BreachStatus.ActionTaken], breach.History.Select(h => h.ToStatus));
        Assert.Equal(["demo.officer", "demo.manager", "demo.manager"], breach.History.Select(h => h.ChangedBy));
        Assert.Equal(WorkTaskStatus.Done, (await server.WithDb(db => db.Tasks.SingleAsync(t => t.Id == task.Id))).Status);

        // It cannot go back to merely confirmed.
        var backwards = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => compliance.UpdateBreachAsync(
            new UpdateBreachRequest { Id = breach.Id, ExpectedVersion = breach.Version, Status = BreachStatus.Confirmed }).ResponseAsync);
        Assert.Contains("cannot become confirmed", backwards.Status.Detail);
    }

    [Fact]
    public async Task A_breach_cannot_be_recorded_against_an_order_that_has_not_been_served()
    {
        var person = await server.CaseOf("demo.manager", skip: 4);
        var manager = await server.OfficerOfAccount("demo.manager");
        var orders = new Orders.OrdersClient(await server.As("demo.manager"));
        var order = await orders.CreateOrderAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(51.8930, -0.4200, 300)));
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => compliance.RecordBreachAsync(new RecordBreachRequest
        {
            PersonId = person.ToString(), OrderId = order.Id, OccurredAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddHours(-1)),
        }).ResponseAsync);
        Assert.Contains("not been served", error.Status.Detail);
        Assert.False(await server.WithDb(db => db.Breaches.AnyAsync(b => b.OrderId == Guid.Parse(order.Id))));
    }
}
