using OffenderMgmt.Tests.Persistence;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>
/// The server with readiness probed every second, and a publisher that tells the test each
/// time the probes have run (so a test waits for a run, never for a time).
/// </summary>
public class ProbedServerFactory : ServerFactory
{
    public ProbeRuns Runs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Health:ProbePeriod", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<IHealthCheckPublisher>(Runs));
    }

    /// <summary>The database file the server uses.</summary>
    public async Task<string> DatabaseFileAsync() =>
        new SqliteConnectionStringBuilder(await WithDb(db => Task.FromResult(db.Database.GetConnectionString()!))).DataSource;
}

/// <summary>As <see cref="ProbedServerFactory"/>, with nothing warming the geography at start.</summary>
public sealed class ColdServerFactory : ProbedServerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(GeographyWarmUp)).ToList())
                services.Remove(warmUp);
        });
    }
}

/// <summary>Counts runs of the readiness probes; registered after gRPC's publisher, so it hears of a run once gRPC's statuses are set.</summary>
public sealed class ProbeRuns : IHealthCheckPublisher
{
    private readonly Lock _gate = new();
    private readonly List<(int After, TaskCompletionSource Done)> _waiters = [];
    private int _runs;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs++;
            foreach (var waiter in _waiters.Where(w => _runs > w.After).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Completes once the probes have run twice from now (the run under way may have read the old state).</summary>
    public Task NextTwoAsync()
    {
        lock (_gate)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_runs + 1, done));
            return done.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }
}

public sealed class HealthTests(ProbedServerFactory server) : IClassFixture<ProbedServerFactory>
{
    private Health.HealthClient Health => new(server.Channel());

    [Fact]
    public async Task Readiness_is_serving_once_the_views_are_warm_and_the_database_answers()
    {
        await WaitForAsync(Health, HealthRegistration.ReadinessService, ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await Health.CheckAsync(new HealthCheckRequest { Service = HealthRegistration.ReadinessService })).Status);
    }

    [SqliteFact]
    public async Task While_the_database_is_unreachable_readiness_is_not_serving_and_liveness_still_answers_serving()
    {
        await WaitForAsync(Health, HealthRegistration.ReadinessService, ServingStatus.Serving);
        var file = await server.DatabaseFileAsync();
        File.Move(file, file + ".away");
        try
        {
            await WaitForAsync(Health, HealthRegistration.ReadinessService, ServingStatus.NotServing);
            // Liveness runs no check, so it never needs the database it cannot reach.
            for (var i = 0; i < 20; i++)
                Assert.Equal(ServingStatus.Serving, (await Health.CheckAsync(new HealthCheckRequest())).Status);
        }
        finally
        {
            File.Move(file + ".away", file);
        }
        await WaitForAsync(Health, HealthRegistration.ReadinessService, ServingStatus.Serving);
    }

    [Fact]
    public async Task An_unknown_service_name_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Health.CheckAsync(new HealthCheckRequest { Service = "offendermgmt.v2" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    /// <summary>Watches the service until it reports the status (the stream sends each change).</summary>
    internal static async Task WaitForAsync(Health.HealthClient health, string service, ServingStatus wanted)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var watch = health.Watch(new HealthCheckRequest { Service = service }, cancellationToken: guard.Token);
        while (await watch.ResponseStream.MoveNext(guard.Token))
            if (watch.ResponseStream.Current.Status == wanted) return;
        Assert.Fail($"The watch of {service} ended before it reported {wanted}.");
    }
}

public sealed class ColdStartHealthTests(ColdServerFactory server) : IClassFixture<ColdServerFactory>
{
    [Fact]
    public async Task Readiness_is_not_serving_until_the_zone_index_and_briefing_view_are_built_while_liveness_is_serving_throughout()
    {
        var health = new Health.HealthClient(server.Channel());
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        await server.Runs.NextTwoAsync();
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = HealthRegistration.ReadinessService })).Status);

        await server.Services.GetRequiredService<ZoneIndexHolder>().CurrentAsync(CancellationToken.None);
        await server.Runs.NextTwoAsync();
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = HealthRegistration.ReadinessService })).Status);

        await server.Services.GetRequiredService<BriefingFactsView>().CurrentAsync(CancellationToken.None);
        await HealthTests.WaitForAsync(health, HealthRegistration.ReadinessService, ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}

public sealed class HealthOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:00")]
    public void A_probe_period_outside_a_second_to_ten_minutes_is_refused(string period)
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions { ProbePeriod = TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(result.Failed);
        Assert.Contains(nameof(HealthOptions.ProbePeriod), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.True(new HealthOptionsValidator().Validate(null, new HealthOptions()).Succeeded);
}
