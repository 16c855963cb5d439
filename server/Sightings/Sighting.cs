namespace OffenderMgmt.Server.Sightings;

/// <summary>
/// A person seen at a place and time, reported by an officer. It is intelligence for the
/// responsible officer and is evaluated against the person's conditions as it arrives.
/// </summary>
public sealed class Sighting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string Location { get; set; } = "";
    public string? AreaCode { get; set; }
    /// <summary>Other people on the system seen with them.</summary>
    public List<Guid> WithPersonIds { get; set; } = [];
    /// <summary>Restricted: the intelligence text.</summary>
    public string Text { get; set; } = "";
    public Guid? ReportedByOfficerId { get; set; }
    public string ReportedBy { get; set; } = "";
    public SightingVerdict Verdict { get; set; }
    public string VerdictReasons { get; set; } = "";
    public Guid? BreachId { get; set; }
    /// <summary>The vehicle seen (compact registration mark), when the sighting was of a vehicle.</summary>
    public string? Registration { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public enum SightingVerdict { NoBreach = 1, Breach = 2, NotEnoughInformation = 3 }
