namespace OffenderMgmt.Tui.Gateway;

/// <summary>A contact with a managed person and what was noted.</summary>
public sealed record ContactEntry(string Id, DateTimeOffset? At, string Kind, string? Text, string? RecordedBy);

/// <summary>How the contact was made; the values match the API's ContactKind.</summary>
public enum ContactType
{
    HomeVisit = 1,
    OfficeAppointment = 2,
    Phone = 3,
    Other = 4,
}

public static class ContactTypeWords
{
    public static string Describe(this ContactType type) => type switch
    {
        ContactType.HomeVisit => "Home visit",
        ContactType.OfficeAppointment => "Office appointment",
        ContactType.Phone => "Phone call",
        ContactType.Other => "Other",
        _ => type.ToString(),
    };
}
