using System.Collections.Concurrent;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>The live alert stream: delivery, and resuming from the last event after a reconnect.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class AlertWatchTests(DemoServerFactory server)
{
    private sealed class Received
    {
        public ConcurrentQueue<AlertEntry> Alerts { get; } = new();
        public async Task<AlertEntry> ForAsync(string personId, long after)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (Alerts.FirstOrDefault(a => a.PersonId == personId && a.Id > after) is { } alert) return alert;
                await Task.Delay(50);
            }
            throw new TimeoutException($"No alert arrived for the person; got {Alerts.Count} others.");
        }
    }

    /// <summary>Records a sighting inside a zone the person is barred from; returns where it was filed.</summary>
    private static async Task<string> RecordBreachingSightingAsync(TestClient client, BriefingZone zone, string note)
    {
        var recorded = await client.Gateways.Areas.RecordSightingAsync(
            new SightingReport(zone.PersonId, zone.Shape.Centre!.Value, "by the park gates", null, note),
            null, new WriteIntent().IdFor(note), CancellationToken.None);
        Assert.Equal(Verdict.Breach, recorded.Verdict.Verdict);
        Assert.NotEmpty(recorded.BreachIds);
        var areas = await client.Gateways.Areas.ListAsync(recorded.Verdict.AreaName!, CancellationToken.None);
        return areas.First(a => a.Name == recorded.Verdict.AreaName).Code;
    }

    [Fact]
    public async Task A_watch_started_again_from_the_last_event_gets_what_happened_since_and_nothing_twice()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var briefing = await client.Gateways.Areas.BriefingAsync(BeatFacts.HighTown, CancellationToken.None);
        // A breach is announced in the beat where it happened: the zone's centre is in High Town.
        var zone = briefing.Zones.First(z => z.InForceNow && !z.PersonLivesHere && z.Shape.IsCircle);

        // Watching from now, the officer hears of a breach recorded while the watch is live.
        var received = new Received();
        var live = new TaskCompletionSource();
        using var firstRun = new CancellationTokenSource();
        var watch = client.Gateways.Alerts.Watch(AlertFilter.ForArea(BeatFacts.HighTown), Purpose.Briefing);
        var running = watch.RunAsync(received.Alerts.Enqueue, s => { if (s.State == AlertWatchState.Live) live.TrySetResult(); }, firstRun.Token);
        await live.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(BeatFacts.HighTown, await RecordBreachingSightingAsync(client, zone, "Seen walking through the park."));
        var alert = await received.ForAsync(zone.PersonId, after: 0);
        Assert.True(alert.IsBreach);
        Assert.Equal("Suspected breach", alert.Kind);
        await firstRun.CancelAsync();
        await running;
        var resumeFrom = watch.LastEventId;
        Assert.True(resumeFrom >= alert.Id);

        // Meanwhile (disconnected), another breach; the resumed watch gets it, and not the first again.
        await RecordBreachingSightingAsync(client, zone, "Seen again by the park gates an hour later.");
        var resumed = new Received();
        using var secondRun = new CancellationTokenSource();
        var again = client.Gateways.Alerts.Watch(AlertFilter.ForArea(BeatFacts.HighTown), Purpose.Briefing, resumeFrom);
        var runningAgain = again.RunAsync(resumed.Alerts.Enqueue, _ => { }, secondRun.Token);
        var next = await resumed.ForAsync(zone.PersonId, after: resumeFrom);
        Assert.True(next.Id > resumeFrom);
        Assert.DoesNotContain(resumed.Alerts, a => a.Id <= resumeFrom);
        await secondRun.CancelAsync();
        await runningAgain;
    }

    [Fact]
    public async Task A_watch_the_role_may_not_make_stops_with_the_reason_rather_than_retrying()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.analyst");
        var statuses = new ConcurrentQueue<AlertWatchStatus>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await client.Gateways.Alerts.Watch(AlertFilter.ForArea(BeatFacts.HighTown), Purpose.Briefing).RunAsync(_ => { }, statuses.Enqueue, cancel.Token);

        Assert.False(cancel.IsCancellationRequested);
        var last = statuses.Last();
        Assert.Equal(AlertWatchState.Stopped, last.State);
        Assert.Contains("may not", last.Message, StringComparison.Ordinal);
    }
}
