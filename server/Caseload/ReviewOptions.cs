namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// How often managed people are reviewed (section "Reviews"), by register, from probation
/// practice: RSOs, SHPO/SRO subjects and MAPPA cases every 3 months; IOM and organised crime
/// every 6. Review-due tasks are raised this many days ahead.
/// </summary>
public sealed class ReviewOptions
{
    public int VsomtMonths { get; set; } = 3;
    public int IomMonths { get; set; } = 6;
    public int SocLifetimeMonths { get; set; } = 6;
    public int RaiseTaskDaysAhead { get; set; } = 14;
    /// <summary>A pre-release review is due this many days before release.</summary>
    public int PreReleaseReviewDays { get; set; } = 14;

    /// <summary>
    /// MAPPA cases managed at level 2 or 3 are reviewed at MAPPA meetings at least every 16 and
    /// 8 weeks (MAPPA Guidance, Ministry of Justice; docs/DESIGN.md); level 1 is ordinary agency
    /// management, reviewed at the scheme's cadence (<see cref="VsomtMonths"/>).
    /// </summary>
    public Dictionary<int, int> MappaLevelWeeks { get; set; } = new() { [2] = 16, [3] = 8 };

    /// <summary>When a case reviewed on <paramref name="from"/> is next reviewed: by MAPPA level for VSOMT cases at level 2 or 3.</summary>
    public DateOnly NextReview(Management management, DateOnly from) =>
        management.Scheme == Scheme.Vsomt && management.MappaLevel is { } level && MappaLevelWeeks.TryGetValue(level, out var weeks)
            ? from.AddDays(7 * weeks)
            : from.AddMonths(MonthsFor(management.Scheme));

    public int MonthsFor(Scheme scheme) => scheme switch
    {
        Scheme.Vsomt => VsomtMonths,
        Scheme.Iom => IomMonths,
        _ => SocLifetimeMonths,
    };
}
