using Grpc.Core;
using Grpc.Core.Interceptors;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// A part of the call pipeline that checks an offendermgmt.v1 call before it runs and throws
/// to refuse it (the audit part records the refusal; the error mapping part makes the status).
/// The parts are run in their order by <see cref="Admission"/>, one gRPC interceptor for all of
/// them (each interceptor costs every call its own async frame and pipeline step in grpc-dotnet,
/// docs/benchmarks.md "What the host costs"). Health and reflection pass through untouched.
/// </summary>
public abstract class AdmissionPart
{
    public const string Package = "/offendermgmt.v1.";

    public static bool IsOffenderMgmt(ServerCallContext context) => context.Method.StartsWith(Package, StringComparison.Ordinal);

    /// <summary>Checks the call; <paramref name="rule"/> is null for a method the access policy does not know.</summary>
    public abstract ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services);
}

/// <summary>
/// Runs the admission parts of an offendermgmt.v1 call in order, outermost first: identity,
/// request body, access policy, purpose, rate limits. The first to throw refuses the call and
/// the rest do not run, as when each was an interceptor of its own.
/// </summary>
public sealed class Admission(IdentityInterceptor identity, RequestBodyInterceptor body, AccessPolicyInterceptor access,
    PurposeInterceptor purpose, RateLimitInterceptor limits) : Interceptor
{
    private readonly AdmissionPart[] _parts = [identity, body, access, purpose, limits];

    /// <summary>The parts in the order they run (for tests).</summary>
    public IReadOnlyList<AdmissionPart> Parts => _parts;

    private async ValueTask AdmitAsync(object request, ServerCallContext context)
    {
        var rule = RpcAccessPolicy.Find(context.Method);
        var services = context.GetHttpContext().RequestServices;
        foreach (var part in _parts) await part.AdmitAsync(request, context, rule, services);
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (AdmissionPart.IsOffenderMgmt(context)) await AdmitAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (AdmissionPart.IsOffenderMgmt(context)) await AdmitAsync(request, context);
        await continuation(request, responseStream, context);
    }
}
