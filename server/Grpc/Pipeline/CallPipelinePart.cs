using Grpc.Core;
using Grpc.Core.Interceptors;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// A part of the call pipeline that checks an offendermgmt.v1 call before it runs and throws
/// to refuse it (the audit part records the refusal; the error mapping part makes the status).
/// Health and reflection pass through untouched.
/// </summary>
public abstract class AdmissionPart : Interceptor
{
    public const string Package = "/offendermgmt.v1.";

    public static bool IsOffenderMgmt(ServerCallContext context) => context.Method.StartsWith(Package, StringComparison.Ordinal);

    /// <summary>Checks the call; <paramref name="rule"/> is null for a method the access policy does not know.</summary>
    protected abstract ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOffenderMgmt(context))
            await AdmitAsync(request, context, RpcAccessPolicy.Find(context.Method), context.GetHttpContext().RequestServices);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOffenderMgmt(context))
            await AdmitAsync(request, context, RpcAccessPolicy.Find(context.Method), context.GetHttpContext().RequestServices);
        await continuation(request, responseStream, context);
    }
}
