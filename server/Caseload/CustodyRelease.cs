namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// A release from custody, as the person's record showed it (in custody, then in the
/// community). A registered sex offender must notify within 3 days of release (Sexual Offences
/// Act 2003 s.84(1)(d)), and a periodic notification that fell due inside is due then (s.85(3)).
/// </summary>
public sealed class CustodyRelease
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public DateOnly ReleasedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
