using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// Where the client notes what it did. Only events, method names, status codes and timings go
/// here: never names, ids, messages from the server or anything the user typed, because a log
/// file on a desk machine is not protected like the server's audit trail.
/// </summary>
public interface ICallLog
{
    public static readonly ICallLog None = new NoLog();

    /// <summary>A call finished: e.g. "/offendermgmt.v1.People/GetPerson", "OK", 42 ms.</summary>
    void CallEnded(string method, string status, TimeSpan elapsed);

    /// <summary>Something happened: a fixed event name such as "signed-in" or "server-unreachable".</summary>
    void Note(string name);

    private sealed class NoLog : ICallLog
    {
        public void CallEnded(string method, string status, TimeSpan elapsed) { }
        public void Note(string name) { }
    }
}

/// <summary>Notes every call's method, status code and duration in the <see cref="ICallLog"/>.</summary>
internal sealed class CallLogInterceptor(ICallLog log) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(
            Logged(call.ResponseAsync, context.Method.FullName, started),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        log.CallEnded(context.Method.FullName, "STREAM-OPENED", TimeSpan.Zero);
        return continuation(request, context);
    }

    private async Task<TResponse> Logged<TResponse>(Task<TResponse> response, string method, long started)
    {
        try
        {
            var result = await response;
            log.CallEnded(method, "OK", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (RpcException e)
        {
            log.CallEnded(method, e.StatusCode.ToString(), Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
