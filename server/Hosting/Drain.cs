using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Graceful drain. On SIGTERM (or any stop) the instance reports NOT_SERVING for readiness at
/// once, so a load balancer sends new calls elsewhere; alert streams end with UNAVAILABLE and
/// reason SERVER_DRAINING (reconnect, to another instance, from the last event id); Kestrel
/// then lets in-flight unary calls finish (up to the host's shutdown timeout) before it closes.
/// As a health check, readiness stays unhealthy while draining, so the next publish of the
/// health results cannot report SERVING again.
/// </summary>
public sealed partial class Drain(HealthServiceImpl health, IHostApplicationLifetime lifetime, ILogger<Drain> logger)
    : IHostedLifecycleService, IHealthCheck
{
    /// <summary>Cancelled when the instance starts to stop.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    private int _draining;

    /// <summary>The moment the instance starts to stop (SIGTERM sets the lifetime's stopping token), readiness is NOT_SERVING.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(BeginDraining);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        BeginDraining();
        return Task.CompletedTask;
    }

    private void BeginDraining()
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1) return;
        health.SetStatus(HealthRegistration.ReadinessService, ServingStatus.NotServing);
        LogDraining();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Stopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("draining: the instance is shutting down") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: readiness is NOT_SERVING and alert streams are told to reconnect elsewhere; in-flight calls finish")]
    private partial void LogDraining();
}
