using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// Calls by RPC and gRPC status, with their duration: one histogram (its count is the calls),
/// named and labelled as OpenTelemetry's RPC conventions name them.
/// </summary>
public sealed class RpcMetrics
{
    private readonly Histogram<double> _duration;

    public RpcMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _duration = meter.CreateHistogram("rpc.server.call.duration", "s",
            "Time from the call's arrival to its status, by RPC and gRPC status code",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
    }

    /// <summary>Whether anything listens to the call histogram (an exporter, a test's listener).</summary>
    public bool Enabled => _duration.Enabled;

    /// <summary>Records one finished call. Service and method come from the routed endpoint, never from the request path.</summary>
    public void Record(string service, string method, int statusCode, TimeSpan took)
    {
        if (!_duration.Enabled) return;
        var tags = new TagList
        {
            { TelemetryNames.RpcSystem, "grpc" },
            { TelemetryNames.RpcService, service },
            { TelemetryNames.RpcMethod, method },
            { TelemetryNames.RpcStatusCode, statusCode },
        };
        _duration.Record(took.TotalSeconds, tags);
    }
}
