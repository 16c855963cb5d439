using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Access;

/// <summary>gRPC Access service: guards and maps, then hands over to <see cref="AnalystGrants"/>.</summary>
public sealed class AccessService(AnalystGrants grants, CallAudit audit, ForceClock clock) : V1.Access.AccessBase
{
    public override async Task<V1.AnalystGrant> GrantAnalystAccess(V1.GrantAnalystAccessRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var people = v.Each("person_ids", request.PersonIds, AccessOptions.PeopleLimit, (field, id) => v.Id(field, id));
        v.ThrowIfInvalid();
        audit.Touched(people);
        var grant = await grants.GrantAsync(new NewAnalystGrant(request.Analyst, people, request.Purpose, request.Reason, request.Days), context.CancellationToken);
        audit.Touched(grant.Id);
        return ToMessage(grant);
    }

    public override async Task<V1.ListAnalystGrantsResponse> ListAnalystGrants(V1.ListAnalystGrantsRequest request, ServerCallContext context)
    {
        var (list, next) = await grants.ListAsync(new AnalystGrantQuery(request.Analyst, request.IncludeEnded, request.PageSize, request.PageToken), context.CancellationToken);
        audit.Touched(list.Select(g => g.Id));
        var response = new V1.ListAnalystGrantsResponse { NextPageToken = next };
        response.Grants.AddRange(list.Select(ToMessage));
        return response;
    }

    public override async Task<V1.AnalystGrant> RevokeAnalystGrant(V1.RevokeAnalystGrantRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.Id, "id");
        audit.Touched(id);
        var grant = await grants.RevokeAsync(id, request.Reason, context.CancellationToken);
        audit.Touched(grant.People.Select(p => p.PersonId));
        return ToMessage(grant);
    }

    public override async Task<V1.ListAnalystsResponse> ListAnalysts(V1.ListAnalystsRequest request, ServerCallContext context)
    {
        var response = new V1.ListAnalystsResponse();
        response.Analysts.AddRange((await grants.AnalystsAsync(context.CancellationToken))
            .Select(a => new V1.AnalystAccount { Username = a.Username, DisplayName = a.DisplayName }));
        return response;
    }

    private V1.AnalystGrant ToMessage(AnalystGrant grant)
    {
        var message = new V1.AnalystGrant
        {
            Id = grant.Id.ToString(), Analyst = grant.Analyst, Purpose = grant.Purpose, Reason = grant.Reason,
            GrantedBy = grant.GrantedBy, GrantedAt = Timestamp.FromDateTimeOffset(grant.GrantedAt), ExpiresAt = Timestamp.FromDateTimeOffset(grant.ExpiresAt),
            RevokedBy = grant.RevokedBy, RevokedReason = grant.RevokedReason, Active = grant.IsActiveAt(clock.Now),
        };
        if (grant.RevokedAt is { } revoked) message.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        message.PersonIds.AddRange(grant.People.Select(p => p.PersonId.ToString()));
        return message;
    }
}
