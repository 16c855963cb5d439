using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Risk;

/// <summary>
/// The rules of risk assessment and planning, without a database: what level a result gives,
/// what each tool's result must contain, when an assessment or a plan is next reviewed, when a
/// high-risk case must have an approved plan, and whether an edit needs a fresh approval.
/// </summary>
public static class RiskRules
{
    /// <summary>
    /// The level a result gives. RM2000/S and RM2000/V: the category (Thornton, Risk Matrix
    /// 2000 scoring guide: low, medium, high, very high). ARMS: the assessor's resulting level
    /// from the risk and protective factors. OASys RoSH: the highest level in any group (OASys
    /// manual: the overall risk of serious harm is the highest of children, public, known
    /// adult and staff). DASH: standard, medium or high (SafeLives DASH checklist; "standard"
    /// read as low). Another tool: the level it gives, if any.
    /// </summary>
    public static RiskLevel LevelFrom(AssessmentTool tool, AssessmentResult result) => tool switch
    {
        AssessmentTool.Rm2000Sexual or AssessmentTool.Rm2000Violent => result.Category ?? RiskLevel.Unspecified,
        AssessmentTool.Arms => result.ArmsLevel ?? RiskLevel.Unspecified,
        AssessmentTool.OasysRosh => new[] { result.RoshChildren, result.RoshPublic, result.RoshKnownAdult, result.RoshStaff }
            .Select(l => l ?? RiskLevel.Unspecified).Max(),
        AssessmentTool.Dash => result.DashLevel switch
        {
            DashLevel.High => RiskLevel.High,
            DashLevel.Medium => RiskLevel.Medium,
            DashLevel.Standard => RiskLevel.Low,
            _ => RiskLevel.Unspecified,
        },
        _ => result.OtherLevel ?? RiskLevel.Unspecified,
    };

    /// <summary>Checks the result holds what its tool needs (field names are the request's).</summary>
    public static void Validate(AssessmentTool tool, AssessmentResult result, string? resultField, Validator v)
    {
        string Expected(AssessmentTool t) => t switch
        {
            AssessmentTool.Rm2000Sexual or AssessmentTool.Rm2000Violent => "rm2000",
            AssessmentTool.Arms => "arms",
            AssessmentTool.OasysRosh => "oasys_rosh",
            AssessmentTool.Dash => "dash",
            _ => "other",
        };
        var expected = Expected(tool);
        if (resultField is null) { v.Add(expected, $"is required: the result of the {tool} assessment"); return; }
        if (resultField != expected) { v.Add(resultField, $"is not the result of a {tool} assessment; send {expected}"); return; }
        switch (tool)
        {
            case AssessmentTool.Rm2000Sexual or AssessmentTool.Rm2000Violent:
                Level(v, "rm2000.category", result.Category, required: true);
                break;
            case AssessmentTool.Arms:
                Level(v, "arms.level", result.ArmsLevel, required: true);
                if (result.ArmsRiskFactors.Any(f => !Enum.IsDefined(f))) v.Add("arms.risk_factors", "has an unknown factor");
                if (result.ArmsProtectiveFactors.Any(f => !Enum.IsDefined(f))) v.Add("arms.protective_factors", "has an unknown factor");
                if (result.ArmsRiskFactors.Distinct().Count() != result.ArmsRiskFactors.Count) v.Add("arms.risk_factors", "names a factor twice");
                if (result.ArmsProtectiveFactors.Distinct().Count() != result.ArmsProtectiveFactors.Count) v.Add("arms.protective_factors", "names a factor twice");
                break;
            case AssessmentTool.OasysRosh:
                Level(v, "oasys_rosh.children", result.RoshChildren, required: true);
                Level(v, "oasys_rosh.public", result.RoshPublic, required: true);
                Level(v, "oasys_rosh.known_adult", result.RoshKnownAdult, required: true);
                Level(v, "oasys_rosh.staff", result.RoshStaff, required: true);
                break;
            case AssessmentTool.Dash:
                if (result.DashLevel is not { } dash || !Enum.IsDefined(dash)) v.Add("dash.level", "is required (standard, medium or high)");
                // The DASH checklist has 27 questions.
                if (result.DashYesAnswers is < 0 or > 27) v.Add("dash.yes_answers", "must be 0 to 27");
                break;
            default:
                v.Required("other.tool_name", result.ToolName, 100);
                Level(v, "other.level", result.OtherLevel, required: false);
                break;
        }
    }

    private static void Level(Validator v, string field, RiskLevel? level, bool required)
    {
        if (level is null or RiskLevel.Unspecified) { if (required) v.Add(field, "is required (low, medium, high or very high)"); }
        else if (!Enum.IsDefined(level.Value)) v.Add(field, $"has an unknown value ({(int)level.Value})");
    }

    /// <summary>When an assessment is next reviewed: its completion plus the interval for its tool and level.</summary>
    public static DateOnly NextReviewOn(AssessmentTool tool, RiskLevel level, DateOnly completedOn, RiskOptions options)
    {
        var months = options.ReviewMonths.GetValueOrDefault(tool) is { } byLevel
            ? byLevel.GetValueOrDefault(level, byLevel.GetValueOrDefault(RiskLevel.Unspecified, 12))
            : 12;
        return completedOn.AddMonths(months);
    }

    /// <summary>When an approved plan is next reviewed, by the case's risk.</summary>
    public static DateOnly PlanReviewOn(RiskLevel risk, DateOnly from, RiskOptions options) =>
        from.AddMonths(options.PlanReviewMonths.GetValueOrDefault(risk, options.PlanReviewMonths.GetValueOrDefault(RiskLevel.Unspecified, 6)));

    /// <summary>
    /// The last day a case may go without an approved plan: for high and very high risk only,
    /// counted from the day it became high (or was enrolled at that risk); null otherwise.
    /// </summary>
    public static DateOnly? PlanRequiredBy(RiskLevel risk, DateOnly highSince, RiskOptions options) =>
        risk >= RiskLevel.High ? highSince.AddDays(options.PlanRequiredWithinDays) : null;

    /// <summary>
    /// Whether an edit to an approved plan needs approving again: any change to the pillars'
    /// text, the review date, or an action's what, owner, pillar or due date does; recording
    /// progress (an action done or cancelled) does not.
    /// </summary>
    public static bool NeedsReapproval(PlanContent before, PlanContent after)
    {
        if (before.Supervision != after.Supervision || before.MonitoringAndControl != after.MonitoringAndControl ||
            before.Interventions != after.Interventions || before.VictimSafety != after.VictimSafety || before.ReviewOn != after.ReviewOn)
            return true;
        static IEnumerable<(Guid, PlanPillar, string, Guid?, string, DateOnly?)> Substance(PlanContent c) =>
            c.Actions.Select(a => (a.Id, a.Pillar, a.What, a.OwnerOfficerId, a.OwnerAgency, a.DueOn)).OrderBy(a => a.Id);
        return !Substance(before).SequenceEqual(Substance(after));
    }

    /// <summary>An action is overdue on a day when it was due before it and was neither done by then nor cancelled.</summary>
    public static bool ActionOverdueOn(PlanAction action, DateOnly day) =>
        action.DueOn < day && action.Status != ActionStatus.Cancelled && (action.CompletedOn is null || action.CompletedOn >= day);

    /// <summary>
    /// What a local officer is told to do if they see the person: the open monitoring and
    /// control actions of the approved plan (APP: local officers get what they need to act,
    /// nothing of the assessment behind it).
    /// </summary>
    public static IReadOnlyList<string> WhatToDoIfSeen(RiskPlan? approved) =>
        approved is not { Status: PlanStatus.Approved }
            ? []
            : approved.Actions.Where(a => a.Pillar == PlanPillar.MonitoringAndControl && a.Status == ActionStatus.Open)
                .OrderBy(a => a.DueOn ?? DateOnly.MaxValue).Select(a => a.What).ToList();

    /// <summary>
    /// Whether a change of a management's risk level rests on an assessment or overrides one:
    /// it rests on the named assessment; without one, it rests on the latest assessment if
    /// that gives the new level, and otherwise overrides it (the reason says why).
    /// </summary>
    public static RiskBasis BasisOf(RiskLevel newLevel, Guid? namedAssessment, (Guid Id, RiskLevel Level)? latest)
    {
        if (namedAssessment is { } named) return new RiskBasis(named, null);
        if (latest is not { } l || l.Level == RiskLevel.Unspecified) return new RiskBasis(null, null);
        return l.Level == newLevel ? new RiskBasis(l.Id, null) : new RiskBasis(null, l.Id);
    }
}

/// <summary>The assessment a risk change rests on, or the one it overrides.</summary>
public sealed record RiskBasis(Guid? RestsOn, Guid? Overrides);

/// <summary>A plan's content, for comparing an edit with what was approved.</summary>
public sealed record PlanContent(
    string Supervision, string MonitoringAndControl, string Interventions, string VictimSafety, DateOnly ReviewOn, IReadOnlyList<PlanAction> Actions);
