using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// OpenTelemetry: the server's own meter (calls by RPC and status, view reloads and staleness,
/// and the audit writer's instruments on the same meter name), ASP.NET Core's and Kestrel's;
/// traces of every call (ASP.NET Core with its gRPC attributes, EF Core commands). Exported over
/// OTLP when Telemetry:OtlpEndpoint is set; metrics also on a Prometheus endpoint of their own
/// port when Telemetry:PrometheusPort is. With neither, no pipeline is built and the
/// instruments cost next to nothing (nothing listens).
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddOffenderMgmtTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<RpcMetrics>();
        services.AddSingleton<ViewMetrics>();

        // Which exporters to build is decided now, so the settings are checked now too: the
        // Prometheus listener starts as the meter provider is built, before ValidateOnStart runs.
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var validation = new TelemetryOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryOptions), validation.Failures);
        if (!options.MetricsEnabled && !options.TracingEnabled) return services;

        // Before every other hosted service's start, the database initialiser's included.
        services.AddSingleton<TelemetryFirst>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryFirst>());
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(options.ServiceName));
        if (options.MetricsEnabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meter).AddAspNetCoreInstrumentation();
                if (options.OtlpEndpoint is { } otlp) metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                if (options.PrometheusPort is { } port)
                    metrics.AddPrometheusHttpListener(prometheus =>
                    {
                        prometheus.Host = options.PrometheusHost;
                        prometheus.Port = port;
                    });
            });
        }
        if (options.TracingEnabled)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddSource(TelemetryNames.Meter)
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = options.OtlpEndpoint!));
        }
        return services;
    }

    /// <summary>Times every gRPC call and reads its final status (outside every interceptor).</summary>
    public static IApplicationBuilder UseOffenderMgmtTelemetry(this IApplicationBuilder app) => app.UseMiddleware<RpcMetricsMiddleware>();
}
