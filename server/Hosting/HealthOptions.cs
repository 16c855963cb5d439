using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Hosting;

/// <summary>How readiness is probed in the background (section "Health").</summary>
public sealed class HealthOptions
{
    /// <summary>How often the readiness checks (database, warm views) run; a probe answers from the last run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one run of the readiness checks may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

[OptionsValidator]
public sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
