using System.Security.Claims;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Grpc;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Idempotency;
using OffenderMgmt.Server.Persistence;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Every offendermgmt.v1 call passes through here: who is calling (the validated token), may
/// their role make this call (<see cref="RpcAccessPolicy"/>), why (the purpose header), are
/// they going too fast; then the call runs, writes as one unit of work with their audit entry
/// and idempotency record, and every call, refused ones included, lands in the audit log
/// before its answer leaves the server.
/// </summary>
public sealed partial class AccountabilityInterceptor(
    ErrorMappingInterceptor errors,
    WriteGate gate,
    RateLimits limits,
    ForceClock clock,
    IServiceScopeFactory scopes,
    ILogger<AccountabilityInterceptor> logger) : Interceptor
{
    private const string Package = "/offendermgmt.v1.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!context.Method.StartsWith(Package, StringComparison.Ordinal)) return await continuation(request, context);

        var services = context.GetHttpContext().RequestServices;
        var caller = services.GetRequiredService<Caller>();
        var audit = services.GetRequiredService<CallAudit>();
        var rule = RpcAccessPolicy.Find(context.Method);
        try
        {
            await AdmitAsync(rule, request, context, caller, services);
            return rule!.Kind switch
            {
                CallKind.Write => await RunAsUnitOfWorkAsync(request, context, continuation, rule, caller, audit, services),
                _ => await RunThenAuditAsync(request, context, continuation, rule, caller, audit),
            };
        }
        catch (Exception e)
        {
            var failure = e as RpcException ?? errors.Map(e, context);
            await AppendAsync(Record(context.Method, rule, caller, audit, Outcome(failure)));
            throw failure;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!context.Method.StartsWith(Package, StringComparison.Ordinal))
        {
            await continuation(request, responseStream, context);
            return;
        }
        var services = context.GetHttpContext().RequestServices;
        var caller = services.GetRequiredService<Caller>();
        var audit = services.GetRequiredService<CallAudit>();
        var rule = RpcAccessPolicy.Find(context.Method);
        try
        {
            await AdmitAsync(rule, request, context, caller, services);
            // A stream is audited when it opens: what it will disclose is decided by its filter.
            await AppendAsync(Record(context.Method, rule, caller, audit, "OK (stream opened)"));
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            var failure = e as RpcException ?? errors.Map(e, context);
            await AppendAsync(Record(context.Method, rule, caller, audit, Outcome(failure)));
            throw failure;
        }
    }

    /// <summary>Identifies the caller and checks the call is theirs to make; throws if not.</summary>
    private async Task AdmitAsync<TRequest>(RpcRule? rule, TRequest request, ServerCallContext context, Caller caller, IServiceProvider services)
        where TRequest : class
    {
        var http = context.GetHttpContext();
        if (rule is null)
            throw new AccessDeniedException($"{context.Method} is not in OffenderMgmt's access policy, so nobody may call it.");

        if (!rule.Anonymous)
        {
            if (http.User.Identity?.IsAuthenticated != true)
                throw new UnauthenticatedException(await WhyNotAuthenticatedAsync(http));
            await IdentifyAsync(http.User, caller, services, context.CancellationToken);
            if (!caller.Is([.. rule.Roles]))
                throw new AccessDeniedException($"Your role ({caller.Role?.ToClaim()}) may not call {context.Method}.");
        }

        caller.States(AccessPurpose.Parse(context.RequestHeaders.GetValue(AccessPurpose.Header)));
        if (rule.PersonalData && !caller.Purpose.IsStated)
            throw new ValidationException(AccessPurpose.Header, $"state the purpose of this call: {AccessPurpose.Accepted}");

        switch (rule.Limit)
        {
            case RateLimit.SignIn when request is V1.SignInRequest signIn:
                limits.Take(RateLimit.SignIn, AccountService.Normalise(signIn.Username));
                break;
            case RateLimit.Search:
                limits.Take(RateLimit.Search, caller.Subject);
                break;
        }
    }

    private static async Task IdentifyAsync(ClaimsPrincipal user, Caller caller, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        var roleText = user.FindFirst(options.RoleClaim)?.Value ?? user.FindFirst("role")?.Value;
        if (!RoleNames.TryParse(roleText, out var role))
            throw new AccessDeniedException($"Your token carries no OffenderMgmt role (one of {RoleNames.All}).");
        var db = services.GetRequiredService<OffenderMgmtDb>();
        var subject = user.FindFirst("name")?.Value ?? user.FindFirst(TokenIssuer.AccountClaim)?.Value ?? "unknown";
        Guid? officer = Guid.TryParse(user.FindFirst(TokenIssuer.OfficerClaim)?.Value, out var id) ? id : null;

        if (options.IsExternal)
        {
            var collar = user.FindFirst(options.CollarNumberClaim)?.Value;
            if (officer is null && collar is { Length: > 0 })
                officer = await db.Officers.Where(o => o.CollarNumber == collar).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            // A disabled account stops working at once, not when its token runs out.
            var accountId = Guid.TryParse(user.FindFirst(TokenIssuer.AccountClaim)?.Value, out var a) ? a : Guid.Empty;
            var disabled = await db.UserAccounts.Where(x => x.Id == accountId).Select(x => (bool?)x.Disabled).FirstOrDefaultAsync(cancellationToken);
            if (disabled is null or true) throw new UnauthenticatedException("This account is disabled or no longer exists. Ask an administrator.");
        }
        caller.SignedIn(subject, role, officer);
    }

    private static async Task<string> WhyNotAuthenticatedAsync(HttpContext http)
    {
        // The handler keeps its result for the request, so this does not validate twice.
        var failure = (await http.AuthenticateAsync()).Failure;
        return failure switch
        {
            SecurityTokenExpiredException => "Your sign-in has expired. Sign in again (offendermgmt.v1.Auth/SignIn) and send the new token.",
            not null => "The token sent is not valid (it was altered, or not issued for OffenderMgmt). Sign in again.",
            _ => "Sign in first: call offendermgmt.v1.Auth/SignIn and send \"authorization: Bearer <access_token>\" with each call.",
        };
    }

    private async Task<TResponse> RunThenAuditAsync<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation,
        RpcRule rule, Caller caller, CallAudit audit)
        where TRequest : class where TResponse : class
    {
        var response = await continuation(request, context);
        // The answer leaves only once the disclosure is on record.
        await AppendAsync(Record(context.Method, rule, caller, audit, "OK"));
        return response;
    }

    private async Task<TResponse> RunAsUnitOfWorkAsync<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation,
        RpcRule rule, Caller caller, CallAudit audit, IServiceProvider services)
        where TRequest : class where TResponse : class
    {
        var db = services.GetRequiredService<OffenderMgmtDb>();
        var requestId = RequestIdOf(request);
        // In the engine's execution strategy: on PostgreSQL a unit of work that failed for a
        // passing reason (deadlock, lost connection) runs again from the start.
        return await gate.RunAsync(() => db.InTransactionAsync(async () =>
        {
            var requestHash = requestId is null ? "" : Convert.ToHexStringLower(SHA256.HashData(((IMessage)request).ToByteArray()));
            if (requestId is not null)
            {
                var earlier = await db.IdempotencyRecords.FindAsync([caller.Subject, requestId], context.CancellationToken);
                if (earlier is not null)
                {
                    if (earlier.Method != context.Method || earlier.RequestHash != requestHash)
                        throw new ValidationException("request_id", $"'{Validator.Truncate(requestId)}' was already used for a different request; use a new request id for a new request");
                    var replay = Activator.CreateInstance<TResponse>();
                    ((IMessage)replay).MergeFrom(earlier.Response);
                    await AuditLog.AppendAsync(db, Record(context.Method, rule, caller, audit, $"OK (retry of request {requestId}; first answer returned)"), CancellationToken.None);
                    await db.SaveChangesAsync(CancellationToken.None);
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
            await AuditLog.AppendAsync(db, Record(context.Method, rule, caller, audit, "OK"), CancellationToken.None);
            // Past this point the work is done: finish it even if the caller has gone.
            await db.SaveChangesAsync(CancellationToken.None);
            return response;
        }, context.CancellationToken), context.CancellationToken);
    }

    /// <summary>The request's request_id field, when it has one and it is set.</summary>
    private static string? RequestIdOf<TRequest>(TRequest request)
    {
        if (request is not IMessage message) return null;
        var field = message.Descriptor.FindFieldByName("request_id");
        if (field?.Accessor.GetValue(message) is not string id || id.Length == 0) return null;
        if (id.Length > 200) throw new ValidationException("request_id", "must be at most 200 characters");
        return id;
    }

    private AuditRecord Record(string method, RpcRule? rule, Caller caller, CallAudit audit, string outcome)
    {
        var action = audit.Action ?? rule?.Action ?? AuditAction.Read;
        // Handing personal data to another organisation's system is a disclosure, not a read.
        if (action == AuditAction.Read && caller.Is(Role.PartnerAgency, Role.Service)) action = AuditAction.Disclose;
        return new AuditRecord(clock.Now, caller.Subject, caller.OfficerId, caller.Role?.ToClaim() ?? "", method,
            action, audit.Records, caller.Purpose.ToString(), outcome);
    }

    /// <summary>Appends an entry in its own transaction, taking its turn with the writers.</summary>
    private async Task AppendAsync(AuditRecord record)
    {
        await gate.RunAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            await AuditLog.AppendAsync(db, record, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }, CancellationToken.None);
        LogCall(record.Rpc, record.Role, record.Outcome.StartsWith("OK", StringComparison.Ordinal) ? "OK" : record.Outcome.Split(':')[0]);
    }

    private static string Outcome(RpcException failure) => $"{failure.StatusCode}: {failure.Status.Detail}";

    // Method, role and status only: never who, which records or what was said (the audit log has those).
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} by {Role}: {Outcome}")]
    private partial void LogCall(string method, string role, string outcome);
}
