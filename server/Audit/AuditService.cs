using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Audit;

/// <summary>gRPC Audit service: search the trail, and check nobody has tampered with it.</summary>
public sealed class AuditService(OffenderMgmtDb db, ForceClock clock) : V1.Audit.AuditBase
{
    public override async Task<V1.QueryAuditResponse> Query(V1.QueryAuditRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var recordId = v.Optional("record_id", request.RecordId, 64);
        var officer = v.Id("officer_id", request.OfficerId, required: false);
        var subject = v.Optional("subject", request.Subject, 100).ToLowerInvariant();
        var pageSize = Paging.PageSize(request.PageSize);
        var from = v.Instant("from", request.From, TimeBounds.Search, clock);
        var to = v.Instant("to", request.To, TimeBounds.Search, clock);
        if (from > to) v.Add("to", "must not be before from");
        var after = Paging.Decode(request.PageToken, 1);
        long? before = after is null ? null : long.TryParse(after[0], out var s) ? s : throw new ValidationException("page_token", "is not a page token this list returned");
        v.ThrowIfInvalid();

        var entries = db.AuditEntries.AsNoTracking();
        if (recordId.Length > 0)
            entries = entries.Touching(db, recordId);
        if (officer != Guid.Empty) entries = entries.Where(e => e.OfficerId == officer);
        if (subject.Length > 0) entries = entries.Where(e => e.Subject == subject);
        if (from is { } f) entries = entries.Where(e => e.At >= f);
        if (to is { } t) entries = entries.Where(e => e.At <= t);
        if (before is { } b) entries = entries.Where(e => e.Sequence < b);
        var page = await entries.OrderByDescending(e => e.Sequence).Take(pageSize + 1).ToListAsync(context.CancellationToken);

        var response = new V1.QueryAuditResponse
        {
            NextPageToken = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "",
        };
        var shown = page.Take(pageSize).ToList();
        // Every record an entry touched, from its record set or reference rows (the readable column is clipped).
        var references = await AuditLog.RecordIdsAsync(db, shown, context.CancellationToken);
        response.Entries.AddRange(shown.Select(e => ToMessage(e, references[e.Sequence])));
        return response;
    }

    public override async Task<V1.VerifyChainResponse> VerifyChain(V1.VerifyChainRequest request, ServerCallContext context)
    {
        var result = await AuditLog.VerifyAsync(db, context.CancellationToken);
        var response = new V1.VerifyChainResponse
        {
            Intact = result.Intact,
            EntriesChecked = result.EntriesChecked,
            FirstBrokenSequence = result.FirstBrokenSequence ?? 0,
            Problem = result.Problem,
            BrokenCount = result.BrokenCount,
        };
        response.Broken.AddRange(result.Broken.Select(b => new V1.BrokenAuditEntry { Sequence = b.Sequence, Problem = b.Problem }));
        return response;
    }

    private static V1.AuditEntry ToMessage(AuditEntry entry, IEnumerable<string> recordIds)
    {
        var message = new V1.AuditEntry
        {
            Sequence = entry.Sequence,
            At = Timestamp.FromDateTimeOffset(entry.At),
            Subject = entry.Subject,
            OfficerId = entry.OfficerId?.ToString() ?? "",
            Role = entry.Role,
            Rpc = entry.Rpc,
            Action = entry.Action switch
            {
                AuditAction.SignIn => "sign-in",
                var a => a.ToString().ToLowerInvariant(),
            },
            Purpose = entry.Purpose,
            Outcome = entry.Outcome,
            Hash = entry.Hash,
        };
        message.RecordIds.AddRange(recordIds.Order(StringComparer.Ordinal));
        return message;
    }
}
