using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// Who is calling: the account, role and officer of a valid token, on the call's
/// <see cref="Caller"/>. A call without a valid token stays anonymous here (the access policy
/// part decides whether that may call); a disabled local account is refused at once, looked up
/// in <see cref="AccountStatuses"/> rather than the database.
/// </summary>
public sealed class IdentityInterceptor(AccountStatuses statuses, IOptions<AuthOptions> options) : AdmissionPart
{
    public override async ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        var user = context.GetHttpContext().User;
        if (rule is null || rule.Anonymous || user.Identity?.IsAuthenticated != true) return;
        var auth = options.Value;
        var caller = services.GetRequiredService<Caller>();
        var roleText = user.FindFirst(auth.RoleClaim)?.Value ?? user.FindFirst("role")?.Value;
        if (!RoleNames.TryParse(roleText, out var role))
            throw new AccessDeniedException($"Your token carries no OffenderMgmt role (one of {RoleNames.All}).");
        var subject = user.FindFirst("name")?.Value ?? user.FindFirst(TokenIssuer.AccountClaim)?.Value ?? "unknown";
        Guid? officer = Guid.TryParse(user.FindFirst(TokenIssuer.OfficerClaim)?.Value, out var id) ? id : null;

        IReadOnlySet<string>? scopes = null;
        if (auth.IsExternal)
        {
            // The identity provider's scopes: its scope claim (Auth:ScopeClaim), or the standard
            // "scope" / Microsoft's "scp" (issue 19).
            if (role == Role.Service) scopes = ServiceScopes.FromClaims(user, auth.ScopeClaim);
            var collar = user.FindFirst(auth.CollarNumberClaim)?.Value;
            if (officer is null && collar is { Length: > 0 })
            {
                var db = services.GetRequiredService<OffenderMgmtDb>();
                officer = await db.Officers.Where(o => o.CollarNumber == collar).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(context.CancellationToken);
            }
        }
        else
        {
            // A disabled account stops working at once, not when its token runs out.
            var accountId = Guid.TryParse(user.FindFirst(TokenIssuer.AccountClaim)?.Value, out var a) ? a : Guid.Empty;
            var status = await statuses.StatusAsync(accountId, context.CancellationToken);
            if (!status.Active)
                throw new UnauthenticatedException("This account is disabled or no longer exists. Ask an administrator.", ErrorReason.AccountDisabled);
            // The account's scopes as they are now, not as they were when the token was issued.
            if (role == Role.Service) scopes = status.Scopes;
        }
        caller.SignedIn(subject, role, officer, scopes);
    }
}
