namespace OffenderMgmt.Server.Mappa;

/// <summary>MAPPA meeting rules (section "Mappa"); defaults from the MAPPA Guidance.</summary>
public sealed class MappaOptions
{
    /// <summary>
    /// Longest interval, in weeks, between reviews of a case at each level: MAPPA Guidance
    /// chapter 13a ("MAPPA meetings") has level 2 cases reviewed at least every 16 weeks and
    /// level 3 cases at least every 8 weeks.
    /// </summary>
    public Dictionary<int, int> ReviewWeeks { get; set; } = new() { [2] = 16, [3] = 8 };

    /// <summary>A release from custody expected within this many days of the meeting puts the case on its agenda.</summary>
    public int ReleaseHorizonDays { get; set; } = 56;

    /// <summary>
    /// A partner agency sees the cases of meetings it attends that were held at most this many
    /// days ago, or are still to come.
    /// </summary>
    public int PartnerSeesMeetingsForDays { get; set; } = 120;

    public int ReviewWeeksFor(int level) => ReviewWeeks.GetValueOrDefault(level, 16);

    public IEnumerable<string> Problems()
    {
        foreach (var level in new[] { 2, 3 })
            if (ReviewWeeks.GetValueOrDefault(level) is < 1 or > 52) yield return $"Mappa:ReviewWeeks:{level} must be 1 to 52 weeks";
        if (ReviewWeeks.Keys.Any(k => k is not (2 or 3))) yield return "Mappa:ReviewWeeks is for levels 2 and 3 only";
        if (ReleaseHorizonDays is < 0 or > 365) yield return "Mappa:ReleaseHorizonDays must be 0 to 365";
        if (PartnerSeesMeetingsForDays is < 0 or > 730) yield return "Mappa:PartnerSeesMeetingsForDays must be 0 to 730";
    }
}
