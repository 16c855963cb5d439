using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Retention;

/// <summary>The kinds of record under review in a sentence's words ("no contact note 3f…").</summary>
public static class RetentionWords
{
    public static readonly WordTable<RetainedRecordKind> Kinds = new(new Dictionary<RetainedRecordKind, string>
    {
        [RetainedRecordKind.Sighting] = "sighting", [RetainedRecordKind.ContactNote] = "contact note",
        [RetainedRecordKind.ComplianceCheck] = "compliance check", [RetainedRecordKind.Breach] = "breach",
        [RetainedRecordKind.Notification] = "notification", [RetainedRecordKind.RiskAssessment] = "risk assessment",
        [RetainedRecordKind.Photo] = "photo", [RetainedRecordKind.Identifier] = "identifier", [RetainedRecordKind.Person] = "person",
    });
}
