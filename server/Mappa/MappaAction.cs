namespace OffenderMgmt.Server.Mappa;

/// <summary>An action a MAPPA meeting agreed for a case: what, by which agency or officer, by when.</summary>
public sealed class MappaAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid ManagementId { get; set; }
    public Guid PersonId { get; set; }
    public string What { get; set; } = "";
    public string OwnerAgency { get; set; } = "";
    public Guid? OwnerOfficerId { get; set; }
    public DateOnly? DueOn { get; set; }
}
