using Microsoft.Extensions.Diagnostics.HealthChecks;
using OffenderMgmt.Server.Geography;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Ready once the zone index and the briefing view have been built (GeographyWarmUp builds
/// them in the background at start; at national scale that takes seconds). Reads two flags:
/// no database, no build.
/// </summary>
public sealed class GeographyHealthCheck(ZoneIndexHolder zones, BriefingFactsView briefingFacts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult((zones.IsBuilt, briefingFacts.IsBuilt) switch
        {
            (true, true) => HealthCheckResult.Healthy(),
            (false, _) => HealthCheckResult.Unhealthy("The zone index is still being built."),
            _ => HealthCheckResult.Unhealthy("The briefing view is still being built."),
        });
}
