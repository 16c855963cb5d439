using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Hosting;

/// <summary>The server is healthy only while it can reach its database.</summary>
public sealed class DatabaseHealthCheck(OffenderMgmtDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
