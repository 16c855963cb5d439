using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Retention;

/// <summary>Maps review records to their messages (no queries).</summary>
public static class RetentionMessages
{
    public static readonly EnumTable<RetainedRecordKind, V1.RetainedRecordKind> Kinds = new(new Dictionary<RetainedRecordKind, V1.RetainedRecordKind>
    {
        [RetainedRecordKind.Sighting] = V1.RetainedRecordKind.Sighting,
        [RetainedRecordKind.ContactNote] = V1.RetainedRecordKind.ContactNote,
        [RetainedRecordKind.ComplianceCheck] = V1.RetainedRecordKind.ComplianceCheck,
        [RetainedRecordKind.Breach] = V1.RetainedRecordKind.Breach,
        [RetainedRecordKind.Notification] = V1.RetainedRecordKind.Notification,
        [RetainedRecordKind.RiskAssessment] = V1.RetainedRecordKind.RiskAssessment,
        [RetainedRecordKind.Photo] = V1.RetainedRecordKind.Photo,
        [RetainedRecordKind.Identifier] = V1.RetainedRecordKind.Identifier,
        [RetainedRecordKind.Person] = V1.RetainedRecordKind.Person,
    });

    public static readonly EnumTable<ReviewOutcome, V1.ReviewOutcome> Outcomes = new(new Dictionary<ReviewOutcome, V1.ReviewOutcome>
    {
        [ReviewOutcome.Retain] = V1.ReviewOutcome.Retain,
        [ReviewOutcome.Dispose] = V1.ReviewOutcome.Dispose,
    });

    public static V1.DueRecord Due(DueRecord record) => new()
    {
        Kind = Kinds.ToProto(record.Kind), RecordId = record.RecordId.ToString(), PersonId = record.PersonId.ToString(), PersonName = record.PersonName,
        RecordedOn = IsoDate.Format(record.RecordedOn), MopiGroup = (int)record.Group, DueOn = IsoDate.Format(record.DueOn),
        Summary = record.Summary, LastDecision = record.LastDecision,
    };

    public static V1.ReviewDecision Decision(RetentionReview review, ForceClock clock) => new()
    {
        Id = review.Id.ToString(), Kind = Kinds.ToProto(review.Kind), RecordId = review.RecordId.ToString(), Outcome = Outcomes.ToProto(review.Outcome),
        Reason = review.Reason, NextReviewOn = IsoDate.Format(review.NextReviewOn), ReviewedBy = review.ReviewedBy,
        ReviewedOn = IsoDate.Format(DateOnly.FromDateTime(clock.ToLocal(review.ReviewedAt).DateTime)),
    };
}
