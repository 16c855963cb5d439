namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// A case on a minuted meeting's agenda, with why it was there and the meeting's minutes for
/// it: the decision, the level decided, and whether disclosure to a third party was considered
/// and decided, with the rationale (MAPPA Guidance chapter 9, "Disclosure"; the Criminal
/// Justice Act 2003 s.327A requires disclosure to be considered for child sex offenders).
/// Restricted casework.
/// </summary>
public sealed class MappaMeetingCase
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid ManagementId { get; set; }
    public Guid PersonId { get; set; }
    public List<MappaAgendaReason> Reasons { get; set; } = [];
    public List<string> Details { get; set; } = [];
    public bool Minuted { get; set; }
    public string Decision { get; set; } = "";
    public int? Level { get; set; }
    public bool DisclosureConsidered { get; set; }
    public DisclosureDecision? DisclosureDecision { get; set; }
    public string DisclosureRationale { get; set; } = "";
}

public enum MappaAgendaReason
{
    NewReferral = 1,
    ReviewDue = 2,
    RiskChange = 3,
    Breach = 4,
    PendingRelease = 5,
}

public enum DisclosureDecision { Disclose = 1, DoNotDisclose = 2 }
