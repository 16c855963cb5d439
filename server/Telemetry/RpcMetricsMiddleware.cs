using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// Times each gRPC call and reads the status it ended with, after every interceptor (the error
/// mapping included) has had its say: the status is in the response trailers, or in the headers
/// of a trailers-only answer. Only calls routed to a known method are counted, so a caller
/// cannot mint label values by inventing paths.
/// </summary>
public sealed class RpcMetricsMiddleware(RequestDelegate next, RpcMetrics metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Nothing listens (no exporter configured): nothing to time or read, and no async frame
        // of this middleware's own around the call.
        if (!metrics.Enabled || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc || grpc.Method.ServiceName.Length == 0)
            return next(context);
        return TimedAsync(context, grpc);
    }

    private async Task TimedAsync(HttpContext context, GrpcMethodMetadata grpc)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            metrics.Record(grpc.Method.ServiceName, grpc.Method.Name, StatusOf(context), Stopwatch.GetElapsedTime(started));
        }
    }

    private static int StatusOf(HttpContext context)
    {
        if (Parse(context.Response.Headers["grpc-status"]) is { } trailersOnly) return trailersOnly;
        if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers && Parse(trailers["grpc-status"]) is { } status) return status;
        // No status was sent: the caller went away (or the connection did) before the end.
        return (int)(context.RequestAborted.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.Unknown);
    }

    private static int? Parse(Microsoft.Extensions.Primitives.StringValues value) =>
        int.TryParse(value.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 16
            ? code
            : null;
}
