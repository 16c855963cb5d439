using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>
/// Periodic jobs run on one instance at a time (issue 15 item 7): a lease in the database, held
/// until it runs out, renewed by its holder, taken over by another instance when it lapses. A
/// second <see cref="Housekeeping"/> on the same database stands for a second instance, so this
/// runs on both engines.
/// </summary>
public sealed class JobLeaseTests : IDisposable
{
    private readonly QuietServer _server = new();

    public void Dispose() => _server.Dispose();

    private static readonly TimeSpan Length = TimeSpan.FromHours(3);

    [Fact]
    public async Task A_lease_is_held_by_one_holder_until_it_runs_out_and_then_another_takes_it()
    {
        var start = ServerFactory.StartTime;
        await _server.WithDb(async db =>
        {
            Assert.True(await LeaseBook.TryHoldAsync(db, "test-job", "instance-a", start, Length, CancellationToken.None));
            Assert.False(await LeaseBook.TryHoldAsync(db, "test-job", "instance-b", start.AddMinutes(1), Length, CancellationToken.None));
            // The holder renews: the lease now runs to an hour later than it first did.
            Assert.True(await LeaseBook.TryHoldAsync(db, "test-job", "instance-a", start.AddHours(1), Length, CancellationToken.None));
            Assert.False(await LeaseBook.TryHoldAsync(db, "test-job", "instance-b", start + Length + TimeSpan.FromMinutes(1), Length, CancellationToken.None));
            // Not renewed since: once it runs out, B takes it, and A (back from a stall) cannot.
            var lapsed = start.AddHours(1) + Length;
            Assert.True(await LeaseBook.TryHoldAsync(db, "test-job", "instance-b", lapsed, Length, CancellationToken.None));
            Assert.False(await LeaseBook.TryHoldAsync(db, "test-job", "instance-a", lapsed.AddSeconds(1), Length, CancellationToken.None));
            Assert.Equal("instance-b", await db.JobLeases.Where(l => l.Name == "test-job").Select(l => l.Holder).SingleAsync());
        });
    }

    [Fact]
    public async Task Housekeeping_runs_only_on_the_lease_holder_and_another_instance_takes_it_over_when_the_holder_stops_renewing()
    {
        var first = _server.Services.GetRequiredService<Housekeeping>();
        await first.FirstLook;
        Assert.True(first.HoldsLease);
        var second = SecondInstance();

        Assert.False(await second.LookAsync(CancellationToken.None));
        Assert.False(second.HoldsLease);
        // The holder's next look renews and, inside the hour, runs no second round.
        Assert.False(await first.LookAsync(CancellationToken.None));
        Assert.True(first.HoldsLease);

        // The first instance stops renewing (it died): past its lease, the second takes over and runs a round at once.
        _server.Clock.Advance(Length + TimeSpan.FromMinutes(1));
        Assert.True(await second.LookAsync(CancellationToken.None));
        Assert.True(second.HoldsLease);
        Assert.False(await first.LookAsync(CancellationToken.None));
        Assert.False(first.HoldsLease);
    }

    [Fact]
    public async Task An_instance_that_stops_gives_the_lease_up_so_another_takes_it_at_its_next_look()
    {
        var first = _server.Services.GetRequiredService<Housekeeping>();
        await first.FirstLook;
        Assert.True(first.HoldsLease);
        await first.StopAsync(CancellationToken.None);

        Assert.Equal(0, await _server.WithDb(db => db.JobLeases.CountAsync(l => l.Name == Housekeeping.LeaseName)));
        Assert.True(await SecondInstance().LookAsync(CancellationToken.None));
    }

    [Fact]
    public void A_renewal_interval_too_close_to_the_lease_length_is_refused_at_start()
    {
        var verdict = new JobOptionsValidator().Validate(null, new JobOptions { LeaseLength = TimeSpan.FromMinutes(1), RenewEvery = TimeSpan.FromSeconds(30) });
        Assert.True(verdict.Failed);
        Assert.Contains("Jobs:RenewEvery", verdict.FailureMessage);
        Assert.True(new JobOptionsValidator().Validate(null, new JobOptions()).Succeeded);
    }

    /// <summary>A second instance's housekeeping: same database and clock, its own identity.</summary>
    private Housekeeping SecondInstance()
    {
        var services = _server.Services;
        return new Housekeeping(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<WriteGate>(),
            services.GetRequiredService<ForceClock>(), new InstanceIdentity("second-instance"), services.GetRequiredService<IOptions<JobOptions>>(),
            services.GetRequiredService<RateLimits>(), services.GetRequiredService<ILogger<Housekeeping>>());
    }

    /// <summary>
    /// Looks at the lease once at start, then not for an hour of real time, so only the test
    /// moves it on; the lease lasts three hours of the (fake) force clock.
    /// </summary>
    private sealed class QuietServer : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:LeaseLength", Length.ToString());
            builder.UseSetting("Jobs:RenewEvery", "01:00:00");
        }
    }
}
