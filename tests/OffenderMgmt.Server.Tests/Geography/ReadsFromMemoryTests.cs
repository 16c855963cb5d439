using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using Verdict = OffenderMgmt.Contracts.V1.Verdict;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// Issue 13: GetArea and CheckSighting answer from memory (the area index, the residents'
/// areas, the briefing view's live orders). The answer must be the one the database gives, and
/// a change committed must be in the next answer.
/// </summary>
public sealed class ReadsFromMemoryTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<Areas.AreasClient> Areas() => new(await server.Officer("briefing"));

    /// <summary>GetArea as it was made before: the row and its resident count read from the database.</summary>
    private Task<OffenderMgmt.Contracts.V1.Area> FromDatabase(string code) => server.WithDb(async db =>
    {
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == code);
        var count = await db.People.AsNoTracking().CountAsync(p => p.Address != null && p.Address.AreaCode == code);
        return AreasService.ToMessage(new AreaListing(area, count), includeBoundary: true);
    });

    [Fact]
    public async Task GetArea_from_memory_equals_the_database_derived_answer_for_every_area()
    {
        var areas = await Areas();
        var codes = await server.WithDb(db => db.Areas.AsNoTracking().Select(a => a.Code).ToListAsync());
        Assert.NotEmpty(codes);
        foreach (var code in codes)
            Assert.Equal(await FromDatabase(code), await areas.GetAreaAsync(new GetAreaRequest { Code = code, IncludeBoundary = true }));
        // And the briefing's area is the same message.
        var ward = Bedfordshire.Ward("High Town").Code;
        var briefing = await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = ward, IncludeBoundary = true });
        var expected = await FromDatabase(ward);
        expected.ResidentCount = briefing.Residents.Count;  // a briefing counts the people it briefs on
        Assert.Equal(expected, briefing.Area);
    }

    [Fact]
    public async Task GetArea_counts_a_new_resident_and_a_move_in_its_next_answer()
    {
        var areas = await Areas();
        var (from, to) = (Bedfordshire.Ward("Leagrave").Code, Bedfordshire.Ward("Barnfield").Code);
        async Task<(int From, int To)> Counts() =>
            ((await areas.GetAreaAsync(new GetAreaRequest { Code = from })).ResidentCount, (await areas.GetAreaAsync(new GetAreaRequest { Code = to })).ResidentCount);
        var before = await Counts();

        // Not managed and under no order: GetArea counts everyone living there, not only those briefed on.
        var people = new People.PeopleClient(await server.As("demo.service"));
        var (lat, lon) = Bedfordshire.Inside("Leagrave");
        var person = await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { GivenName = "Test", FamilyName = "Countable" },
                Address = new Address { Line1 = "5 High Street", Town = "Luton", Postcode = "LU4 9JY", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
            },
        });
        Assert.Equal((before.From + 1, before.To), await Counts());

        var (toLat, toLon) = Bedfordshire.Inside("Barnfield");
        var address = person.Address.Clone();
        address.Location = new GeoPoint { Latitude = toLat, Longitude = toLon };
        await people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = person.Id, ExpectedVersion = person.Version, Person = new PersonInput { Address = address }, UpdateMask = new FieldMask { Paths = { "address" } },
        });
        Assert.Equal((before.From, before.To + 1), await Counts());
        Assert.Equal(before.From, (await FromDatabase(from)).ResidentCount);
        Assert.Equal(before.To + 1, (await FromDatabase(to)).ResidentCount);
    }

    [Fact]
    public async Task An_unknown_area_is_still_not_found()
    {
        var areas = await Areas();
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await areas.GetAreaAsync(new GetAreaRequest { Code = "E05999999" }));
        Assert.Equal(Grpc.Core.StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_sighting_today_is_judged_on_the_same_orders_and_conditions_as_the_database_gives()
    {
        // An order made but not yet served is in the briefing view (it is live) but cannot be breached yet.
        var unserved = await server.CaseOf("demo.manager", skip: 31);
        var home = await server.WithDb(db => db.People.Where(p => p.Id == unserved).Select(p => new { p.Address!.Latitude, p.Address.Longitude }).SingleAsync());
        await new Orders.OrdersClient(await server.As("demo.service")).CreateOrderAsync(
            OrderRequests.Shpo(unserved, await server.OfficerOfAccount("demo.manager"), OrderRequests.Circle(home.Latitude, home.Longitude, 200, "Not yet served zone")));

        await using var scope = server.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<BriefingFactsView>().CurrentAsync(CancellationToken.None);
        var desk = scope.ServiceProvider.GetRequiredService<SightingDesk>();
        var clock = scope.ServiceProvider.GetRequiredService<ForceClock>();
        var (now, today) = (clock.Now, clock.Today);
        var people = await server.WithDb(db => db.Orders.AsNoTracking().Select(o => o.PersonId).Distinct().ToListAsync());
        var judged = 0;
        foreach (var id in people)
        {
            var fromView = SightingDesk.EnforceableOn(view.Find(id)?.Orders ?? [], now, today).ToList();
            var fromDatabase = await desk.EnforceableFromDatabaseAsync(id, now, today, CancellationToken.None);
            Assert.Equal(Shape(fromDatabase, today), Shape(fromView, today));
            if (view.Find(id)?.Person.Address is not { } address) continue;
            var facts = new SightingFacts(address.Latitude, address.Longitude, clock.ToLocal(now).DateTime, new HashSet<Guid>(), "");
            Assert.Equal(Findings(fromDatabase, facts, (address.Latitude, address.Longitude)), Findings(fromView, facts, (address.Latitude, address.Longitude)));
            judged += fromView.Count;
        }
        Assert.True(judged > 10, $"only {judged} orders judged: the demo force should have many");

        static List<string> Shape(IEnumerable<Server.Orders.Order> orders, DateOnly day) => orders
            .Select(o => $"{o.Id}: {string.Join(",", o.Conditions.Where(c => c.AddedOn <= day && (c.RemovedOn is null || c.RemovedOn > day)).Select(c => c.Id))}").ToList();

        static List<string> Findings(IEnumerable<Server.Orders.Order> orders, SightingFacts facts, (double, double) home) =>
            SightingJudge.Judge(orders, facts, _ => "a named person", home).Select(f => $"{f.Order.Id} {f.Condition.Id} {f.Verdict} {f.Reason}").ToList();
    }

    [Fact]
    public async Task A_condition_added_or_removed_by_a_variation_is_in_the_next_verdict()
    {
        var person = await server.CaseOf("demo.manager", skip: 30);
        var manager = await server.OfficerOfAccount("demo.manager");
        var spot = new GeoPoint { Latitude = 51.8801, Longitude = -0.4180 };
        var order = await server.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Travel()), manager);
        var areas = new Areas.AreasClient(await server.Officer());
        async Task<Verdict> Check() => (await areas.CheckSightingAsync(new CheckSightingRequest { PersonId = person.ToString(), Point = spot })).Verdict;
        Assert.Equal(Verdict.NoBreach, await Check());

        var orders = new Orders.OrdersClient(await server.As("demo.service"));
        order = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, AddConditions = { OrderRequests.Circle(spot.Latitude, spot.Longitude, 150, "Memory test zone") },
        });
        Assert.Equal(Verdict.Breach, await Check());

        var zone = order.Conditions.Single(c => c.KindCase == Condition.KindOneofCase.ExclusionZone);
        order = await orders.VaryOrderAsync(new VaryOrderRequest { Id = order.Id, ExpectedVersion = order.Version, RemoveConditionIds = { zone.Id } });
        Assert.Equal(Verdict.NoBreach, await Check());

        order = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, AddConditions = { OrderRequests.Circle(spot.Latitude, spot.Longitude, 150, "Memory test zone") },
        });
        Assert.Equal(Verdict.Breach, await Check());
        await orders.DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed" });
        Assert.Equal(Verdict.NoBreach, await Check());
    }
}
