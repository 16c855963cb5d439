namespace OffenderMgmt.Server.Access;

/// <summary>
/// Limits on analysts' grants (section "Access"): a grant names at most
/// <see cref="MaxPeoplePerGrant"/> people and lasts at most <see cref="MaxGrantDays"/> days, so
/// access to person-level records stays exceptional and time-limited (DPA 2018 s.35(3), s.37:
/// data adequate, relevant and not excessive, kept no longer than necessary). Force policy,
/// not law, sets the figures.
/// </summary>
public sealed class AccessOptions
{
    public int MaxGrantDays { get; set; } = 90;
    public int MaxPeoplePerGrant { get; set; } = 50;

    /// <summary>The most <see cref="MaxPeoplePerGrant"/> may be set to, and what a request is read up to.</summary>
    public const int PeopleLimit = 1000;

    /// <summary>The most analysts' accounts <c>Access/ListAnalysts</c> returns (a force has tens).</summary>
    public const int MaxAnalystsListed = 500;
}
