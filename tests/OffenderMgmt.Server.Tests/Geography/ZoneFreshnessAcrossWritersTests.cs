using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence.Changes;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>The two hosts, made once for the class.</summary>
public sealed class UnwokenInstanceFixture : IDisposable
{
    public UnwokenInstance Instances { get; } = new();

    public void Dispose() => Instances.Dispose();
}

/// <summary>
/// A zone served through another writer of the database is in this instance's very next
/// answer, on SQLite too, where nothing tells this instance of the commit: its answer rests on
/// the catch-up with the change log it makes before answering (<see cref="ChangeFeed"/>), not on
/// a wake-up. Each test checks first that this instance's feed has not reached the commit, so it
/// cannot pass by a background catch-up (on SQLite only this instance's own commits ask for one,
/// and it makes none between the commit and the call).
/// </summary>
public sealed class ZoneFreshnessAcrossWritersTests(UnwokenInstanceFixture fixture) : IClassFixture<UnwokenInstanceFixture>
{
    private ServerFactory A => fixture.Instances.A;
    private ServerFactory B => fixture.Instances.B;

    /// <summary>
    /// Waits until neither host has start-up work left that could commit, or catch A up, while a
    /// test runs: A's zone index and briefing view built (the warm-up finished), and both hosts'
    /// first housekeeping round done.
    /// </summary>
    private async Task Settled()
    {
        foreach (var host in new[] { A, B }) await host.Services.GetRequiredService<Housekeeping>().FirstLook;
        await A.Services.GetServices<IHostedService>().OfType<GeographyWarmUp>().Single().ExecuteTask!;
    }

    /// <summary>Serves an order with a circular zone at the point, through B; returns the order and the change log's position after it.</summary>
    private async Task<(Order Order, long Position)> ServedThroughB(int skip, GeoPoint at, string zone)
    {
        var person = await B.CaseOf("demo.manager", skip: skip);
        var manager = await B.OfficerOfAccount("demo.manager");
        var order = await B.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(at.Latitude, at.Longitude, 200, zone)), manager);
        return (order, await B.WithDb(db => db.Set<ChangeLogEntry>().MaxAsync(e => e.Position)));
    }

    /// <summary>
    /// What the call's own catch-up is for: ZonesAt catches up once for the briefing view and the
    /// zone index (<see cref="BriefingFactsView.CurrentAsync"/>, then the index as of that catch-up).
    /// Fails without that catch-up.
    /// </summary>
    [Fact]
    public async Task A_zone_served_through_another_writer_is_in_the_next_ZonesAt_answer_with_nothing_to_wake_this_instance()
    {
        var spot = new GeoPoint { Latitude = 51.8960, Longitude = -0.4150 };
        var areas = new Areas.AreasClient(await A.Officer());
        await Settled();
        Assert.Empty((await areas.ZonesAtAsync(new ZonesAtRequest { Point = spot })).Zones);  // signed in on A, the index built

        var (order, position) = await ServedThroughB(skip: 24, spot, "Unwoken test zone");
        Assert.True(A.Services.GetRequiredService<ChangeFeed>().AppliedPosition < position, "nothing has caught A up with the commit yet");

        Assert.Contains((await areas.ZonesAtAsync(new ZonesAtRequest { Point = spot })).Zones, z => z.OrderId == order.Id);
    }

    /// <summary>
    /// <see cref="ZoneIndexHolder.CurrentAsync"/> (the warm-up's way in, and any reader's that
    /// has not caught up in the same call) catches up itself before answering. Fails without
    /// that catch-up: the index A built before the commit would be answered as current.
    /// </summary>
    [Fact]
    public async Task The_zone_index_asked_for_after_a_commit_through_another_writer_has_the_zone_with_nothing_to_wake_this_instance()
    {
        var spot = new GeoPoint { Latitude = 51.8850, Longitude = -0.4250 };
        var zones = A.Services.GetRequiredService<ZoneIndexHolder>();
        await Settled();
        Assert.DoesNotContain((await zones.CurrentAsync(CancellationToken.None)).Zones, z => z.ZoneName == "Unwoken index zone");

        var (order, position) = await ServedThroughB(skip: 25, spot, "Unwoken index zone");
        Assert.True(A.Services.GetRequiredService<ChangeFeed>().AppliedPosition < position, "nothing has caught A up with the commit yet");

        Assert.Contains((await zones.CurrentAsync(CancellationToken.None)).Zones, z => z.OrderId == Guid.Parse(order.Id) && z.ZoneName == "Unwoken index zone");
    }
}
