using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>Live alerts for a beat arrive as they happen, and a watcher that reconnects misses nothing.</summary>
public sealed class AlertStreamTests : IDisposable
{
    private readonly DemoServerFactory _server = new();
    private const string South = "E05002208";
    private static readonly GeoPoint GeorgeStreet = new() { Latitude = 51.8790, Longitude = -0.4170 };

    public void Dispose() => _server.Dispose();

    /// <summary>The person the demo bars from Luton town centre.</summary>
    private async Task<string> Barred()
    {
        var briefing = await new Areas.AreasClient(await _server.Officer("briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = South });
        return briefing.Zones.First(z => z.Zone.Name == "Luton town centre" && z.InForceNow).PersonId;
    }

    private async Task<RecordSightingResponse> SeenInTownCentre(string person, int minutesAgo) =>
        await new Areas.AreasClient(await _server.Officer()).RecordSightingAsync(new RecordSightingRequest
        {
            PersonId = person, Point = GeorgeStreet, At = Timestamp.FromDateTimeOffset(_server.Clock.GetUtcNow().AddMinutes(-minutesAgo)), LocationText = "George Street",
        });

    private static async Task<AlertEvent> NextEvent(IAsyncStreamReader<AlertEvent> stream, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
            if (!stream.Current.Heartbeat) return stream.Current;
        throw new InvalidOperationException("The stream ended.");
    }

    [Fact]
    public async Task A_breach_seen_in_the_beat_reaches_its_watchers_and_a_reconnecting_watcher_gets_what_it_missed()
    {
        var person = await Barred();
        var alerts = new Alerts.AlertsClient(await _server.Officer("briefing"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        long lastSeen;
        using (var watch = alerts.Watch(new WatchRequest { AreaCode = South }, cancellationToken: timeout.Token))
        {
            // The headers say the watch is in place: what happens from now on reaches it.
            await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);
            var waiting = NextEvent(watch.ResponseStream, timeout.Token);
            var recorded = await SeenInTownCentre(person, 30);
            var alert = await waiting;
            Assert.Equal((AlertKind.SuspectedBreach, South, person), (alert.Kind, alert.AreaCode, alert.PersonId));
            Assert.Equal(recorded.BreachIds[0], alert.BreachId);
            Assert.Contains("Luton town centre", alert.Summary);
            lastSeen = alert.Id;
        }

        // While nobody watches, two more breaches.
        var missed = new[] { await SeenInTownCentre(person, 20), await SeenInTownCentre(person, 10) };

        using var resumed = alerts.Watch(new WatchRequest { AreaCode = South, AfterEventId = lastSeen }, cancellationToken: timeout.Token);
        var first = await NextEvent(resumed.ResponseStream, timeout.Token);
        var second = await NextEvent(resumed.ResponseStream, timeout.Token);
        Assert.Equal(missed.Select(m => m.BreachIds[0]), new[] { first.BreachId, second.BreachId });
        Assert.True(first.Id > lastSeen && second.Id > first.Id);
    }

    [Fact]
    public async Task An_officer_watching_their_own_work_hears_of_a_breach_on_one_of_their_orders()
    {
        var person = await Barred();
        var lead = await _server.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Orders.Where(o => o.PersonId == Guid.Parse(person) && o.Type == Server.Orders.OrderType.CriminalBehaviourOrder).Select(o => o.LeadOfficerId!.Value)));
        await _server.CreateAccountAsync("cbo.lead", Server.Security.Role.OffenderManager, lead);
        var alerts = new Alerts.AlertsClient(await _server.As("cbo.lead"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = alerts.Watch(new WatchRequest { OfficerId = lead.ToString() }, cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);
        var waiting = NextEvent(watch.ResponseStream, timeout.Token);
        await SeenInTownCentre(person, 5);
        var alert = await waiting;
        Assert.Equal((AlertKind.SuspectedBreach, lead.ToString()), (alert.Kind, alert.OfficerId));
    }

    [Fact]
    public async Task Serving_an_order_and_a_release_into_the_beat_are_announced_to_its_watchers()
    {
        var person = await _server.CaseOf("demo.manager", skip: 30);
        var home = await _server.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.People.Where(p => p.Id == person).Select(p => p.Address!.AreaCode!)));
        var manager = await _server.OfficerOfAccount("demo.manager");
        var alerts = new Alerts.AlertsClient(await _server.Officer("briefing"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = alerts.Watch(new WatchRequest { AreaCode = home }, cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);

        var served = NextEvent(watch.ResponseStream, timeout.Token);
        var order = await _server.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Travel()), manager);
        var first = await served;
        Assert.Equal((AlertKind.OrderServed, order.Id), (first.Kind, first.OrderId));

        var released = NextEvent(watch.ResponseStream, timeout.Token);
        await new Caseload.CaseloadClient(await _server.As("demo.service")).NotifyReleaseAsync(new NotifyReleaseRequest { PersonId = person.ToString(), ExpectedReleaseDate = "2026-12-10" });
        var second = await released;
        Assert.Equal((AlertKind.ReleaseIntoArea, person.ToString()), (second.Kind, second.PersonId));
    }

    [Fact]
    public async Task A_watch_needs_one_known_area_or_officer()
    {
        var alerts = new Alerts.AlertsClient(await _server.Officer("briefing"));
        await RpcAssert.FailsOnField("area_code", async () => { using var w = alerts.Watch(new WatchRequest()); await w.ResponseStream.MoveNext(); });
        await RpcAssert.Fails(StatusCode.NotFound, async () => { using var w = alerts.Watch(new WatchRequest { AreaCode = "E05999999" }); await w.ResponseStream.MoveNext(); });
    }
}
