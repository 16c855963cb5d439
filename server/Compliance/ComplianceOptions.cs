using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// How often checks fall due (section "Compliance"). Defaults follow DESIGN.md; forces set
/// their own. Condition-specific cadences (financial reporting, device inspection) come from
/// the condition itself.
/// </summary>
public sealed class ComplianceOptions
{
    /// <summary>Home visits to a registered sex offender, by risk: very high monthly ... low yearly.</summary>
    public Dictionary<RiskLevel, int> RsoHomeVisitMonths { get; set; } = new()
    {
        [RiskLevel.VeryHigh] = 1,
        [RiskLevel.High] = 3,
        [RiskLevel.Medium] = 6,
        [RiskLevel.Low] = 12,
    };

    /// <summary>Days between curfew spot checks.</summary>
    public int CurfewCheckDays { get; set; } = 14;

    /// <summary>When a visit finds nobody in, try again this many days later.</summary>
    public int NoAccessRetryDays { get; set; } = 7;

    /// <summary>An outcome may be recorded up to this many days before the due date (or half the interval, if less).</summary>
    public int MaxDaysEarly { get; set; } = 30;

    public int HomeVisitMonths(RiskLevel risk) =>
        RsoHomeVisitMonths.TryGetValue(risk, out var months) ? months : RsoHomeVisitMonths[RiskLevel.Low];
}
