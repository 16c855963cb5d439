using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A record due for review under MoPI, as the reviewer sees it.</summary>
public sealed record DueForReview(
    string Kind, V1.RetainedRecordKind WireKind, string RecordId, string PersonId, string PersonName, DateOnly? RecordedOn, int MopiGroup,
    DateOnly? DueOn, string Summary, string LastDecision);

/// <summary>The Retention service: records due for review, and decisions on them.</summary>
public sealed class RetentionGateway(ServerConnection connection)
{
    private const int MaxRows = 5000;
    private readonly V1.Retention.RetentionClient _retention = new(connection.Invoker);

    /// <summary>Every kind of record the server reviews, in words: one and many (an explicit table; a test checks it covers the enum).</summary>
    public static readonly IReadOnlyDictionary<V1.RetainedRecordKind, (string One, string Many)> Kinds = new Dictionary<V1.RetainedRecordKind, (string, string)>
    {
        [V1.RetainedRecordKind.Sighting] = ("sighting", "Sightings"),
        [V1.RetainedRecordKind.ContactNote] = ("contact note", "Contact notes"),
        [V1.RetainedRecordKind.ComplianceCheck] = ("check", "Checks"),
        [V1.RetainedRecordKind.Breach] = ("breach", "Breaches"),
        [V1.RetainedRecordKind.Notification] = ("notification", "Notifications"),
        [V1.RetainedRecordKind.RiskAssessment] = ("risk assessment", "Risk assessments"),
        [V1.RetainedRecordKind.Photo] = ("photo", "Photos"),
        [V1.RetainedRecordKind.Identifier] = ("identifier", "Identifiers"),
        [V1.RetainedRecordKind.Person] = ("person record", "Whole people"),
    };

    /// <summary>Records due for review, of one kind or (Unspecified) every kind.</summary>
    public async Task<IReadOnlyList<DueForReview>> DueAsync(V1.RetainedRecordKind kind, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = new List<DueForReview>();
        var request = new V1.ListDueForReviewRequest { PageSize = 500, Kind = kind };
        do
        {
            var page = await connection.CallAsync(purpose, o => _retention.ListDueForReviewAsync(request, o), cancellationToken);
            rows.AddRange(page.Records.Select(r => new DueForReview(
                Kinds.TryGetValue(r.Kind, out var words) ? words.One : "record", r.Kind, r.RecordId, r.PersonId, r.PersonName,
                Wire.Date(r.RecordedOn), r.MopiGroup, Wire.Date(r.DueOn), r.Summary, r.LastDecision)));
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && rows.Count < MaxRows);
        return rows;
    }

    /// <summary>Retain until <paramref name="nextReview"/>, or (with null) dispose of the record: erased on the server.</summary>
    public async Task DecideAsync(DueForReview record, DateOnly? nextReview, string reason, string requestId, Purpose purpose, CancellationToken cancellationToken) =>
        await connection.CallAsync(purpose, o => _retention.RecordReviewDecisionAsync(new V1.RecordReviewDecisionRequest
        {
            Kind = record.WireKind, RecordId = record.RecordId, Reason = reason, RequestId = requestId,
            Outcome = nextReview is null ? V1.ReviewOutcome.Dispose : V1.ReviewOutcome.Retain, NextReviewOn = Wire.Date(nextReview),
        }, o), cancellationToken);
}
