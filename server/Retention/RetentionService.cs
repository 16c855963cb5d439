using Grpc.Core;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Retention;

/// <summary>gRPC Retention service: guards and maps, calls <see cref="RetentionDesk"/>.</summary>
public sealed class RetentionService(RetentionDesk desk, CallAudit audit, IOptions<RetentionOptions> options, ForceClock clock) : V1.Retention.RetentionBase
{
    public override async Task<V1.ListDueForReviewResponse> ListDueForReview(V1.ListDueForReviewRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var kind = RetentionMessages.Kinds.Optional(v, "kind", request.Kind);
        v.ThrowIfInvalid();
        var (records, next) = await desk.ListDueAsync(kind, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(records.SelectMany(r => new[] { r.RecordId, r.PersonId }));
        var response = new V1.ListDueForReviewResponse { NextPageToken = next };
        response.Records.AddRange(records.Select(RetentionMessages.Due));
        return response;
    }

    public override async Task<V1.ReviewDecision> RecordReviewDecision(V1.RecordReviewDecisionRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var kind = RetentionMessages.Kinds.Required(v, "kind", request.Kind);
        var id = v.Id("record_id", request.RecordId);
        var outcome = RetentionMessages.Outcomes.Required(v, "outcome", request.Outcome);
        var reason = v.Required("reason", request.Reason, 2000);
        var next = v.Date("next_review_on", request.NextReviewOn, TimeBounds.Planned, clock);
        if (outcome == ReviewOutcome.Retain && v.IsValid)
        {
            if (next is null) v.Add("next_review_on", "is required to retain a record: when it is next reviewed");
            else if (next <= clock.Today) v.Add("next_review_on", "must be after today");
            else if (next > clock.Today.AddYears(options.Value.MaxRetainYears))
                v.Add("next_review_on", $"must be within {options.Value.MaxRetainYears} years (Retention:MaxRetainYears)");
        }
        if (outcome == ReviewOutcome.Dispose && !string.IsNullOrEmpty(request.NextReviewOn))
            v.Add("next_review_on", "must be empty when disposing of a record");
        v.ThrowIfInvalid();
        audit.Touched(id);
        if (outcome == ReviewOutcome.Dispose) audit.Was(AuditAction.Delete);
        var review = await desk.DecideAsync(kind, id, outcome, reason, next, context.CancellationToken);
        audit.Touched(review.PersonId);
        audit.Touched(review.Id);
        audit.Noted($"{(outcome == ReviewOutcome.Dispose ? "erased" : "retained")} {ReportsWords(kind)}: {reason}");
        return RetentionMessages.Decision(review, clock);
    }

    private static string ReportsWords(RetainedRecordKind kind) => RetentionWords.Kinds[kind];
}
