using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Testing;

using TaskKind = OffenderMgmt.Server.Tasks.TaskKind;
namespace OffenderMgmt.Tests.OrderTests;

/// <summary>
/// An SCPO with monthly financial reporting, from the court's request to discharge, through
/// gRPC: created once despite a retry, served, its reports checked, varied, breached.
/// </summary>
public sealed class ScpoLifecycleTests : IAsyncLifetime, IDisposable
{
    private readonly DemoServerFactory _server = new();
    private Guid _sio;
    private Guid _subject;
    private Orders.OrdersClient _court = null!;
    private Orders.OrdersClient _sioOrders = null!;
    private Compliance.ComplianceClient _sioCompliance = null!;

    public async Task InitializeAsync()
    {
        _sio = await _server.Officer(TeamKind.SeriousOrganisedCrime, OfficerRole.SeniorInvestigatingOfficer);
        await _server.CreateAccountAsync("soc.sio", Server.Security.Role.OffenderManager, _sio);
        _subject = await _server.WithDb(db => db.People.Where(p => !db.Orders.Any(o => o.PersonId == p.Id)).OrderBy(p => p.SortName).Select(p => p.Id).FirstAsync());
        _court = new Orders.OrdersClient(await _server.As("demo.service"));
        _sioOrders = new Orders.OrdersClient(await _server.As("soc.sio"));
        _sioCompliance = new Compliance.ComplianceClient(await _server.As("soc.sio"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _server.Dispose();

    private async Task<IReadOnlyList<ComplianceCheck>> DueForSio(int days = 120) =>
        (await _sioCompliance.ListDueAsync(new ListChecksRequest { OfficerId = _sio.ToString(), HorizonDays = days })).Checks
        .Where(c => c.PersonId == _subject.ToString()).ToList();

    [Fact]
    public async Task The_life_of_an_scpo_with_financial_reporting()
    {
        // The court's system creates the order; its retry does not create a second one.
        var request = OrderRequests.Scpo(_subject, _sio, conditions: [OrderRequests.Financial(), OrderRequests.Travel()]);
        request.RequestId = "crown-court-T20267781";
        var order = await _court.CreateOrderAsync(request);
        Assert.Equal(order.Id, (await _court.CreateOrderAsync(request)).Id);
        Assert.Equal(1, await _server.WithDb(db => db.Orders.CountAsync(o => o.PersonId == _subject)));
        Assert.Equal((OrderStatus.MadeNotServed, false), (order.Status, order.Enforceable));
        Assert.Empty(await DueForSio());

        // Served today: now enforceable, and the first report falls due in a month.
        order = await _sioOrders.ServeOrderAsync(new ServeOrderRequest
        {
            Id = order.Id, ServedAt = Timestamp.FromDateTimeOffset(ServerFactory.StartTime), ServedWhere = "Luton police station",
        });
        Assert.Equal((OrderStatus.Active, true), (order.Status, order.Enforceable));
        Assert.Equal(_sio.ToString(), order.ServedByOfficerId);
        var report = Assert.Single(await DueForSio());
        Assert.Equal((CheckKind.FinancialReport, "2026-12-26"), (report.Kind, report.DueOn));
        Assert.Contains("bank statements", report.Description);

        // Too early to record; a month on, recorded, and the next report is due a month after.
        var early = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => _sioCompliance.RecordOutcomeAsync(
            new RecordOutcomeRequest { CheckId = report.Id, Outcome = CheckOutcome.Compliant }).ResponseAsync);
        Assert.Contains("not due yet", early.Status.Detail);
        await _server.AdvanceClockAsync(TimeSpan.FromDays(31));
        var recorded = await _sioCompliance.RecordOutcomeAsync(new RecordOutcomeRequest { CheckId = report.Id, Outcome = CheckOutcome.Compliant, Notes = "Statements received, no concerns" });
        Assert.Equal((CheckStatus.Completed, CheckOutcome.Compliant), (recorded.Closed.Status, recorded.Closed.Outcome));
        Assert.Equal("2027-01-26", recorded.Next.DueOn);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => _sioCompliance.RecordOutcomeAsync(
            new RecordOutcomeRequest { CheckId = report.Id, Outcome = CheckOutcome.Compliant }).ResponseAsync);

        // Varied: reports quarterly, devices added. The monthly check is withdrawn, the new ones planned.
        order = await _sioOrders.GetOrderAsync(new GetOrderRequest { Id = order.Id });
        var financial = order.Conditions.Single(c => c.FinancialReporting is not null);
        var varied = await _court.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, Court = "Luton Crown Court",
            ChangeConditions = { new Condition(OrderRequests.Financial(months: 3)) { Id = financial.Id } },
            AddConditions = { OrderRequests.Devices() },
            Summary = "Application by the defence to reduce reporting",
        });
        Assert.Equal(OrderStatus.Varied, varied.Status);
        Assert.Equal(3, varied.Conditions.Count);
        Assert.Equal(financial.Id, Assert.Single(varied.RemovedConditions).Id);
        Assert.Contains("changed", Assert.Single(varied.Variations).Summary);
        var due = await DueForSio(days: 200);
        Assert.Equal(["2027-03-27 DeviceInspection", "2027-03-27 FinancialReport"],
            due.Select(c => $"{c.DueOn} {c.Kind}").Order(StringComparer.Ordinal));

        // A breach of the travel condition lands as a task for the lead officer.
        var travel = varied.Conditions.Single(c => c.Travel is not null);
        var breach = await _sioCompliance.RecordBreachAsync(new RecordBreachRequest
        {
            PersonId = _subject.ToString(), OrderId = order.Id, ConditionId = travel.Id,
            OccurredAt = Timestamp.FromDateTimeOffset(_server.Clock.GetUtcNow().AddDays(-2)), Source = BreachSource.Report,
            LocationText = "Luton Airport, departing for Alicante", Details = "Border Force alert: travelled without notice",
        });
        Assert.Equal(BreachStatus.Suspected, breach.Status);
        var task = await _server.WithDb(db => db.Tasks.SingleAsync(t => t.BreachId == Guid.Parse(breach.Id)));
        Assert.Equal((TaskKind.SuspectedBreach, _sio), (task.Kind, task.AssignedOfficerId!.Value));

        // Discharged: nothing left to check.
        order = await _sioOrders.GetOrderAsync(new GetOrderRequest { Id = order.Id });
        await _court.DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed on appeal" });
        Assert.Empty(await DueForSio(days: 366));
    }
}
