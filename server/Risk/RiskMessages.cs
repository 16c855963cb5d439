using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Risk;

/// <summary>Maps risk assessments and plans between proto and domain; maps and never queries.</summary>
public static class RiskMessages
{
    public static readonly EnumTable<RiskLevel, V1.RiskLevel> Levels = RiskLevels.Table;

    public static readonly EnumTable<AssessmentTool, V1.AssessmentTool> Tools = new(new Dictionary<AssessmentTool, V1.AssessmentTool>
    {
        [AssessmentTool.Rm2000Sexual] = V1.AssessmentTool.Rm2000S, [AssessmentTool.Rm2000Violent] = V1.AssessmentTool.Rm2000V,
        [AssessmentTool.Arms] = V1.AssessmentTool.Arms, [AssessmentTool.OasysRosh] = V1.AssessmentTool.OasysRosh,
        [AssessmentTool.Dash] = V1.AssessmentTool.Dash, [AssessmentTool.Other] = V1.AssessmentTool.Other,
    });

    public static readonly EnumTable<ArmsRiskFactor, V1.ArmsRiskFactor> RiskFactors = new(new Dictionary<ArmsRiskFactor, V1.ArmsRiskFactor>
    {
        [ArmsRiskFactor.SexualPreoccupation] = V1.ArmsRiskFactor.SexualPreoccupation,
        [ArmsRiskFactor.OffenceRelatedSexualInterest] = V1.ArmsRiskFactor.OffenceRelatedSexualInterest,
        [ArmsRiskFactor.EmotionalCongruenceWithChildren] = V1.ArmsRiskFactor.EmotionalCongruenceWithChildren,
        [ArmsRiskFactor.HostileOrientation] = V1.ArmsRiskFactor.HostileOrientation,
        [ArmsRiskFactor.PoorSelfManagement] = V1.ArmsRiskFactor.PoorSelfManagement,
        [ArmsRiskFactor.NegativeSocialInfluences] = V1.ArmsRiskFactor.NegativeSocialInfluences,
        [ArmsRiskFactor.AccessToVictims] = V1.ArmsRiskFactor.AccessToVictims,
    });

    public static readonly EnumTable<ArmsProtectiveFactor, V1.ArmsProtectiveFactor> ProtectiveFactors = new(new Dictionary<ArmsProtectiveFactor, V1.ArmsProtectiveFactor>
    {
        [ArmsProtectiveFactor.CommitmentToDesist] = V1.ArmsProtectiveFactor.CommitmentToDesist,
        [ArmsProtectiveFactor.PositiveRoutine] = V1.ArmsProtectiveFactor.PositiveRoutine,
        [ArmsProtectiveFactor.SocialInvestment] = V1.ArmsProtectiveFactor.SocialInvestment,
        [ArmsProtectiveFactor.PositiveSocialInfluences] = V1.ArmsProtectiveFactor.PositiveSocialInfluences,
    });

    public static readonly EnumTable<DashLevel, V1.DashLevel> DashLevels = new(new Dictionary<DashLevel, V1.DashLevel>
    {
        [DashLevel.Standard] = V1.DashLevel.Standard, [DashLevel.Medium] = V1.DashLevel.Medium, [DashLevel.High] = V1.DashLevel.High,
    });

    public static readonly EnumTable<PlanPillar, V1.PlanPillar> Pillars = new(new Dictionary<PlanPillar, V1.PlanPillar>
    {
        [PlanPillar.Supervision] = V1.PlanPillar.Supervision, [PlanPillar.MonitoringAndControl] = V1.PlanPillar.MonitoringAndControl,
        [PlanPillar.Interventions] = V1.PlanPillar.Interventions, [PlanPillar.VictimSafety] = V1.PlanPillar.VictimSafety,
    });

    public static readonly EnumTable<PlanStatus, V1.PlanStatus> PlanStatuses = new(new Dictionary<PlanStatus, V1.PlanStatus>
    {
        [PlanStatus.AwaitingApproval] = V1.PlanStatus.AwaitingApproval, [PlanStatus.Approved] = V1.PlanStatus.Approved, [PlanStatus.Superseded] = V1.PlanStatus.Superseded,
    });

    public static readonly EnumTable<ActionStatus, V1.ActionStatus> ActionStatuses = new(new Dictionary<ActionStatus, V1.ActionStatus>
    {
        [ActionStatus.Open] = V1.ActionStatus.Open, [ActionStatus.Done] = V1.ActionStatus.Done, [ActionStatus.Cancelled] = V1.ActionStatus.Cancelled,
    });

    /// <summary>The result in the request, as the domain holds it, and which result field was sent.</summary>
    public static (AssessmentResult Result, string? Field) Result(V1.RecordAssessmentRequest r, Validator v)
    {
        var result = new AssessmentResult();
        switch (r.ResultCase)
        {
            case V1.RecordAssessmentRequest.ResultOneofCase.Rm2000:
                result.Category = Levels.Optional(v, "rm2000.category", r.Rm2000.Category);
                return (result, "rm2000");
            case V1.RecordAssessmentRequest.ResultOneofCase.Arms:
                result.ArmsRiskFactors = r.Arms.RiskFactors.Select((f, i) => RiskFactors.Required(v, $"arms.risk_factors[{i}]", f)).ToList();
                result.ArmsProtectiveFactors = r.Arms.ProtectiveFactors.Select((f, i) => ProtectiveFactors.Required(v, $"arms.protective_factors[{i}]", f)).ToList();
                result.ArmsLevel = Levels.Optional(v, "arms.level", r.Arms.Level);
                return (result, "arms");
            case V1.RecordAssessmentRequest.ResultOneofCase.OasysRosh:
                result.RoshChildren = Levels.Optional(v, "oasys_rosh.children", r.OasysRosh.Children);
                result.RoshPublic = Levels.Optional(v, "oasys_rosh.public", r.OasysRosh.Public);
                result.RoshKnownAdult = Levels.Optional(v, "oasys_rosh.known_adult", r.OasysRosh.KnownAdult);
                result.RoshStaff = Levels.Optional(v, "oasys_rosh.staff", r.OasysRosh.Staff);
                return (result, "oasys_rosh");
            case V1.RecordAssessmentRequest.ResultOneofCase.Dash:
                result.DashLevel = DashLevels.Optional(v, "dash.level", r.Dash.Level);
                result.DashYesAnswers = r.Dash.YesAnswers;
                return (result, "dash");
            case V1.RecordAssessmentRequest.ResultOneofCase.Other:
                result.ToolName = r.Other.ToolName;
                result.OtherLevel = Levels.Optional(v, "other.level", r.Other.Level);
                return (result, "other");
            default:
                return (result, null);
        }
    }

    public static V1.Assessment Assessment(RiskAssessment a, string personName, bool withNarrative, DateOnly today)
    {
        var message = new V1.Assessment
        {
            Id = a.Id.ToString(), PersonId = a.PersonId.ToString(), PersonName = personName, Tool = Tools.ToProto(a.Tool),
            CompletedOn = IsoDate.Format(a.CompletedOn), Assessor = a.Assessor, Level = Levels.ToProto(a.Level),
            Narrative = withNarrative ? a.Narrative : "", NextReviewOn = IsoDate.Format(a.NextReviewOn), ReviewOverdue = a.NextReviewOn < today,
            RecordedBy = a.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(a.RecordedAt),
        };
        var r = a.Result;
        switch (a.Tool)
        {
            case AssessmentTool.Rm2000Sexual or AssessmentTool.Rm2000Violent:
                message.Rm2000 = new V1.Rm2000Result { Category = Levels.ToProto(r.Category, V1.RiskLevel.Unspecified) };
                break;
            case AssessmentTool.Arms:
                message.Arms = new V1.ArmsResult { Level = Levels.ToProto(r.ArmsLevel, V1.RiskLevel.Unspecified) };
                message.Arms.RiskFactors.AddRange(r.ArmsRiskFactors.Select(RiskFactors.ToProto));
                message.Arms.ProtectiveFactors.AddRange(r.ArmsProtectiveFactors.Select(ProtectiveFactors.ToProto));
                break;
            case AssessmentTool.OasysRosh:
                message.OasysRosh = new V1.OasysRoshResult
                {
                    Children = Levels.ToProto(r.RoshChildren, V1.RiskLevel.Unspecified), Public = Levels.ToProto(r.RoshPublic, V1.RiskLevel.Unspecified),
                    KnownAdult = Levels.ToProto(r.RoshKnownAdult, V1.RiskLevel.Unspecified), Staff = Levels.ToProto(r.RoshStaff, V1.RiskLevel.Unspecified),
                };
                break;
            case AssessmentTool.Dash:
                message.Dash = new V1.DashResult { Level = DashLevels.ToProto(r.DashLevel, V1.DashLevel.Unspecified), YesAnswers = r.DashYesAnswers ?? 0 };
                break;
            default:
                message.Other = new V1.OtherToolResult { ToolName = r.ToolName, Level = Levels.ToProto(r.OtherLevel, V1.RiskLevel.Unspecified) };
                break;
        }
        return message;
    }

    public static PlanInput Plan(string supervision, string monitoring, string interventions, string victimSafety,
        IEnumerable<V1.PlanActionInput> actions, string reviewOn, Validator v, ForceClock clock)
    {
        var list = actions.Select((a, i) => new PlanActionInput(
            v.Id($"actions[{i}].id", a.Id, required: false).OrNull(),
            Pillars.Required(v, $"actions[{i}].pillar", a.Pillar),
            a.What,
            v.Id($"actions[{i}].owner_officer_id", a.OwnerOfficerId, required: false).OrNull(),
            a.OwnerAgency,
            v.Date($"actions[{i}].due_on", a.DueOn, TimeBounds.Planned, clock),
            ActionStatuses.Optional(v, $"actions[{i}].status", a.Status))).ToList();
        return new PlanInput(supervision, monitoring, interventions, victimSafety, list, v.Date("review_on", reviewOn, TimeBounds.Planned, clock));
    }

    public static V1.RiskPlan Plan(RiskPlan p, IReadOnlyDictionary<Guid, string> officerNames, DateOnly today)
    {
        var message = new V1.RiskPlan
        {
            Id = p.Id.ToString(), ManagementId = p.ManagementId.ToString(), PersonId = p.PersonId.ToString(), Status = PlanStatuses.ToProto(p.Status),
            Version = p.Version, Supervision = p.Supervision, MonitoringAndControl = p.MonitoringAndControl, Interventions = p.Interventions,
            VictimSafety = p.VictimSafety, ReviewOn = IsoDate.Format(p.ReviewOn), BasedOnAssessmentId = p.BasedOnAssessmentId?.ToString() ?? "",
            CreatedBy = p.CreatedBy, CreatedAt = Timestamp.FromDateTimeOffset(p.CreatedAt), ApprovedBy = p.ApprovedBy,
            ApprovedAt = p.ApprovedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, ApprovalNote = p.ApprovalNote,
        };
        message.Actions.AddRange(p.Actions.OrderBy(a => a.Pillar).ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(a => new V1.PlanAction
        {
            Id = a.Id.ToString(), Pillar = Pillars.ToProto(a.Pillar), What = a.What, OwnerOfficerId = a.OwnerOfficerId?.ToString() ?? "",
            OwnerName = a.OwnerOfficerId is { } o ? officerNames.GetValueOrDefault(o, "") : "", OwnerAgency = a.OwnerAgency,
            DueOn = IsoDate.Format(a.DueOn), Status = ActionStatuses.ToProto(a.Status), Overdue = RiskRules.ActionOverdueOn(a, today),
            CompletedOn = IsoDate.Format(a.CompletedOn),
        }));
        return message;
    }

    public static V1.PlanActionDue Due(DuePlanAction d) => new()
    {
        PlanId = d.Plan.Id.ToString(), ActionId = d.Action.Id.ToString(), PersonId = d.Plan.PersonId.ToString(), PersonName = d.PersonName,
        What = d.Action.What, DueOn = IsoDate.Format(d.Action.DueOn), OwnerOfficerId = d.Action.OwnerOfficerId?.ToString() ?? "",
        OwnerAgency = d.Action.OwnerAgency, Overdue = d.Overdue,
    };
}
