using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>Reads the server's audit log (as the demo administrator), to see what the client really sent.</summary>
public static class AuditTrail
{
    /// <summary>The account's entries, newest first: which RPC, with what purpose, how it ended.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> OfAsync(ServerFactory server, string username)
    {
        var audit = new Audit.AuditClient(await server.As("demo.admin", "audit"));
        var response = await audit.QueryAsync(new QueryAuditRequest { Subject = username, PageSize = 500 });
        return response.Entries;
    }

    /// <summary>The purpose of the account's latest call to <paramref name="method"/> (e.g. "People/GetPerson").</summary>
    public static async Task<string> LatestPurposeAsync(ServerFactory server, string username, string method)
    {
        var entries = await OfAsync(server, username);
        var entry = entries.FirstOrDefault(e => e.Rpc.EndsWith(method, StringComparison.Ordinal));
        Assert.True(entry is not null, $"{username} made no {method} call.");
        return entry.Purpose;
    }
}

public static class AuditTrailRecords
{
    /// <summary>The entries that touched a record (e.g. a person), newest first.</summary>
    public static async Task<IReadOnlyList<OffenderMgmt.Contracts.V1.AuditEntry>> TouchingAsync(ServerFactory server, string recordId)
    {
        var audit = new OffenderMgmt.Contracts.V1.Audit.AuditClient(await server.As("demo.admin", "audit"));
        var response = await audit.QueryAsync(new OffenderMgmt.Contracts.V1.QueryAuditRequest { RecordId = recordId, PageSize = 500 });
        return response.Entries;
    }
}
