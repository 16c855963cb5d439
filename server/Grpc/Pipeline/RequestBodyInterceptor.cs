using Grpc.Core;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// Refuses a call whose body did not parse (<see cref="RequestParsing{TService}"/> handed on an
/// empty message standing in for it, <see cref="UnparsedRequest.Of"/> so the call could be identified and audited) with
/// INVALID_ARGUMENT, logged as one line without a stack trace, so garbage cannot fill the disk;
/// and one that parsed but carries text no database can keep (a NUL, <see cref="RequestText"/>),
/// naming the field, before any part of the call reads it.
/// </summary>
public sealed partial class RequestBodyInterceptor(ILogger<RequestBodyInterceptor> logger) : AdmissionPart
{
    public override ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        if (UnparsedRequest.Of(request) is { } unparsed)
        {
            LogUnparsed(context.Method, unparsed.MessageType);
            throw new InvalidRequestBodyException(unparsed.MessageType);
        }
        if (request is Google.Protobuf.IMessage message && RequestText.FieldWithNul(message) is { } field)
            throw new ValidationException(field, "must not contain a NUL character (U+0000)");
        return ValueTask.CompletedTask;
    }

    // The method and the type only: never the bytes sent.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method}: the request body is not a valid {MessageType} message; refused")]
    private partial void LogUnparsed(string method, string messageType);
}
