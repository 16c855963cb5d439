using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// A level 2 or level 3 MAPPA meeting (MAPPA Guidance chapter 13a): when, who chairs, which
/// agencies are invited. Until minutes are recorded its agenda is worked out afresh from the
/// cases (<see cref="MappaAgenda"/>); the minutes fix it, one <see cref="MappaMeetingCase"/> per case.
/// </summary>
public sealed class MappaMeeting : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Level { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Chair { get; set; } = "";
    public List<string> Agencies { get; set; } = [];
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public DateTimeOffset? MinutesRecordedAt { get; set; }
    public string MinutesRecordedBy { get; set; } = "";
    public string ScheduledBy { get; set; } = "";
    public long Version { get; set; }

    public bool IsMinuted => MinutesRecordedAt is not null;

    /// <summary>Whether the agency is invited to or attended the meeting (names compared without case).</summary>
    public bool Includes(string agency) =>
        Agencies.Concat(Attendees.Select(a => a.Agency)).Any(a => string.Equals(a.Trim(), agency.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record MeetingAttendee(string Agency, string Name);
