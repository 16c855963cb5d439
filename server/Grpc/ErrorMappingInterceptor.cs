using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using RpcStatus = Google.Rpc.Status;

namespace OffenderMgmt.Server.Grpc;

/// <summary>
/// Turns domain failures into the gRPC statuses promised in DESIGN.md section 5, with
/// google.rpc error details, so services can simply throw. Anything unexpected becomes
/// INTERNAL with a reference to the log, never UNKNOWN and never a stack trace.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
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
            throw Map(e, context);
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
            throw Map(e, context);
        }
    }

    public RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case ValidationException v:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(v.Violations.Select(f =>
                    new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }));
                return Build(Code.InvalidArgument, v.Message, badRequest);
            case NotFoundException n:
                return Build(Code.NotFound, n.Message,
                    new ResourceInfo { ResourceType = n.Entity, ResourceName = n.Id, Description = n.Message });
            case AlreadyExistsException a:
                return Build(Code.AlreadyExists, a.Message);
            case RuleViolationException r:
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = r.Rule, Description = r.Message });
                return Build(Code.FailedPrecondition, r.Message, failure);
            case StaleVersionException s:
                return Build(Code.Aborted, s.Message,
                    new ErrorInfo { Reason = "STALE_VERSION", Domain = "offendermgmt", Metadata = { ["current_version"] = s.ActualVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            case DbUpdateException when Persistence.DatabaseErrors.IsUniqueViolation(exception):
                // Someone else took the key first (a username, a request id, a task's source key).
                return Build(Code.AlreadyExists, "A record with the same key was stored at the same moment by another request; nothing was changed.",
                    new ErrorInfo { Reason = "ALREADY_EXISTS", Domain = "offendermgmt" });
            case DbUpdateConcurrencyException:
                return Build(Code.Aborted, "The record changed while this request was being applied; reload it and try again.");
            case AccessDeniedException d:
                return Build(Code.PermissionDenied, d.Message);
            case UnauthenticatedException u:
                return Build(Code.Unauthenticated, u.Message);
            case TooManyRequestsException t:
                return Build(Code.ResourceExhausted, t.Message,
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(t.RetryAfter) });
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return context.Deadline < DateTime.UtcNow
                    ? Build(Code.DeadlineExceeded, "The call's deadline passed before it finished; nothing was changed.")
                    : Build(Code.Cancelled, "The call was cancelled; nothing was changed.");
            default:
                var reference = Guid.NewGuid().ToString("N")[..12];
                LogUnexpected(exception, context.Method, reference);
                return Build(Code.Internal, $"OffenderMgmt could not complete the request (reference {reference}); the error has been logged.");
        }
    }

    private static RpcException Build(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        if (detail is not null) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method} (reference {Reference})")]
    private partial void LogUnexpected(Exception exception, string method, string reference);
}
