using System.Diagnostics;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Persistence.Changes;
using OffenderMgmt.Server.Telemetry;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;
using Xunit.Abstractions;

namespace OffenderMgmt.Tests.MultiInstance;

/// <summary>The three demo instances, made only on a PostgreSQL run (on SQLite the tests are skipped).</summary>
public sealed class ViewsFixture : IDisposable
{
    public ThreeInstances? Instances { get; } = TestDatabase.IsPostgres ? new ThreeInstances() : null;

    public void Dispose() => Instances?.Dispose();
}

/// <summary>
/// Issue 15 items 3, 4 and 8: what one instance answers after a change committed through
/// another. C never hears a notification (its listener is off), so what it answers rests on
/// catching up with the change log before answering; B is woken as deployed.
/// </summary>
public sealed class ViewsAcrossInstancesTests(ViewsFixture fixture, ITestOutputHelper output) : IClassFixture<ViewsFixture>
{
    private ThreeInstances Instances => fixture.Instances!;
    private ServerFactory A => Instances.A;

    private static string Ward(string name) => Bedfordshire.Ward(name).Code;

    private static async Task<Briefing> BriefingOn(ServerFactory instance, string ward) =>
        await new Areas.AreasClient(await instance.Officer("briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = Ward(ward) });

    private static async Task<AlertEvent> NextEvent(IAsyncStreamReader<AlertEvent> stream, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
            if (!stream.Current.Heartbeat) return stream.Current;
        throw new InvalidOperationException("The stream ended.");
    }

    /// <summary>A new person living in the ward, managed by demo.manager (so briefed).</summary>
    private async Task<string> NewManagedResident(string family, string ward)
    {
        var (lat, lon) = Bedfordshire.Inside(ward);
        var person = await new People.PeopleClient(await A.As("demo.service")).CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { GivenName = "Test", FamilyName = family },
                Address = new Address { Line1 = "5 High Street", Town = "Luton", Postcode = "LU4 9JY", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
            },
        });
        await new Caseload.CaseloadClient(await A.As("demo.manager")).EnrolAsync(EnrolRequests.Rso(person.Id, await A.OfficerOfAccount("demo.manager")));
        return person.Id;
    }

    private async Task MoveThroughA(string person, string ward)
    {
        var people = new People.PeopleClient(await A.As("demo.manager"));
        var current = await people.GetPersonAsync(new GetPersonRequest { Id = person });
        var (lat, lon) = Bedfordshire.Inside(ward);
        var address = current.Address.Clone();
        address.Location = new GeoPoint { Latitude = lat, Longitude = lon };
        await people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = person, ExpectedVersion = current.Version, Person = new PersonInput { Address = address }, UpdateMask = new FieldMask { Paths = { "address" } },
        });
    }

    [PostgresFact]
    public async Task A_person_moved_through_A_is_briefed_in_the_new_beat_by_every_instance_in_its_next_answer()
    {
        var person = await NewManagedResident("Moverone", "Leagrave");
        foreach (var instance in Instances.All) Assert.Contains((await BriefingOn(instance, "Leagrave")).Residents, r => r.PersonId == person);

        // Back and forth: each answer on B and C, asked at once after the move is answered, is current.
        string[] wards = ["Barnfield", "Leagrave", "Barnfield", "Leagrave", "Barnfield"];
        var from = "Leagrave";
        foreach (var to in wards)
        {
            await MoveThroughA(person, to);
            foreach (var instance in new[] { Instances.C, Instances.B })
            {
                Assert.Contains((await BriefingOn(instance, to)).Residents, r => r.PersonId == person);
                Assert.DoesNotContain((await BriefingOn(instance, from)).Residents, r => r.PersonId == person);
            }
            from = to;
        }
    }

    [PostgresFact]
    public async Task A_mark_or_vehicle_added_or_retired_through_A_is_in_the_next_briefing_on_every_instance()
    {
        // Issue 13: marks and vehicles are kept in each instance's briefing view and each beat's briefing is kept per view version.
        var person = await NewManagedResident("Marked", "Leagrave");
        async Task<List<string>> Shown(ServerFactory instance) =>
            (await BriefingOn(instance, "Leagrave")).Residents.Single(r => r.PersonId == person).Identification.Select(i => i.Display).ToList();
        foreach (var instance in Instances.All)
        {
            Assert.Empty(await Shown(instance));
            Assert.Empty(await Shown(instance));  // the second from what the instance kept
        }

        var people = new People.PeopleClient(await A.As("demo.manager"));
        await people.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person, Mark = new Mark { Type = MarkType.Tattoo, BodyLocation = "neck", Description = "star" } });
        var vehicle = await people.AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person, Vehicle = new Vehicle { Registration = "WX66 VWS", Make = "Ford", Model = "Fiesta", Colour = "blue", Link = VehicleLink.Owner },
        });
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal(["Tattoo, neck: star", "WX66 VWS blue Ford Fiesta (owner)"], await Shown(instance));

        await people.UpdateIdentifierAsync(new UpdateIdentifierRequest { Id = vehicle.Id, ExpectedVersion = vehicle.Version, Retire = true });
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal(["Tattoo, neck: star"], await Shown(instance));
    }

    [PostgresFact]
    public async Task An_order_discharged_through_A_is_gone_from_ZonesAt_and_CheckSighting_on_the_other_instances_at_once()
    {
        var person = await A.CaseOf("demo.manager", skip: 40);
        var manager = await A.OfficerOfAccount("demo.manager");
        var park = (Lat: 51.8925, Lon: -0.4450);
        var order = await A.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(park.Lat, park.Lon, 150, "Views test park")), manager);
        var point = new ZonesAtRequest { Point = new GeoPoint { Latitude = park.Lat, Longitude = park.Lon } };
        var sighting = new CheckSightingRequest { PersonId = person.ToString(), Point = point.Point };
        foreach (var instance in new[] { Instances.C, Instances.B })
        {
            var areas = new Areas.AreasClient(await instance.Officer());
            Assert.Contains((await areas.ZonesAtAsync(point)).Zones, z => z.OrderId == order.Id);
            Assert.Equal(Verdict.Breach, (await areas.CheckSightingAsync(sighting)).Verdict);
        }

        await new Orders.OrdersClient(await A.As("demo.service")).DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed on appeal" });
        foreach (var instance in new[] { Instances.C, Instances.B })
        {
            var areas = new Areas.AreasClient(await instance.Officer());
            Assert.DoesNotContain((await areas.ZonesAtAsync(point)).Zones, z => z.OrderId == order.Id);
            Assert.NotEqual(Verdict.Breach, (await areas.CheckSightingAsync(sighting)).Verdict);
        }
    }

    [PostgresFact]
    public async Task A_condition_added_through_A_is_in_the_next_verdict_on_the_other_instances()
    {
        // Issue 13: CheckSighting judges on the briefing view's orders, so it must follow every instance's commits.
        var person = await A.CaseOf("demo.manager", skip: 42);
        var manager = await A.OfficerOfAccount("demo.manager");
        var spot = new GeoPoint { Latitude = 51.8990, Longitude = -0.4330 };
        var order = await A.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Travel()), manager);
        var sighting = new CheckSightingRequest { PersonId = person.ToString(), Point = spot };
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal(Verdict.NoBreach, (await new Areas.AreasClient(await instance.Officer()).CheckSightingAsync(sighting)).Verdict);

        var orders = new Orders.OrdersClient(await A.As("demo.service"));
        order = await orders.VaryOrderAsync(new VaryOrderRequest
        {
            Id = order.Id, ExpectedVersion = order.Version, AddConditions = { OrderRequests.Circle(spot.Latitude, spot.Longitude, 150, "Views test zone") },
        });
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal(Verdict.Breach, (await new Areas.AreasClient(await instance.Officer()).CheckSightingAsync(sighting)).Verdict);

        var zone = order.Conditions.Single(c => c.KindCase == Condition.KindOneofCase.ExclusionZone);
        await orders.VaryOrderAsync(new VaryOrderRequest { Id = order.Id, ExpectedVersion = order.Version, RemoveConditionIds = { zone.Id } });
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal(Verdict.NoBreach, (await new Areas.AreasClient(await instance.Officer()).CheckSightingAsync(sighting)).Verdict);
    }

    [PostgresFact]
    public async Task A_resident_added_or_moved_through_A_is_counted_by_GetArea_on_every_instance_in_its_next_answer()
    {
        // Issue 13: GetArea counts residents from memory, so it must follow every instance's commits.
        async Task<int> Count(ServerFactory instance, string ward) =>
            (await new Areas.AreasClient(await instance.Officer("briefing")).GetAreaAsync(new GetAreaRequest { Code = Ward(ward) })).ResidentCount;
        async Task<int> Stored(string ward)
        {
            var code = Ward(ward);
            return await A.WithDb(db => db.People.CountAsync(p => p.Address != null && p.Address.AreaCode == code));
        }
        var before = (Leagrave: await Count(Instances.C, "Leagrave"), Barnfield: await Count(Instances.C, "Barnfield"));
        await Count(Instances.B, "Leagrave");

        var person = await NewManagedResident("Counted", "Leagrave");
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal((before.Leagrave + 1, before.Barnfield), (await Count(instance, "Leagrave"), await Count(instance, "Barnfield")));

        await MoveThroughA(person, "Barnfield");
        foreach (var instance in new[] { Instances.C, Instances.B })
            Assert.Equal((before.Leagrave, before.Barnfield + 1), (await Count(instance, "Leagrave"), await Count(instance, "Barnfield")));
        Assert.Equal((before.Leagrave, before.Barnfield + 1), (await Stored("Leagrave"), await Stored("Barnfield")));
    }

    [PostgresFact]
    public async Task An_alert_raised_through_A_reaches_a_watcher_on_B_without_waiting_for_the_heartbeat()
    {
        var person = await A.CaseOf("demo.manager", skip: 41);
        var home = await A.WithDb(db => db.People.Where(p => p.Id == person).Select(p => p.Address!.AreaCode!).SingleAsync());
        var manager = await A.OfficerOfAccount("demo.manager");
        // Less than the 15 s heartbeat: an alert that came only with the heartbeat fails the test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(12));
        using var watch = new Alerts.AlertsClient(await Instances.B.Officer("briefing")).Watch(new WatchRequest { AreaCode = home }, cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);

        var next = NextEvent(watch.ResponseStream, timeout.Token);
        var order = await A.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Travel()), manager);
        var answered = Stopwatch.GetTimestamp();
        var alert = await next;
        output.WriteLine($"alert on B {Stopwatch.GetElapsedTime(answered).TotalMilliseconds:0} ms after A answered");
        Assert.Equal((AlertKind.OrderServed, order.Id), (alert.Kind, alert.OrderId));
    }

    [PostgresFact]
    public async Task Alerts_committed_out_of_id_order_all_reach_the_watcher_and_a_watcher_resumes_from_an_id_on_another_instance()
    {
        var area = Ward("Icknield");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = new Alerts.AlertsClient(await Instances.B.Officer("briefing")).Watch(new WatchRequest { AreaCode = area }, cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);

        // Two writers on A: the first takes its alert's id, the second takes the next id and commits first.
        // A's own commit hook, without the retrying strategy (it refuses transactions opened outside it).
        var options = new DbContextOptionsBuilder<OffenderMgmtDb>()
            .UseNpgsql(Instances.Database.ConnectionString)
            .AddInterceptors(A.Services.GetRequiredService<CommitSignals>()).Options;
        await using var first = new OffenderMgmtDb(options);
        await using var second = new OffenderMgmtDb(options);
        await using var firstTransaction = await first.Database.BeginTransactionAsync(timeout.Token);
        await using var secondTransaction = await second.Database.BeginTransactionAsync(timeout.Token);
        var early = Alert(area, "numbered first, committed second");
        first.AlertEvents.Add(early);
        await first.SaveChangesAsync(timeout.Token);
        var late = Alert(area, "numbered second, committed first");
        second.AlertEvents.Add(late);
        await second.SaveChangesAsync(timeout.Token);
        Assert.True(late.Id > early.Id);

        await secondTransaction.CommitAsync(timeout.Token);
        Assert.Equal(late.Id, (await NextEvent(watch.ResponseStream, timeout.Token)).Id);
        await firstTransaction.CommitAsync(timeout.Token);
        Assert.Equal(early.Id, (await NextEvent(watch.ResponseStream, timeout.Token)).Id);

        // A watcher that saw only the later-numbered one, resuming on C, gets the one committed after it.
        using var resumed = new Alerts.AlertsClient(await Instances.C.Officer("briefing")).Watch(new WatchRequest { AreaCode = area, AfterEventId = late.Id }, cancellationToken: timeout.Token);
        Assert.Equal(early.Id, (await NextEvent(resumed.ResponseStream, timeout.Token)).Id);
    }

    private Server.Alerts.AlertEvent Alert(string area, string summary) => new()
    {
        At = A.Clock.GetUtcNow(), Kind = Server.Alerts.AlertKind.SuspectedBreach, AreaCode = area, Summary = summary,
    };

    /// <summary>
    /// Issue 15 item 3: "A lost listener connection marks the views stale and they
    /// resynchronise." B's LISTEN connection is ended by the database (as a failover or a
    /// network cut would) and kept down (its retry waits on B's clock, which only this test
    /// moves) while a move is committed through A. Fails without the stale mark (IsStale and the
    /// staleness gauge), without the reconnection, and without the notification handler (the
    /// last alert must come before the 15 s heartbeat could bring it).
    /// </summary>
    [PostgresFact]
    public async Task A_lost_listener_connection_marks_the_views_stale_they_answer_current_meanwhile_and_notifications_flow_once_it_is_back()
    {
        var b = Instances.B;
        var listener = b.Services.GetRequiredService<ChangeListener>();
        var feed = b.Services.GetRequiredService<ChangeFeed>();
        var metrics = b.Services.GetRequiredService<ViewMetrics>();
        await listener.Listening;
        var person = await NewManagedResident("Listenerloss", "Leagrave");
        Assert.Contains((await BriefingOn(b, "Leagrave")).Residents, r => r.PersonId == person);
        Assert.True(listener.IsConnected);
        Assert.Equal(0, metrics.Track(ViewMetrics.BriefingFacts).Seconds);

        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = listener.Connections;
        listener.Lost += () => lost.TrySetResult();
        listener.Connected += () => { if (listener.Connections > connections) back.TrySetResult(); };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // B's listening backend, found in pg_stat_activity by its application name, is ended.
        var backend = listener.BackendProcessId;
        var ended = await A.WithDb(db => db.Database.SqlQuery<bool>(
            $"SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE application_name = {ChangeListener.ApplicationName} AND pid = {backend}").ToListAsync());
        Assert.Equal([true], ended);
        await lost.Task.WaitAsync(timeout.Token);

        // Down: the views are marked stale, and the staleness shows on the gauges.
        Assert.False(listener.IsConnected);
        Assert.True(feed.IsStale);
        Assert.True(metrics.Track(ViewMetrics.BriefingFacts).Seconds > 0);
        Assert.True(metrics.Track(ViewMetrics.ZoneIndex).Seconds > 0);

        // A change committed through A while B hears nothing: B's next answer is current all the same.
        await MoveThroughA(person, "Barnfield");
        Assert.False(listener.IsConnected);
        Assert.Contains((await BriefingOn(b, "Barnfield")).Residents, r => r.PersonId == person);
        Assert.DoesNotContain((await BriefingOn(b, "Leagrave")).Residents, r => r.PersonId == person);
        Assert.False(feed.IsStale);
        Assert.Equal(0, metrics.Track(ViewMetrics.BriefingFacts).Seconds);

        // B's retry is due: it listens again, and an alert raised through A wakes a watcher on B
        // at once (within 10 s: the heartbeat, 15 s, cannot be what brings it).
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        await back.Task.WaitAsync(timeout.Token);
        Assert.True(listener.IsConnected);
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var watch = new Alerts.AlertsClient(await b.Officer("briefing")).Watch(new WatchRequest { AreaCode = Ward("Barnfield") }, cancellationToken: soon.Token);
        await watch.ResponseHeadersAsync.WaitAsync(soon.Token);
        var next = NextEvent(watch.ResponseStream, soon.Token);
        var manager = await A.OfficerOfAccount("demo.manager");
        var order = await A.ServedAsync(OrderRequests.Shpo(Guid.Parse(person), manager, OrderRequests.Travel()), manager);
        Assert.Equal(order.Id, (await next).OrderId);
    }

    [PostgresFact]
    public async Task Areas_re_imported_through_one_instance_are_used_by_every_running_instance_without_a_restart()
    {
        var renamed = Path.Combine(Path.GetTempPath(), $"wards-{Guid.NewGuid():N}.geojson");
        var wards = JsonNode.Parse(await File.ReadAllTextAsync(DemoSeeder.BoundaryFile))!;
        foreach (var feature in wards["features"]!.AsArray())
            if ((string?)feature!["properties"]!["ward_name"] == "Leagrave") feature["properties"]!["ward_name"] = "Leagrave North";
        await File.WriteAllTextAsync(renamed, wards.ToJsonString());
        try
        {
            await Import(renamed);
            var (lat, lon) = Bedfordshire.Inside("Leagrave");
            foreach (var instance in new[] { Instances.C, Instances.B })
            {
                // A write on each classifies a new address with the new areas, and says so.
                var created = await new People.PeopleClient(await instance.As("demo.service")).CreatePersonAsync(new CreatePersonRequest
                {
                    Person = new PersonInput
                    {
                        Name = new PersonName { GivenName = "Test", FamilyName = "Reimported" },
                        Address = new Address { Line1 = "1 High Street", Town = "Luton", Postcode = "LU4 9JY", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
                    },
                });
                Assert.Equal("Leagrave North", created.Address.AreaName);
                Assert.Equal("Leagrave North", (await BriefingOn(instance, "Leagrave")).Area.Name);
            }
        }
        finally
        {
            await Import(DemoSeeder.BoundaryFile);
            File.Delete(renamed);
        }
    }

    /// <summary>The admin command's path (import-areas), in A's process.</summary>
    private async Task Import(string file)
    {
        await using var scope = A.Services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        await scope.ServiceProvider.GetRequiredService<AreaImporter>().ImportAsync(stream, new AreaPropertyNames(), CancellationToken.None);
    }
}
