using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Risk;

/// <summary>
/// Risk assessment and plan rules that forces set for themselves (section "Risk"). Defaults are
/// a starting point drawn from the guidance cited on each; a force overrides single entries.
/// </summary>
public sealed class RiskOptions
{
    /// <summary>
    /// Days a high or very high risk case may go without an approved risk management plan
    /// (counted from when it became high, or from enrolment) before a task is raised. The APP
    /// on managing sexual offenders and violent offenders expects a plan for every case
    /// assessed; 28 days is this system's default, not a figure from the guidance.
    /// </summary>
    public int PlanRequiredWithinDays { get; set; } = 28;

    /// <summary>
    /// Months from completion to the next review, by tool and by the level it gave. RM2000 is
    /// a static (actuarial) score, re-scored yearly or on a new conviction; ARMS is dynamic and
    /// reviewed more often the higher the risk (College of Policing APP, "Identifying,
    /// assessing and managing risk": review on any significant change and at intervals set by
    /// risk); OASys is probation's, reviewed at least every 16 weeks for high-risk cases
    /// (HMPPS OASys manual), about 4 months; DASH is re-checked after a new incident or
    /// quarterly. A level missing for a tool uses the tool's Unspecified entry, then 12 months.
    /// </summary>
    public Dictionary<AssessmentTool, Dictionary<RiskLevel, int>> ReviewMonths { get; set; } = new()
    {
        [AssessmentTool.Rm2000Sexual] = new() { [RiskLevel.Unspecified] = 12 },
        [AssessmentTool.Rm2000Violent] = new() { [RiskLevel.Unspecified] = 12 },
        [AssessmentTool.Arms] = new() { [RiskLevel.VeryHigh] = 3, [RiskLevel.High] = 6, [RiskLevel.Medium] = 12, [RiskLevel.Low] = 12 },
        [AssessmentTool.OasysRosh] = new() { [RiskLevel.VeryHigh] = 4, [RiskLevel.High] = 4, [RiskLevel.Unspecified] = 6 },
        [AssessmentTool.Dash] = new() { [RiskLevel.High] = 3, [RiskLevel.Unspecified] = 6 },
        [AssessmentTool.Other] = new() { [RiskLevel.Unspecified] = 12 },
    };

    /// <summary>Months from approval to a plan's review, by the case's risk (MAPPA Guidance 13b: the plan is reviewed with the case).</summary>
    public Dictionary<RiskLevel, int> PlanReviewMonths { get; set; } = new()
    {
        [RiskLevel.VeryHigh] = 3, [RiskLevel.High] = 3, [RiskLevel.Medium] = 6, [RiskLevel.Low] = 12, [RiskLevel.Unspecified] = 6,
    };

    /// <summary>Review tasks for assessments and plans are raised this many days before the review date.</summary>
    public int ReviewTaskLeadDays { get; set; } = 14;

    public IEnumerable<string> Problems()
    {
        if (PlanRequiredWithinDays is < 1 or > 365) yield return "Risk:PlanRequiredWithinDays must be 1 to 365";
        if (ReviewTaskLeadDays is < 0 or > 90) yield return "Risk:ReviewTaskLeadDays must be 0 to 90";
        foreach (var (tool, byLevel) in ReviewMonths)
            foreach (var (level, months) in byLevel)
                if (months is < 1 or > 60) yield return $"Risk:ReviewMonths:{tool}:{level} must be 1 to 60 months";
        foreach (var (level, months) in PlanReviewMonths)
            if (months is < 1 or > 60) yield return $"Risk:PlanReviewMonths:{level} must be 1 to 60 months";
    }
}
