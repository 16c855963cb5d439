using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OffenderMgmt.Server.Grpc;

/// <summary>
/// The outermost part of the call pipeline: whatever escapes the parts inside it leaves as a
/// gRPC status made by <see cref="ErrorMapper"/>, so services and pipeline parts simply throw.
/// </summary>
public sealed class ErrorMappingInterceptor(ErrorMapper errors) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw errors.Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw errors.Map(e, context);
        }
    }
}
