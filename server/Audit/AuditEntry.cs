namespace OffenderMgmt.Server.Audit;

/// <summary>
/// One line of the append-only audit log (Data Protection Act 2018 s.62): who did what to
/// which records, when, why, and how it ended. Each entry's hash covers its content and the
/// previous entry's hash, so altering or removing an entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Subject { get; set; } = "";
    public Guid? OfficerId { get; set; }
    public string Role { get; set; } = "";
    public string Rpc { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>Ids of the records touched, space separated.</summary>
    public string RecordIds { get; set; } = "";
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
