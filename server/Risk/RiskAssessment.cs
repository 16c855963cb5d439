using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Risk;

/// <summary>
/// A completed structured risk assessment of a person: the tool, its typed result, the level
/// the result gives, the restricted narrative and when it is next reviewed. Assessments are
/// kept as history; the latest of each tool is the current one.
/// </summary>
public sealed class RiskAssessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public AssessmentTool Tool { get; set; }
    public DateOnly CompletedOn { get; set; }
    public string Assessor { get; set; } = "";
    public AssessmentResult Result { get; set; } = new();
    /// <summary>The level the result gives (<see cref="RiskRules.LevelFrom"/>); Unspecified for a tool that gives none.</summary>
    public RiskLevel Level { get; set; }
    /// <summary>Restricted casework text: never to local officers, analysts or partners outside the case's meeting.</summary>
    public string Narrative { get; set; } = "";
    public DateOnly NextReviewOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

public enum AssessmentTool
{
    Rm2000Sexual = 1,
    Rm2000Violent = 2,
    Arms = 3,
    OasysRosh = 4,
    Dash = 5,
    Other = 6,
}

/// <summary>ARMS dynamic risk factors (College of Policing / HMPPS ARMS: seven risk factors).</summary>
public enum ArmsRiskFactor
{
    SexualPreoccupation = 1,
    OffenceRelatedSexualInterest = 2,
    EmotionalCongruenceWithChildren = 3,
    HostileOrientation = 4,
    PoorSelfManagement = 5,
    NegativeSocialInfluences = 6,
    AccessToVictims = 7,
}

/// <summary>ARMS protective factors.</summary>
public enum ArmsProtectiveFactor
{
    CommitmentToDesist = 1,
    PositiveRoutine = 2,
    SocialInvestment = 3,
    PositiveSocialInfluences = 4,
}

/// <summary>DASH risk levels (SafeLives DASH risk identification checklist).</summary>
public enum DashLevel { Standard = 1, Medium = 2, High = 3 }

/// <summary>
/// The typed result of an assessment; which fields are set depends on the tool. RM2000/S and
/// RM2000/V give a category; ARMS the factors present and the resulting level; OASys RoSH a
/// level for each group; DASH a level and the number of "yes" answers; another tool its name
/// and, if it gives one, a level.
/// </summary>
public sealed class AssessmentResult
{
    public RiskLevel? Category { get; set; }
    public List<ArmsRiskFactor> ArmsRiskFactors { get; set; } = [];
    public List<ArmsProtectiveFactor> ArmsProtectiveFactors { get; set; } = [];
    public RiskLevel? ArmsLevel { get; set; }
    public RiskLevel? RoshChildren { get; set; }
    public RiskLevel? RoshPublic { get; set; }
    public RiskLevel? RoshKnownAdult { get; set; }
    public RiskLevel? RoshStaff { get; set; }
    public DashLevel? DashLevel { get; set; }
    public int? DashYesAnswers { get; set; }
    public string ToolName { get; set; } = "";
    public RiskLevel? OtherLevel { get; set; }
}
