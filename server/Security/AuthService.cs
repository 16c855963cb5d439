using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Persistence;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Security;

/// <summary>gRPC Auth service: sign in with a local account; ask who the token says you are.</summary>
public sealed class AuthService(AccountService accounts, Caller caller, CallAudit audit, OffenderMgmtDb db, CallerIdentities identities) : V1.Auth.AuthBase
{
    public override async Task<V1.SignInResponse> SignIn(V1.SignInRequest request, ServerCallContext context)
    {
        caller.Attempting(AccountService.Normalise(request.Username.Length > 100 ? request.Username[..100] : request.Username));
        var result = await accounts.SignInAsync(request.Username, request.Password, context.CancellationToken);
        audit.Touched(result.Account.Id);
        caller.SignedIn(result.Account.Username, result.Account.Role, result.Account.OfficerId);
        var (_, officer) = await identities.CurrentAsync(db, result.Account.Username, result.Account.OfficerId, context.CancellationToken);
        return new V1.SignInResponse
        {
            AccessToken = result.Token,
            ExpiresAt = Timestamp.FromDateTimeOffset(result.ExpiresAt),
            Caller = Identity(result.Account.Username, result.Account.DisplayName, result.Account.Role, result.Account.OfficerId, officer),
        };
    }

    public override async Task<V1.CallerIdentity> WhoAmI(V1.WhoAmIRequest request, ServerCallContext context)
    {
        var (displayName, officer) = await identities.CurrentAsync(db, caller.Subject, caller.OfficerId, context.CancellationToken);
        return Identity(caller.Subject, displayName ?? caller.Subject, caller.Role!.Value, caller.OfficerId, officer);
    }

    private static V1.CallerIdentity Identity(string username, string displayName, Role role, Guid? officerId, OfficerIdentity? officer)
    {
        var identity = new V1.CallerIdentity { Username = username, Role = RoleEnums.Roles.ToProto(role), DisplayName = displayName };
        identity.AllowedMethods.AddRange(RpcAccessPolicy.AllowedFor(role));
        if (officerId is { } id)
        {
            identity.OfficerId = id.ToString();
            identity.CollarNumber = officer?.CollarNumber ?? "";
            identity.TeamId = officer?.TeamId.ToString() ?? "";
            identity.TeamName = officer?.TeamName ?? "";
        }
        return identity;
    }
}
