using Grpc.Core;
using Grpc.Core.Interceptors;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// Every offendermgmt.v1 call leaves exactly one audit entry, refused ones included, and its
/// answer leaves only once that entry is durable (DPA 2018 s.62: consultation and disclosure
/// are logged with the justification, date, time and identity of who did it). A write's entry
/// is committed with its work by <see cref="UnitOfWorkInterceptor"/>; every other call's goes to
/// the <see cref="AuditWriter"/>'s next batch. A server stream is recorded when its service says
/// it is admitted (<see cref="CallAudit.StreamAdmittedAsync"/>), or with its refusal, never both.
/// </summary>
public sealed partial class AuditInterceptor(AuditWriter writer, AuditRecords records, ErrorMapper errors, ILogger<AuditInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!AdmissionPart.IsOffenderMgmt(context)) return await continuation(request, context);
        var (caller, audit) = Of(context);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception e)
        {
            throw await RefusedAsync(e, context, caller, audit);
        }
        // The answer leaves only once the call is on record.
        await RecordAsync(context, caller, audit, "OK");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!AdmissionPart.IsOffenderMgmt(context))
        {
            await continuation(request, responseStream, context);
            return;
        }
        var (caller, audit) = Of(context);
        // What a stream will disclose is decided by its filter: it is on record once admitted.
        audit.WhenStreamAdmitted(() => RecordAsync(context, caller, audit, "OK (stream opened)"));
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            throw await RefusedAsync(e, context, caller, audit);
        }
        await RecordAsync(context, caller, audit, "OK");
    }

    private static (Caller, CallAudit) Of(ServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        return (services.GetRequiredService<Caller>(), services.GetRequiredService<CallAudit>());
    }

    /// <summary>The status for the failure, once the failure is on record (unless the call already is).</summary>
    private async Task<RpcException> RefusedAsync(Exception e, ServerCallContext context, Caller caller, CallAudit audit)
    {
        var failure = errors.Map(e, context);
        if (!audit.IsRecorded)
        {
            try
            {
                await RecordAsync(context, caller, audit, AuditRecords.Outcome(failure));
            }
            catch (Exception auditFailure)
            {
                return errors.Map(auditFailure, context);
            }
        }
        return failure;
    }

    private async Task RecordAsync(ServerCallContext context, Caller caller, CallAudit audit, string outcome)
    {
        if (audit.IsRecorded) return;
        var record = records.For(context, caller, audit, outcome);
        audit.Recorded();
        await writer.AppendAsync(record);
        // On every call: the status text is cut out only when the line is written.
        if (logger.IsEnabled(LogLevel.Debug))
            LogCall(record.Rpc, record.Role, outcome.StartsWith("OK", StringComparison.Ordinal) ? "OK" : outcome.Split(':')[0]);
    }

    // Method, role and status only: never who, which records or what was said (the audit log has those).
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} by {Role}: {Outcome}")]
    private partial void LogCall(string method, string role, string outcome);
}
