namespace OffenderMgmt.Server.Caseload;

/// <summary>A contact with a managed person (a visit, a call, an office appointment).</summary>
public sealed class ContactNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid? ManagementId { get; set; }
    public Guid? OfficerId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public ContactKind Kind { get; set; }
    /// <summary>Restricted: what was said and seen.</summary>
    public string Text { get; set; } = "";
}

public enum ContactKind { HomeVisit = 1, OfficeAppointment = 2, Phone = 3, Other = 4 }
