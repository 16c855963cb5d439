using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using CheckKind = OffenderMgmt.Server.Compliance.CheckKind;
using CheckStatus = OffenderMgmt.Server.Compliance.CheckStatus;
using OrderStatus = OffenderMgmt.Server.Orders.OrderStatus;
using RiskLevel = OffenderMgmt.Server.Common.RiskLevel;

using Register = OffenderMgmt.Server.Caseload.Register;
namespace OffenderMgmt.Tests.OrderTests;

/// <summary>Orders expire at their end date; risk and personal changes reschedule what they affect.</summary>
public sealed class OrderSchedulingTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task An_order_expires_the_day_after_its_end_date_and_its_checks_are_withdrawn()
    {
        var person = await _server.CaseOf("demo.manager", skip: 6);
        var manager = await _server.OfficerOfAccount("demo.manager");
        var orders = new Orders.OrdersClient(await _server.As("demo.manager"));
        var order = await orders.CreateOrderAsync(OrderRequests.Scpo(person, manager, madeOn: "2026-11-26", endsOn: "2027-02-28", OrderRequests.Financial()));
        await orders.ServeOrderAsync(new ServeOrderRequest { Id = order.Id, ServedAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime), ServedWhere = "Court" });
        var expiry = _server.Services.GetRequiredService<Housekeeping>();

        _server.Clock.Advance(TimeSpan.FromDays(94));  // 28 February 2027: its last day
        await expiry.RunOnceAsync(CancellationToken.None);
        Assert.Equal(OrderStatus.Active, await _server.WithDb(db => db.Orders.Where(o => o.Id == Guid.Parse(order.Id)).Select(o => o.Status).SingleAsync()));

        _server.Clock.Advance(TimeSpan.FromDays(1));    // 1 March 2027
        await expiry.RunOnceAsync(CancellationToken.None);
        var stored = await _server.WithDb(db => db.Orders.SingleAsync(o => o.Id == Guid.Parse(order.Id)));
        Assert.Equal(OrderStatus.Expired, stored.Status);
        var checks = await _server.WithDb(db => db.ComplianceChecks.Where(c => c.OrderId == stored.Id).ToListAsync());
        Assert.DoesNotContain(checks, c => c.Status == CheckStatus.Open);
        Assert.Contains(checks, c => c.CancelledReason == "order expired");
        Assert.True(await _server.WithDb(db => db.AuditEntries.AnyAsync(e => e.Subject == "system" && e.RecordIds.Contains(order.Id))));
    }

    [Fact]
    public async Task A_higher_risk_brings_the_next_home_visit_forward_from_the_last_one()
    {
        var managementId = await _server.WithDb(db => db.Managements
            .Where(m => m.Register == Register.RegisteredSexOffender && m.RiskLevel == RiskLevel.Low && m.Status == ManagementStatus.Active)
            .Select(m => m.Id).FirstAsync());
        await _server.WithDb(async db =>
        {
            var clock = _server.Services.GetRequiredService<ForceClock>();
            var planner = new CheckPlanner(db, Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()),
                Microsoft.Extensions.Options.Options.Create(new NotificationOptions()), new NotificationFactsLoader(db, clock), clock);
            var management = await db.Managements.SingleAsync(m => m.Id == managementId);
            management.RiskLevel = RiskLevel.VeryHigh;
            await planner.RescheduleHomeVisitAsync(management, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var open = await _server.WithDb(db => db.ComplianceChecks.Where(c => c.ManagementId == managementId && c.Kind == CheckKind.HomeVisit && c.Status == CheckStatus.Open).ToListAsync());
        var visit = Assert.Single(open);
        // Monthly now: due within a month of today at the latest.
        Assert.InRange(visit.DueOn, new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 26));
    }

    [Fact]
    public async Task A_registered_sex_offender_who_moves_must_have_notified_within_three_days()
    {
        var person = await _server.CaseOf("demo.manager", skip: 7);
        var people = new People.PeopleClient(await _server.As("demo.manager"));
        var current = await people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() });
        var moved = current.Address.Clone();
        moved.Line1 = "14 Midland Road";
        await people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = current.Id, ExpectedVersion = current.Version, Person = new PersonInput { Address = moved }, UpdateMask = new FieldMask { Paths = { "address" } },
        });

        // SOA 2003 s.84(1): "within the period of 3 days beginning with" the change: the 26th, 27th and 28th.
        var check = await _server.WithDb(db => db.ComplianceChecks.SingleAsync(c => c.PersonId == person && c.Kind == CheckKind.ChangeOfDetailsNotification));
        Assert.Equal((new DateOnly(2026, 11, 28), CheckStatus.Open), (check.DueOn, check.Status));
    }
}
