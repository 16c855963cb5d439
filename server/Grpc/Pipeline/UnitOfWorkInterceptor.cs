using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Idempotency;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// A write runs as one unit of work in its turn at the <see cref="WriteGate"/>: its changes, its
/// idempotency record and its own audit entry commit in one transaction, or none of them do (a
/// failed write is then audited with its failure by <see cref="AuditInterceptor"/>). A request
/// id seen before with the same request answers the first answer again; with a different
/// request it is refused. Reads pass straight through: they never wait on the gate.
/// </summary>
public sealed class UnitOfWorkInterceptor(WriteGate gate, AuditRecords records, ForceClock clock, AuditCommitHold hold) : Interceptor
{
    public const int MaxRequestId = 200;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!AdmissionPart.IsOffenderMgmt(context) || RpcAccessPolicy.Find(context.Method)?.Kind != CallKind.Write)
            return await continuation(request, context);

        var services = context.GetHttpContext().RequestServices;
        var db = services.GetRequiredService<OffenderMgmtDb>();
        var caller = services.GetRequiredService<Caller>();
        var audit = services.GetRequiredService<CallAudit>();
        var requestId = RequestIdOf(request);
        // In the engine's execution strategy: on PostgreSQL a unit of work that failed for a
        // passing reason (deadlock, lost connection) runs again from the start.
        var answer = await gate.RunAsync(() => db.InTransactionAsync(async () =>
        {
            // Across instances on PostgreSQL, writes take turns in the database as they do in
            // process: the chain's lock, taken before anything is read, makes a write on another
            // instance wait for this one to commit, so the same request id sent to two instances
            // finds the first one's record and answers its answer, and checks made in code see
            // every write committed before them.
            await AuditChainLock.TakeAsync(db, context.CancellationToken);
            // Every change committed before this one (an area re-import through another
            // instance) is in the views and indexes the write reads.
            await services.GetRequiredService<Persistence.Changes.ChangeFeed>().CatchUpAsync(context.CancellationToken);
            var requestHash = requestId is null ? "" : Convert.ToHexStringLower(SHA256.HashData(((IMessage)request).ToByteArray()));
            if (requestId is not null)
            {
                var earlier = await db.IdempotencyRecords.FindAsync([caller.Subject, requestId], context.CancellationToken);
                if (earlier is not null)
                {
                    if (earlier.Method != context.Method || earlier.RequestHash != requestHash)
                        throw new ValidationException("request_id", $"'{Validator.Truncate(requestId)}' was already used for a different request; use a new request id for a new request");
                    if (earlier.ErasedAt is not null)
                        throw new RuleViolationException("REQUEST_ANSWER_ERASED",
                            $"The answer to request '{Validator.Truncate(requestId)}' named a record since disposed of on review, and was erased with it; it is not repeated. Use a new request id for a new request.");
                    var replay = Activator.CreateInstance<TResponse>();
                    ((IMessage)replay).MergeFrom(earlier.Response);
                    await SaveWithEntryAsync(db, records.For(context, caller, audit, $"OK (retry of request {requestId}; first answer returned)"));
                    return replay;
                }
            }

            var response = await continuation(request, context);
            if (requestId is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Subject = caller.Subject, RequestId = requestId, Method = context.Method, RequestHash = requestHash,
                    Response = ((IMessage)response).ToByteArray(), CreatedAt = clock.Now,
                });
            }
            await SaveWithEntryAsync(db, records.For(context, caller, audit, "OK"));
            return response;
        }, context.CancellationToken), context.CancellationToken);
        // Committed: the work and its entry are durable together.
        audit.Recorded();
        return answer;
    }

    /// <summary>The work and its audit entry, saved in the unit of work's transaction (committed by it). Past this point the work is done: finish it even if the caller has gone.</summary>
    private async Task SaveWithEntryAsync(OffenderMgmtDb db, AuditRecord record)
    {
        await AuditLog.AppendAsync(db, record, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await hold.BeforeCommitAsync([record]);
    }

    /// <summary>The request's request_id field, when it has one and it is set.</summary>
    private static string? RequestIdOf<TRequest>(TRequest request)
    {
        if (request is not IMessage message) return null;
        var field = message.Descriptor.FindFieldByName("request_id");
        if (field?.Accessor.GetValue(message) is not string id || id.Length == 0) return null;
        if (id.Length > MaxRequestId) throw new ValidationException("request_id", $"must be at most {MaxRequestId} characters");
        return id;
    }
}
