namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// The names telemetry is exported under. Labels carry only names of RPCs, status codes and
/// views, never anything about a person or a caller (see TelemetryTests).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The server's own meter (and activity source): RPC calls, the in-memory views, the audit writer.</summary>
    public const string Meter = "OffenderMgmt";

    public const string RpcSystem = "rpc.system";
    public const string RpcService = "rpc.service";
    public const string RpcMethod = "rpc.method";
    public const string RpcStatusCode = "rpc.grpc.status_code";
    public const string View = "offendermgmt.view";
    public const string ViewReload = "offendermgmt.view.reload";

    /// <summary>Bucket bounds in seconds for call and reload durations: 0.25 ms to 10 s.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
}
