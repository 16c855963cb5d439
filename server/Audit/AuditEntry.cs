namespace OffenderMgmt.Server.Audit;

/// <summary>
/// One line of the audit trail (DPA 2018 s.62 logging of law enforcement processing): who did what to
/// which records, when, why, and how it ended. Each entry's hash covers its content and the
/// previous entry's hash, so altering or removing an entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Entries written before the record digest (hash without it).</summary>
    public const int LegacyFormat = 1;

    /// <summary>Entries whose hash covers the digest of every record id in their reference rows.</summary>
    public const int DigestFormat = 2;

    /// <summary>
    /// Entries whose record ids are the set stored once under their digest (<see cref="AuditRecordSet"/>),
    /// not reference rows of their own. The hash covers the same fields as the digest format's.
    /// </summary>
    public const int SetFormat = 3;

    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Subject { get; set; } = "";
    public Guid? OfficerId { get; set; }
    public string Role { get; set; } = "";
    public string Rpc { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>Ids of the records touched, space separated, clipped: for reading. The full list is its record set.</summary>
    public string RecordIds { get; set; } = "";
    /// <summary>How many records the call touched (the rows of its record set).</summary>
    public int RecordCount { get; set; }
    /// <summary>SHA-256 of the sorted record ids (<see cref="AuditChain.RecordsDigest"/>): the key of the entry's record set.</summary>
    public string RecordsDigest { get; set; } = "";
    public int Format { get; set; } = SetFormat;
    public string Purpose { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public enum AuditAction
{
    Read = 1,
    Create = 2,
    Update = 3,
    Disclose = 4,
    Delete = 5,
    SignIn = 6,
}
