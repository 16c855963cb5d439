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

    public int MonthsFor(Scheme scheme) => scheme switch
    {
        Scheme.Vsomt => VsomtMonths,
        Scheme.Iom => IomMonths,
        _ => SocLifetimeMonths,
    };
}
