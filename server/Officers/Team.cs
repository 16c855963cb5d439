namespace OffenderMgmt.Server.Officers;

/// <summary>
/// A team of officers. A team also owns the cases and orders its officers cannot (an orphaned
/// case sits in its team's queue until a supervisor reallocates it).
/// </summary>
public sealed class Team
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public TeamKind Kind { get; set; }
    /// <summary>For local community teams: the district they police.</summary>
    public string? DistrictCode { get; set; }
    public string Phone { get; set; } = "";
}

public enum TeamKind
{
    Iom = 1,
    Vsomt = 2,
    SeriousOrganisedCrime = 3,
    LocalCommunity = 4,
}
