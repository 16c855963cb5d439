namespace OffenderMgmt.Server.Retention;

/// <summary>
/// The kinds of record reviewed for retention: records about one person made at one time
/// (a sighting is intelligence; the others casework), and the whole person, whose disposal
/// erases every record of theirs.
/// </summary>
public enum RetainedRecordKind
{
    Sighting = 1, ContactNote = 2, ComplianceCheck = 3, Breach = 4, Notification = 5, RiskAssessment = 6, Photo = 7, Identifier = 8, Person = 9,
}

public enum ReviewOutcome { Retain = 1, Dispose = 2 }

/// <summary>
/// The MoPI retention groups (College of Policing APP "Information management: retention,
/// review and disposal"): group 1 certain public protection matters, group 2 other sexual,
/// violent or serious offences, group 3 all other offences, group 4 undetected crime.
/// </summary>
public enum MopiGroup { PublicProtection = 1, SeriousOffending = 2, OtherOffending = 3, Undetected = 4 }

/// <summary>
/// One review decision on one record. A disposal's row is what remains of the record: its
/// kind, its id and whose it was, who decided and why; no content of the record. Rows are
/// only added, never changed: the last one for a record is its standing decision.
/// </summary>
public sealed class RetentionReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public RetainedRecordKind Kind { get; set; }
    public Guid RecordId { get; set; }
    public Guid PersonId { get; set; }
    public ReviewOutcome Outcome { get; set; }
    public MopiGroup Group { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>When a retained record is next reviewed; null for a disposal.</summary>
    public DateOnly? NextReviewOn { get; set; }
    public string ReviewedBy { get; set; } = "";
    public Guid? ReviewerOfficerId { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}
