using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>An analyst's grant to named people's records, as a supervisor sees it.</summary>
public sealed record AnalystGrantRow(
    string Id, string Analyst, IReadOnlyList<string> PersonIds, string Purpose, string Reason, string GrantedBy,
    DateTimeOffset? GrantedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string RevokedBy, bool Active)
{
    /// <summary>"live", "revoked" or "expired", in words.</summary>
    public string State => Active ? "live" : RevokedAt is not null ? "revoked" : "expired";
}

/// <summary>An analyst a grant may name, as the grant screen's picker shows them.</summary>
public sealed record AnalystChoice(string Username, string DisplayName)
{
    public string Label => DisplayName.Length > 0 ? $"{DisplayName} ({Username})" : Username;
}

/// <summary>The Access service: supervisors grant analysts access to named people for a purpose and a time, list the grants and revoke one.</summary>
public sealed class AccessGateway(ServerConnection connection)
{
    private const int MaxRows = 2000;
    private readonly V1.Access.AccessClient _access = new(connection.Invoker);

    public async Task<IReadOnlyList<AnalystGrantRow>> GrantsAsync(bool includeEnded, CancellationToken cancellationToken)
    {
        var rows = new List<AnalystGrantRow>();
        var request = new V1.ListAnalystGrantsRequest { IncludeEnded = includeEnded, PageSize = 200 };
        do
        {
            var page = await connection.CallAsync(Purpose.Supervision, o => _access.ListAnalystGrantsAsync(request, o), cancellationToken);
            rows.AddRange(page.Grants.Select(Row));
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && rows.Count < MaxRows);
        return rows;
    }

    /// <summary>The analysts' accounts a grant may name (none when sign-in is by an external identity provider).</summary>
    public async Task<IReadOnlyList<AnalystChoice>> AnalystsAsync(CancellationToken cancellationToken) =>
        (await connection.CallAsync(Purpose.Supervision, o => _access.ListAnalystsAsync(new V1.ListAnalystsRequest(), o), cancellationToken))
        .Analysts.Select(a => new AnalystChoice(a.Username, a.DisplayName)).ToList();

    public async Task<AnalystGrantRow> GrantAsync(string analyst, IReadOnlyList<string> personIds, string purpose, string reason, int days, CancellationToken cancellationToken)
    {
        var request = new V1.GrantAnalystAccessRequest { Analyst = analyst, Purpose = purpose, Reason = reason, Days = days };
        request.PersonIds.AddRange(personIds);
        return Row(await connection.CallAsync(Purpose.Supervision, o => _access.GrantAnalystAccessAsync(request, o), cancellationToken));
    }

    public async Task<AnalystGrantRow> RevokeAsync(string grantId, string reason, CancellationToken cancellationToken) =>
        Row(await connection.CallAsync(Purpose.Supervision, o => _access.RevokeAnalystGrantAsync(new V1.RevokeAnalystGrantRequest { Id = grantId, Reason = reason }, o), cancellationToken));

    private static AnalystGrantRow Row(V1.AnalystGrant g) => new(
        g.Id, g.Analyst, g.PersonIds.ToList(), g.Purpose, g.Reason, g.GrantedBy, Wire.Instant(g.GrantedAt), Wire.Instant(g.ExpiresAt),
        Wire.Instant(g.RevokedAt), g.RevokedBy, g.Active);
}
