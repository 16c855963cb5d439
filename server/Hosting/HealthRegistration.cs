using Microsoft.EntityFrameworkCore;
using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Persistence;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// grpc.health.v1 liveness and readiness. The empty service name is liveness: the process
/// answers, so SERVING, with no check behind it. "offendermgmt.v1" is readiness: SERVING only
/// while the database answers and once the zone index and briefing view are warm. Probes are
/// answered from the results the health check publisher last published (every
/// <see cref="HealthOptions.ProbePeriod"/>), never by running a check per call.
/// </summary>
public static class HealthRegistration
{
    /// <summary>The readiness service name a load balancer or orchestrator asks for.</summary>
    public const string ReadinessService = "offendermgmt.v1";

    /// <summary>The tag of the checks readiness needs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the one check liveness has: answering at all.</summary>
    public const string LiveTag = "live";

    public static IServiceCollection AddOffenderMgmtHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection("Health")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<HealthOptions>>((publisher, health) =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = health.Value.ProbePeriod;
            publisher.Timeout = health.Value.ProbeTimeout;
        });

        // Until the publisher's first run: alive, not yet ready (registered before
        // AddGrpcHealthChecks, which keeps an existing HealthServiceImpl).
        services.AddSingleton(_ =>
        {
            var statuses = new HealthServiceImpl();
            statuses.SetStatus("", ServingStatus.Serving);
            statuses.SetStatus(ReadinessService, ServingStatus.NotServing);
            return statuses;
        });
        services.AddGrpcHealthChecks(options =>
            {
                options.UseHealthChecksCache = true;
                options.Services.Map("", check => check.Tags.Contains(LiveTag));
                options.Services.Map(ReadinessService, check => check.Tags.Contains(ReadyTag));
            })
            // A real round trip: CanConnect alone, on SQLite, only looks for the file.
            .AddDbContextCheck<OffenderMgmtDb>("database", HealthStatus.Unhealthy, [ReadyTag], async (db, cancellationToken) =>
                await db.Database.CanConnectAsync(cancellationToken) &&
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(cancellationToken) == 1)
            .AddCheck<GeographyHealthCheck>("geography", HealthStatus.Unhealthy, [ReadyTag])
            // Not ready once stopping (Drain): new calls go to another instance.
            .AddCheck<Drain>("draining", HealthStatus.Unhealthy, [ReadyTag])
            // Liveness: the process runs its checks at all. (No check would answer UNKNOWN.)
            .AddCheck("process", () => HealthCheckResult.Healthy(), [LiveTag]);
        return services;
    }
}
