namespace OffenderMgmt.Server.Access;

/// <summary>
/// A supervisor's grant that lets one analyst read the person-level records of named people,
/// for a stated purpose, until it expires or is revoked (issue 19). Without one, an analyst
/// reads aggregates only. Grants are kept after they end, as the record of who could see what.
/// </summary>
public sealed class AnalystGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The analyst's sign-in name (lower case), as their token carries it.</summary>
    public string Analyst { get; set; } = "";
    /// <summary>What the analysis is for, e.g. "problem profile: burglary in Luton South".</summary>
    public string Purpose { get; set; } = "";
    /// <summary>Why these people in particular.</summary>
    public string Reason { get; set; } = "";
    public string GrantedBy { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string RevokedBy { get; set; } = "";
    public string RevokedReason { get; set; } = "";

    public List<AnalystGrantPerson> People { get; set; } = [];

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
