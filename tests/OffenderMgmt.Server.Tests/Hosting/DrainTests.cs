using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>
/// Graceful drain (issue 15): when the instance starts to stop (SIGTERM), readiness reports
/// NOT_SERVING and an open alert stream ends with UNAVAILABLE, reason SERVER_DRAINING, so the
/// watcher reconnects to another instance and resumes from its last event id.
/// </summary>
public sealed class DrainTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task On_stopping_readiness_is_not_serving_and_an_alert_stream_is_told_to_reconnect_elsewhere()
    {
        await _server.ImportBedfordshireAsync();
        await _server.CreateAccountAsync("drain.officer", Role.LocalOfficer);
        var alerts = new Alerts.AlertsClient(await _server.As("drain.officer", "briefing"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = alerts.Watch(new WatchRequest { AreaCode = "E05002208" }, cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);

        var health = _server.Services.GetRequiredService<HealthServiceImpl>();
        _server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        await RpcAssert.FailsWith(StatusCode.Unavailable, "SERVER_DRAINING", async () =>
        {
            while (await watch.ResponseStream.MoveNext(timeout.Token)) { }
        });
        var readiness = await health.Check(new HealthCheckRequest { Service = HealthRegistration.ReadinessService }, null!);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, readiness.Status);
    }
}
