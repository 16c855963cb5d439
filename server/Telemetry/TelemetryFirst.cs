using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// Builds the tracer and meter providers in the host's "starting" phase, before any other
/// service starts. OpenTelemetry's own hosted service builds them only in StartAsync, which runs
/// after every lifecycle service's StartingAsync, so the database initialiser's migrations,
/// seeding and first catch-up ran on pooled contexts while nothing listened. EF Core then caches
/// "nobody listens" on each such context for its logging cache time (a second by default) and
/// skips its diagnostic events, so a call that leased one of those contexts straight after
/// start had no database spans beneath it: the likely cause, not watched happening, of the CI
/// failures of <c>TelemetryTests.A_call_is_traced_as_a_server_span_with_its_database_commands_beneath_it</c>
/// (docs/DESIGN.md section 11).
/// Registered first (<see cref="Hosting.TelemetryRegistration"/>); with no pipeline configured it
/// is not registered at all.
/// </summary>
public sealed class TelemetryFirst(IServiceProvider services) : IHostedLifecycleService
{
    /// <summary>True once the providers were built here (for the test that checks the order).</summary>
    public bool Started { get; private set; }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Resolving builds each provider, which subscribes its instrumentation and listeners.
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        Started = true;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
