using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>Where metrics and traces go (section "Telemetry"). Nothing is exported unless configured.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>An OpenTelemetry collector (OTLP over gRPC, e.g. http://localhost:4317): metrics and traces go there.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>A port for a Prometheus scrape endpoint (/metrics, HTTP/1.1), apart from the gRPC port. None by default.</summary>
    [Range(1, 65535)]
    public int? PrometheusPort { get; set; }

    /// <summary>The host name the Prometheus endpoint answers on: localhost by default; "+" for every interface.</summary>
    [Required]
    public string PrometheusHost { get; set; } = "localhost";

    /// <summary>The share of calls traced when there is no parent trace (1: every call).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>service.name on everything exported.</summary>
    [Required]
    public string ServiceName { get; set; } = "offendermgmt-server";

    public bool MetricsEnabled => OtlpEndpoint is not null || PrometheusPort is not null;

    public bool TracingEnabled => OtlpEndpoint is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is not null && !(OtlpEndpoint.IsAbsoluteUri && OtlpEndpoint.Scheme is "http" or "https"))
            yield return new ValidationResult("OtlpEndpoint must be an absolute http:// or https:// address.", [nameof(OtlpEndpoint)]);
        if (PrometheusHost.Any(c => c is '/' or ':' || char.IsWhiteSpace(c)))
            yield return new ValidationResult("PrometheusHost must be a host name alone (no scheme, port or path).", [nameof(PrometheusHost)]);
    }
}

[OptionsValidator]
public sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
