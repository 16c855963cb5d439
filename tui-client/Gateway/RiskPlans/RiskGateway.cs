using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A completed risk assessment: which tool, when, by whom, the level it gives and when it is reviewed.</summary>
public sealed record AssessmentRow(
    string Id, string Tool, DateOnly? CompletedOn, string? Assessor, Risk Level, string Result, string? Narrative,
    DateOnly? NextReviewOn, bool ReviewOverdue, string? RecordedBy);

/// <summary>A risk management plan under the four pillars, with its owned actions and approval.</summary>
public sealed record RiskPlanView(
    string Id, string ManagementId, PlanState Status, long Version,
    IReadOnlyList<(string Pillar, string Text)> Pillars, IReadOnlyList<PlanActionRow> Actions, DateOnly? ReviewOn,
    string? CreatedBy, DateTimeOffset? CreatedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovalNote);

public sealed record PlanActionRow(string Pillar, string What, string? Owner, DateOnly? DueOn, string Status, bool Overdue);

public enum PlanState
{
    Unknown = 0,
    AwaitingApproval = 1,
    Approved = 2,
    Superseded = 3,
}

/// <summary>Risk assessments and risk management plans (the Risk service).</summary>
public sealed class RiskGateway(ServerConnection connection)
{
    private readonly V1.Risk.RiskClient _risk = new(connection.Invoker);

    /// <summary>A person's assessments, newest first.</summary>
    public async Task<IReadOnlyList<AssessmentRow>> AssessmentsAsync(string personId, Purpose purpose, CancellationToken cancellationToken) =>
        await connection.AllPagesAsync(purpose,
            (token, o) => _risk.ListAssessmentsAsync(new V1.ListAssessmentsRequest { PersonId = personId, PageSize = 100, PageToken = token }, o),
            r => r.Assessments.Select(ToRow), r => r.NextPageToken, 500, cancellationToken);

    /// <summary>The management's current plan, or null when it has none.</summary>
    public async Task<RiskPlanView?> PlanAsync(string managementId, Purpose purpose, CancellationToken cancellationToken)
    {
        try
        {
            return ToView(await connection.CallAsync(purpose, o => _risk.GetPlanAsync(new V1.GetPlanRequest { ManagementId = managementId }, o), cancellationToken));
        }
        catch (GatewayException e) when (e.Failure == GatewayFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>A supervisor approves a plan awaiting approval (the server refuses their own).</summary>
    public async Task<RiskPlanView> ApprovePlanAsync(RiskPlanView plan, string? note, Purpose purpose, CancellationToken cancellationToken) =>
        ToView(await connection.CallAsync(purpose, o => _risk.ApprovePlanAsync(
            new V1.ApprovePlanRequest { Id = plan.Id, ExpectedVersion = plan.Version, Note = note?.Trim() ?? "" }, o), cancellationToken));

    private static AssessmentRow ToRow(V1.Assessment a) => new(
        a.Id, RiskWording.Of(a.Tool, a.Other?.ToolName), Wire.Date(a.CompletedOn), Wire.Text(a.Assessor), RiskWords.FromWire(a.Level),
        RiskWording.Result(a), Wire.Text(a.Narrative), Wire.Date(a.NextReviewOn), a.ReviewOverdue, Wire.Text(a.RecordedBy));

    private static RiskPlanView ToView(V1.RiskPlan p) => new(
        p.Id, p.ManagementId, WireEnums.PlanStates.FromWire(p.Status), p.Version,
        new (V1.PlanPillar Pillar, string Text)[]
        {
            (V1.PlanPillar.Supervision, p.Supervision), (V1.PlanPillar.MonitoringAndControl, p.MonitoringAndControl),
            (V1.PlanPillar.Interventions, p.Interventions), (V1.PlanPillar.VictimSafety, p.VictimSafety),
        }.Where(x => x.Text.Length > 0).Select(x => (RiskWording.Of(x.Pillar), x.Text)).ToList(),
        p.Actions.Select(a => new PlanActionRow(RiskWording.Of(a.Pillar), a.What,
            Wire.Text(a.OwnerName) ?? Wire.Text(a.OwnerAgency), Wire.Date(a.DueOn), RiskWording.Of(a.Status), a.Overdue)).ToList(),
        Wire.Date(p.ReviewOn), Wire.Text(p.CreatedBy), Wire.Instant(p.CreatedAt), Wire.Text(p.ApprovedBy), Wire.Instant(p.ApprovedAt), Wire.Text(p.ApprovalNote));
}

/// <summary>The Risk service's enums in words, by explicit table (a test covers every value).</summary>
internal static class RiskWording
{
    public static string Of(V1.AssessmentTool tool, string? otherName = null) => tool switch
    {
        V1.AssessmentTool.Rm2000S => "RM2000/S",
        V1.AssessmentTool.Rm2000V => "RM2000/V",
        V1.AssessmentTool.Arms => "ARMS",
        V1.AssessmentTool.OasysRosh => "OASys RoSH",
        V1.AssessmentTool.Dash => "DASH",
        V1.AssessmentTool.Other => string.IsNullOrWhiteSpace(otherName) ? "Other tool" : otherName,
        _ => "Assessment",
    };

    public static string Of(V1.PlanPillar pillar) => pillar switch
    {
        V1.PlanPillar.Supervision => "Supervision",
        V1.PlanPillar.MonitoringAndControl => "Monitoring and control",
        V1.PlanPillar.Interventions => "Interventions",
        V1.PlanPillar.VictimSafety => "Victim safety",
        _ => "Other",
    };

    public static string Of(V1.ActionStatus status) => status switch
    {
        V1.ActionStatus.Open => "open",
        V1.ActionStatus.Done => "done",
        V1.ActionStatus.Cancelled => "cancelled",
        _ => "open",
    };

    public static string Of(V1.DashLevel level) => level switch
    {
        V1.DashLevel.Standard => "standard",
        V1.DashLevel.Medium => "medium",
        V1.DashLevel.High => "high",
        _ => "not graded",
    };

    public static string Of(V1.ArmsRiskFactor factor) => factor switch
    {
        V1.ArmsRiskFactor.SexualPreoccupation => "sexual preoccupation",
        V1.ArmsRiskFactor.OffenceRelatedSexualInterest => "offence-related sexual interest",
        V1.ArmsRiskFactor.EmotionalCongruenceWithChildren => "emotional congruence with children",
        V1.ArmsRiskFactor.HostileOrientation => "hostile orientation",
        V1.ArmsRiskFactor.PoorSelfManagement => "poor self-management",
        V1.ArmsRiskFactor.NegativeSocialInfluences => "negative social influences",
        V1.ArmsRiskFactor.AccessToVictims => "access to victims",
        _ => "",
    };

    public static string Of(V1.ArmsProtectiveFactor factor) => factor switch
    {
        V1.ArmsProtectiveFactor.CommitmentToDesist => "commitment to desist",
        V1.ArmsProtectiveFactor.PositiveRoutine => "positive routine",
        V1.ArmsProtectiveFactor.SocialInvestment => "social investment",
        V1.ArmsProtectiveFactor.PositiveSocialInfluences => "positive social influences",
        _ => "",
    };

    /// <summary>The tool's result in a line: "risk category High", "children Very high, public Medium", "high, 16 yes answers".</summary>
    public static string Result(V1.Assessment a) => a.ResultCase switch
    {
        V1.Assessment.ResultOneofCase.Rm2000 => $"category {RiskWords.FromWire(a.Rm2000.Category).Describe()}",
        V1.Assessment.ResultOneofCase.Arms => string.Join("; ", new[]
        {
            $"level {RiskWords.FromWire(a.Arms.Level).Describe()}",
            a.Arms.RiskFactors.Count > 0 ? $"risk: {string.Join(", ", a.Arms.RiskFactors.Select(Of))}" : "",
            a.Arms.ProtectiveFactors.Count > 0 ? $"protective: {string.Join(", ", a.Arms.ProtectiveFactors.Select(Of))}" : "",
        }.Where(s => s.Length > 0)),
        V1.Assessment.ResultOneofCase.OasysRosh =>
            $"children {RiskWords.FromWire(a.OasysRosh.Children).Describe()}, public {RiskWords.FromWire(a.OasysRosh.Public).Describe()}, known adult {RiskWords.FromWire(a.OasysRosh.KnownAdult).Describe()}, staff {RiskWords.FromWire(a.OasysRosh.Staff).Describe()}",
        V1.Assessment.ResultOneofCase.Dash => $"{Of(a.Dash.Level)}, {a.Dash.YesAnswers} yes answers of 27",
        V1.Assessment.ResultOneofCase.Other => a.Other.Level == V1.RiskLevel.Unspecified ? "no level given" : $"level {RiskWords.FromWire(a.Other.Level).Describe()}",
        _ => "",
    };
}
