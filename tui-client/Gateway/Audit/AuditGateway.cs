using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>One call on the audit trail: who, when, why, what it did and how it ended.</summary>
public sealed record AuditRow(
    long Sequence, DateTimeOffset? At, string Subject, string Role, string Method, string Action,
    IReadOnlyList<string> RecordIds, string Purpose, string Outcome)
{
    /// <summary>"People.GetPerson" from "/offendermgmt.v1.People/GetPerson".</summary>
    public string MethodShort => Method.TrimStart('/').Replace("offendermgmt.v1.", "", StringComparison.Ordinal).Replace('/', '.');

    public bool Ok => Outcome == "OK";
}

/// <summary>A page of the trail, newest first, and whether there is more.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, string? NextPageToken);

/// <summary>Whether the hash chain is intact, and where it breaks.</summary>
public sealed record ChainStatus(bool Intact, long EntriesChecked, long? FirstBroken, string? Problem, long BrokenCount, IReadOnlyList<(long Sequence, string Problem)> Broken);

/// <summary>What to look for on the trail: a record (a person's id), an account, a time window.</summary>
public sealed record AuditQuery(string? RecordId = null, string? Subject = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The audit trail (the Audit service): read for audit, never for casework.</summary>
public sealed class AuditGateway(ServerConnection connection)
{
    private readonly V1.Audit.AuditClient _audit = new(connection.Invoker);

    public async Task<AuditPage> QueryAsync(AuditQuery query, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(Purpose.Audit, o => _audit.QueryAsync(new V1.QueryAuditRequest
        {
            RecordId = query.RecordId?.Trim() ?? "",
            Subject = query.Subject?.Trim() ?? "",
            From = Wire.Timestamp(query.From),
            To = Wire.Timestamp(query.To),
            PageSize = pageSize,
            PageToken = pageToken ?? "",
        }, o), cancellationToken);
        return new AuditPage(
            response.Entries.Select(e => new AuditRow(e.Sequence, Wire.Instant(e.At), e.Subject, e.Role, e.Rpc, e.Action,
                e.RecordIds.ToList(), e.Purpose, e.Outcome)).ToList(),
            Wire.Text(response.NextPageToken));
    }

    public async Task<ChainStatus> VerifyAsync(CancellationToken cancellationToken)
    {
        var r = await connection.CallAsync(Purpose.Audit, o => _audit.VerifyChainAsync(new V1.VerifyChainRequest(), o), cancellationToken, TimeSpan.FromMinutes(2));
        return new ChainStatus(r.Intact, r.EntriesChecked, r.Intact ? null : r.FirstBrokenSequence, Wire.Text(r.Problem), r.BrokenCount,
            r.Broken.Select(b => (b.Sequence, b.Problem)).ToList());
    }
}
