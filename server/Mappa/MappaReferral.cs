namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// A referral of a case to a level 2 or level 3 MAPPA meeting (MAPPA Guidance chapter 7,
/// "Levels of management", and chapter 13a): its category, the level proposed and why. It is
/// on the agenda of the next meeting at that level until minutes are recorded for it there.
/// </summary>
public sealed class MappaReferral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid ManagementId { get; set; }
    /// <summary>MAPPA category: 1 registered sexual offender, 2 violent and other sexual, 3 other dangerous, 4 terrorism (Criminal Justice Act 2003 s.325, s.327).</summary>
    public int Category { get; set; }
    public int ProposedLevel { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly ReferredOn { get; set; }
    public string ReferredBy { get; set; } = "";
    /// <summary>The meeting whose minutes heard it; null while it waits.</summary>
    public Guid? HeardAtMeetingId { get; set; }
}
