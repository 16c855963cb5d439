using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// May this caller make this call: the method is in <see cref="RpcAccessPolicy"/> (fail
/// closed), the caller has signed in unless the method is open to all, and their role is one
/// the rule lists; a service account also needs a scope that opens the method
/// (<see cref="ServiceScopes"/>) unless it touches no personal data.
/// </summary>
public sealed class AccessPolicyInterceptor : AdmissionPart
{
    public override async ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        if (rule is null)
            throw new AccessDeniedException($"{context.Method} is not in OffenderMgmt's access policy, so nobody may call it.");
        if (rule.Anonymous) return;
        var caller = services.GetRequiredService<Caller>();
        if (!caller.IsAuthenticated)
            throw await WhyNotAuthenticatedAsync(context.GetHttpContext());
        if (!caller.IsAny(rule.Roles))
            throw new AccessDeniedException($"Your role ({caller.Role?.ToClaim()}) may not call {context.Method}.");
        if (caller.Role == Role.Service && rule.PersonalData && !ServiceScopes.Allows(caller.Scopes, context.Method))
            throw ServiceScopes.Refusal(context.Method, caller.Scopes);
    }

    private static async Task<UnauthenticatedException> WhyNotAuthenticatedAsync(HttpContext http)
    {
        // The handler keeps its result for the request, so this does not validate twice.
        var failure = (await http.AuthenticateAsync()).Failure;
        return failure switch
        {
            SecurityTokenExpiredException => new("Your sign-in has expired. Sign in again (offendermgmt.v1.Auth/SignIn) and send the new token.", ErrorReason.TokenExpired),
            not null => new("The token sent is not valid (it was altered, or not issued for OffenderMgmt). Sign in again."),
            _ => new("Sign in first: call offendermgmt.v1.Auth/SignIn and send \"authorization: Bearer <access_token>\" with each call."),
        };
    }
}
