using Grpc.Core;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// Refuses a call whose body did not parse (<see cref="RequestParsing"/> noted it and handed on
/// an empty message so the call could be identified and audited) with INVALID_ARGUMENT.
/// </summary>
public sealed class RequestBodyInterceptor : AdmissionPart
{
    protected override ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        if (context.GetHttpContext().Features.Get<UnparsedRequest>() is { } unparsed)
            throw new InvalidRequestBodyException(unparsed.MessageType);
        return ValueTask.CompletedTask;
    }
}
