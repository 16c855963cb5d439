using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using DayOfWeek = OffenderMgmt.Contracts.V1.DayOfWeek;

namespace OffenderMgmt.Tests.OrderTests;

/// <summary>Each bad request gets the status DESIGN.md gives, names the field, and changes nothing.</summary>
public sealed class OrderBadInputTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<(Orders.OrdersClient Orders, Guid Person, Guid Manager)> Setup()
    {
        var person = await server.CaseOf("demo.manager", skip: 5);
        return (new Orders.OrdersClient(await server.As("demo.manager")), person, await server.OfficerOfAccount("demo.manager"));
    }

    private Task<int> OrderCount() => server.WithDb(db => db.Orders.CountAsync());

    public static TheoryData<string, Action<CreateOrderRequest>> BadOrders => new()
    {
        { "ends_on", r => r.EndsOn = "2026-11-01" },                                    // before it starts
        { "ends_on", r => r.EndsOn = "2032-11-20" },                                    // an SCPO for 6 years
        { "ends_on", r => r.EndsOn = "" },                                              // an SCPO until further order
        { "made_on", r => r.MadeOn = "2027-01-01" },
        { "made_on", r => r.MadeOn = "20/11/2026" },
        { "court", r => r.Court = "" },
        { "type", r => r.Type = OrderType.Unspecified },
        { "person_id", r => r.PersonId = "not-an-id" },
        { "conditions[0].exclusion_zone", r => r.Conditions.Add(OrderRequests.Zone(OrderRequests.Ring((53.48, -2.24), (53.48, -2.23), (53.47, -2.23)), "Manchester")) },
        { "conditions[0].exclusion_zone.polygon.ring", r => { var z = OrderRequests.LutonTownCentre(); z.Ring.RemoveAt(z.Ring.Count - 1); r.Conditions.Add(OrderRequests.Zone(z)); } },
        { "conditions[0].exclusion_zone.polygon.ring", r => r.Conditions.Add(OrderRequests.Zone(OrderRequests.Ring((51.88, -0.42), (51.87, -0.41), (51.88, -0.41), (51.87, -0.42)), "Bow tie")) },
        { "conditions[0].exclusion_zone.polygon.ring[1].latitude", r => r.Conditions.Add(OrderRequests.Zone(OrderRequests.Ring((51.88, -0.42), (95, -0.41), (51.87, -0.41)))) },
        { "conditions[0].exclusion_zone.circle.radius_metres", r => r.Conditions.Add(OrderRequests.Circle(51.89, -0.42, 0)) },
        { "conditions[0].exclusion_zone.circle.radius_metres", r => r.Conditions.Add(OrderRequests.Circle(51.89, -0.42, 50_000)) },
        { "conditions[0].exclusion_zone.circle.radius_metres", r => r.Conditions.Add(OrderRequests.Circle(51.89, -0.42, double.NaN)) },
        { "conditions[0].exclusion_zone.name", r => r.Conditions.Add(OrderRequests.Circle(51.89, -0.42, 300, name: "")) },
        { "conditions[0].curfew.windows[0]", r => r.Conditions.Add(OrderRequests.Curfew(DayOfWeek.Monday, "19:00", "19:00")) },
        { "conditions[0].curfew.windows[0].start", r => r.Conditions.Add(OrderRequests.Curfew(DayOfWeek.Monday, "7pm", "06:00")) },
        { "conditions[0].curfew.windows[0].day", r => r.Conditions.Add(OrderRequests.Curfew(DayOfWeek.Unspecified, "19:00", "06:00")) },
        { "conditions[0]", r => r.Conditions.Add(new Condition { Wording = "Be good" }) },
        { "conditions[0].non_association.associates", r => r.Conditions.Add(new Condition { NonAssociation = new NonAssociation() }) },
        { "conditions[0].financial_reporting.interval_months", r => r.Conditions.Add(new Condition { FinancialReporting = new FinancialReporting { WhatToReport = "income", IntervalMonths = 13 } }) },
        { "conditions[0].wording", r => r.Conditions.Add(new Condition { Other = new OtherCondition() }) },
        { "lead_officer_id", r => { r.LeadOfficerId = ""; r.OwningTeamId = ""; } },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_order_is_refused_naming_the_field_and_nothing_is_stored(string field, Action<CreateOrderRequest> spoil)
    {
        var (orders, person, manager) = await Setup();
        var request = OrderRequests.Scpo(person, manager);
        spoil(request);
        var before = await OrderCount();
        await RpcAssert.FailsOnField(field, () => orders.CreateOrderAsync(request).ResponseAsync);
        Assert.Equal(before, await OrderCount());
    }

    [Fact]
    public async Task Unknown_people_and_officers_are_not_found_and_named()
    {
        var (orders, person, manager) = await Setup();
        var unknownPerson = await RpcAssert.Fails(StatusCode.NotFound, () => orders.CreateOrderAsync(OrderRequests.Scpo(Guid.NewGuid(), manager)).ResponseAsync);
        Assert.Contains("person_id", unknownPerson.Status.Detail);
        var unknownOfficer = await RpcAssert.Fails(StatusCode.NotFound, () => orders.CreateOrderAsync(OrderRequests.Scpo(person, Guid.NewGuid())).ResponseAsync);
        Assert.Contains("lead_officer_id", unknownOfficer.Status.Detail);
        var nonAssociate = OrderRequests.Scpo(person, manager);
        nonAssociate.Conditions.Add(new Condition { NonAssociation = new NonAssociation { Associates = { new NonAssociate { PersonId = Guid.NewGuid().ToString() } } } });
        await RpcAssert.Fails(StatusCode.NotFound, () => orders.CreateOrderAsync(nonAssociate).ResponseAsync);
    }

    [Fact]
    public async Task An_order_cannot_be_given_to_an_officer_who_has_left_post()
    {
        var (orders, person, _) = await Setup();
        var leaver = await server.WithDb(db => db.Officers.Where(o => o.InPostTo != null).Select(o => o.Id).FirstAsync());
        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => orders.CreateOrderAsync(OrderRequests.Scpo(person, leaver)).ResponseAsync);
        Assert.Contains("not in post", error.Status.Detail);
    }

    [Fact]
    public async Task Serving_an_order_twice_is_refused_and_the_first_service_stands()
    {
        var (orders, person, manager) = await Setup();
        var order = await orders.CreateOrderAsync(OrderRequests.Scpo(person, manager, conditions: OrderRequests.Financial()));
        var serve = new ServeOrderRequest { Id = order.Id, ServedAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddHours(-3)), ServedWhere = "Bedford police station" };
        var served = await orders.ServeOrderAsync(serve);
        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => orders.ServeOrderAsync(
            new ServeOrderRequest(serve) { ServedWhere = "somewhere else" }).ResponseAsync);
        Assert.Contains("already served", error.Status.Detail);
        Assert.Equal(served, await orders.GetOrderAsync(new GetOrderRequest { Id = order.Id }));
    }

    [Fact]
    public async Task A_variation_from_a_stale_version_is_aborted_and_the_order_is_as_it_was()
    {
        var (orders, person, manager) = await Setup();
        var order = await orders.CreateOrderAsync(OrderRequests.Scpo(person, manager, conditions: OrderRequests.Financial()));
        await orders.VaryOrderAsync(new VaryOrderRequest { Id = order.Id, ExpectedVersion = order.Version, AddConditions = { OrderRequests.Travel() } });
        var current = await orders.GetOrderAsync(new GetOrderRequest { Id = order.Id });

        await RpcAssert.Fails(StatusCode.Aborted, () => orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, RemoveConditionIds = { order.Conditions[0].Id },
        }).ResponseAsync);

        Assert.Equal(current, await orders.GetOrderAsync(new GetOrderRequest { Id = order.Id }));
    }

    [Fact]
    public async Task A_variation_must_change_something_that_is_on_the_order()
    {
        var (orders, person, manager) = await Setup();
        var order = await orders.CreateOrderAsync(OrderRequests.Scpo(person, manager, conditions: OrderRequests.Financial()));
        await RpcAssert.FailsOnField("add_conditions", () => orders.VaryOrderAsync(new VaryOrderRequest { Id = order.Id, ExpectedVersion = order.Version }).ResponseAsync);
        await RpcAssert.FailsOnField("remove_condition_ids[0]", () => orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, RemoveConditionIds = { Guid.NewGuid().ToString() },
        }).ResponseAsync);
        await RpcAssert.FailsOnField("new_ends_on", () => orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, NewEndsOn = "none",
        }).ResponseAsync);
        Assert.Equal(order, await orders.GetOrderAsync(new GetOrderRequest { Id = order.Id }));
    }

    [Fact]
    public async Task An_outcome_for_a_closed_or_unknown_check_is_refused()
    {
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        await RpcAssert.Fails(StatusCode.NotFound, () => compliance.RecordOutcomeAsync(new RecordOutcomeRequest { CheckId = Guid.NewGuid().ToString(), Outcome = CheckOutcome.Compliant }).ResponseAsync);
        await RpcAssert.FailsOnField("outcome", () => compliance.RecordOutcomeAsync(new RecordOutcomeRequest { CheckId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task Breach_reports_are_checked()
    {
        var (_, person, _) = await Setup();
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        await RpcAssert.FailsOnField("occurred_at", () => compliance.RecordBreachAsync(new RecordBreachRequest { PersonId = person.ToString() }).ResponseAsync);
        await RpcAssert.FailsOnField("occurred_at", () => compliance.RecordBreachAsync(new RecordBreachRequest
        {
            PersonId = person.ToString(), OccurredAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddDays(3)),
        }).ResponseAsync);
        await RpcAssert.FailsOnField("location.latitude", () => compliance.RecordBreachAsync(new RecordBreachRequest
        {
            PersonId = person.ToString(), OccurredAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime), Location = new GeoPoint { Latitude = -91 },
        }).ResponseAsync);
    }
}
