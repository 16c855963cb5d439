using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using RpcStatus = Google.Rpc.Status;

namespace OffenderMgmt.Server.Grpc;

/// <summary>
/// The one place a failure becomes a gRPC status: the status promised in DESIGN.md section 5,
/// google.rpc.ErrorInfo with the stable reason from <see cref="ErrorReasons"/>, and the detail
/// that goes with it (BadRequest, ResourceInfo, PreconditionFailure, RetryInfo). Anything
/// unexpected becomes INTERNAL with a reference to the log, never UNKNOWN and never a stack
/// trace. Answers are bounded: at most 20 field violations, each clipped, so status and
/// details stay far below HTTP/2 header limits whatever the request held.
/// </summary>
public sealed partial class ErrorMapper(ILogger<ErrorMapper> logger)
{
    /// <summary>Longest status message sent (the audit entry keeps its own, shorter, copy).</summary>
    public const int MaxMessage = 1000;
    private const int MaxField = 100, MaxDescription = 150;

    public RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException rpc:
                return rpc;
            case ValidationException v:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(v.Violations.Take(ValidationException.MaxListed).Select(f =>
                    new BadRequest.Types.FieldViolation { Field = Clip(f.Field, MaxField), Description = Clip(f.Description, MaxDescription) }));
                return Build(v.Reason, v.Message, badRequest, ("violations", v.Violations.Count.ToString(CultureInfo.InvariantCulture)));
            case NotFoundException n:
                return Build(n.Reason, n.Message,
                    new ResourceInfo { ResourceType = n.Entity, ResourceName = Clip(n.Id, MaxField), Description = Clip(n.Message, MaxDescription) });
            case RuleViolationException r:
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = r.Rule, Description = Clip(r.Message, MaxDescription) });
                return Build(r.Reason, r.Message, failure, ("rule", r.Rule));
            case StaleVersionException s:
                return Build(s.Reason, s.Message, null, ("current_version", s.ActualVersion.ToString(CultureInfo.InvariantCulture)));
            case DbUpdateException when Persistence.DatabaseErrors.IsUniqueViolation(exception):
                // Someone else took the key first (a username, a request id, a task's source key).
                return Build(ErrorReason.AlreadyExists, "A record with the same key was stored at the same moment by another request; nothing was changed.");
            case DbUpdateConcurrencyException:
                return Build(ErrorReason.StaleVersion, "The record changed while this request was being applied; reload it and try again.");
            case TooManyRequestsException t:
                return Build(t.Reason, t.Message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(t.RetryAfter) });
            case DomainException d:
                return Build(d.Reason, d.Message);
            case AuditUnavailableException a:
                LogAuditUnavailable(a.InnerException, context.Method);
                return Build(ErrorReason.AuditUnavailable, a.Message);
            // The call's own cancellation, also when a layer below wraps it (EF's DbUpdateException, an
            // InvalidOperationException from a command cut off mid-flight): the caller gave up, nothing
            // of theirs failed, so it is DEADLINE_EXCEEDED or CANCELLED, never INTERNAL.
            case Exception when context.CancellationToken.IsCancellationRequested && CausedByCancellation(exception):
                return context.Deadline < DateTime.UtcNow
                    ? Build(ErrorReason.DeadlineExceeded, "The call's deadline passed before it finished; nothing was changed.")
                    : Build(ErrorReason.Cancelled, "The call was cancelled; nothing was changed.");
            // Once the caller has gone, a layer below may report the cut in its own words rather than
            // as a cancellation (a database driver whose command was cut off mid-flight reports a broken
            // connection or stream). It is still the caller's deadline or cancellation that ended the
            // call, not a fault of the server's, so it is answered as such; what was thrown is logged
            // (Warning, with a reference) in case it was a defect that happened to coincide.
            case Exception when context.CancellationToken.IsCancellationRequested:
                var cutReference = Guid.NewGuid().ToString("N")[..12];
                LogFailedAfterCancellation(exception, context.Method, cutReference);
                return context.Deadline < DateTime.UtcNow
                    ? Build(ErrorReason.DeadlineExceeded, $"The call's deadline passed before it finished (reference {cutReference}).", null, ("reference", cutReference))
                    : Build(ErrorReason.Cancelled, $"The call was cancelled before it finished (reference {cutReference}).", null, ("reference", cutReference));
            case Exception when Persistence.DatabaseErrors.IsTransient(exception):
                // Contention, not a defect: the caller may retry, and the work rolled back (a busy SQLite
                // file under a long housekeeping round, a dropped PostgreSQL connection, a deadlock).
                LogDatabaseBusy(exception, context.Method);
                return Build(ErrorReason.DatabaseBusy, "The database was busy with other work for longer than this call waits; nothing was changed. Try again.");
            default:
                var reference = Guid.NewGuid().ToString("N")[..12];
                LogUnexpected(exception, context.Method, reference);
                return Build(ErrorReason.ServerError, $"OffenderMgmt could not complete the request (reference {reference}); the error has been logged.",
                    null, ("reference", reference));
        }
    }

    private static bool CausedByCancellation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(CausedByCancellation)) return true;
        }
        return false;
    }

    /// <summary>The status for a reason from the table, with ErrorInfo first and any other detail after it.</summary>
    public static RpcException Build(ErrorReason reason, string message, Google.Protobuf.IMessage? detail = null, params (string Key, string Value)[] metadata)
    {
        var info = ErrorReasons.Of(reason);
        var errorInfo = new ErrorInfo { Reason = info.Name, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata) errorInfo.Metadata[key] = Clip(value, MaxField);
        var status = new RpcStatus { Code = (int)info.Code, Message = Clip(message, MaxMessage) };
        status.Details.Add(Any.Pack(errorInfo));
        if (detail is not null) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method} (reference {Reference})")]
    private partial void LogUnexpected(Exception exception, string method, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed after its caller's deadline passed or it was cancelled (reference {Reference}); answered as such")]
    private partial void LogFailedAfterCancellation(Exception exception, string method, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was busy or unreachable during {Method}; the call was refused as retryable")]
    private partial void LogDatabaseBusy(Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry of a call to {Method} could not be committed; the call was refused")]
    private partial void LogAuditUnavailable(Exception? exception, string method);
}
