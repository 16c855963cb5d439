using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Risk;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo's risk work (issue 17): every registered sex offender has an ARMS and an RM2000/S
/// assessment, some due or overdue for review; every high and very high risk case a risk
/// management plan, all approved except two in the VSOMT team awaiting the supervisor, and one
/// action of the demo manager's overdue.
/// </summary>
internal sealed class DemoRisk(DemoRandom random, DateOnly today, DateTimeOffset now, DemoForce force)
{
    public List<RiskAssessment> Assessments { get; } = [];
    public List<RiskPlan> Plans { get; } = [];

    private static readonly RiskOptions Defaults = new();

    public DemoRisk Build()
    {
        foreach (var m in force.Managements.Where(m => m.Register == Register.RegisteredSexOffender && m.IsActive))
        {
            Assessments.Add(Arms(m));
            Assessments.Add(Rm2000(m));
        }
        var high = force.Managements.Where(m => m.IsActive && m.RiskLevel >= RiskLevel.High).ToList();
        var manager = force.Cast.VsomtManagers[0].Id;
        var awaiting = high.Where(m => m.OwningTeamId == force.Cast.VsomtTeam.Id && m.ResponsibleOfficerId != manager).Take(2).Select(m => m.Id).ToHashSet();
        var overdue = high.FirstOrDefault(m => m.ResponsibleOfficerId == manager)?.Id;
        foreach (var m in high) Plans.Add(Plan(m, awaiting.Contains(m.Id), overdue == m.Id));
        return this;
    }

    private RiskAssessment Arms(Management m)
    {
        var months = Defaults.ReviewMonths[AssessmentTool.Arms][m.RiskLevel];
        var completed = Completed(months);
        var result = new AssessmentResult { ArmsLevel = m.RiskLevel };
        foreach (var factor in Enum.GetValues<ArmsRiskFactor>())
            if (random.Chance(m.RiskLevel >= RiskLevel.High ? 0.5 : 0.2)) result.ArmsRiskFactors.Add(factor);
        foreach (var factor in Enum.GetValues<ArmsProtectiveFactor>())
            if (random.Chance(m.RiskLevel >= RiskLevel.High ? 0.2 : 0.6)) result.ArmsProtectiveFactors.Add(factor);
        return New(m, AssessmentTool.Arms, completed, result, m.RiskLevel,
            "Dynamic risk reviewed at a home visit and with probation. " +
            (result.ArmsRiskFactors.Count > 2 ? "Several risk factors present; monitoring to stay close." : "Few risk factors present; protective factors holding."));
    }

    private RiskAssessment Rm2000(Management m)
    {
        // The static score sits at or one step below the managed level.
        var category = m.RiskLevel > RiskLevel.Low && random.Chance(0.3) ? (RiskLevel)((int)m.RiskLevel - 1) : m.RiskLevel;
        var completed = Completed(Defaults.ReviewMonths[AssessmentTool.Rm2000Sexual][RiskLevel.Unspecified]);
        return New(m, AssessmentTool.Rm2000Sexual, completed, new AssessmentResult { Category = category }, category,
            "Scored from the index offence and previous convictions.");
    }

    /// <summary>Most within their review interval; about one in twelve due within four weeks; one in twenty-five overdue.</summary>
    private DateOnly Completed(int months)
    {
        var roll = random.NextDouble();
        var days = (int)(months * 30.4);
        return roll switch
        {
            < 0.04 => today.AddMonths(-months).AddDays(-random.Next(1, 45)),
            < 0.12 => today.AddMonths(-months).AddDays(random.Next(1, 28)),
            _ => today.AddDays(-random.Next(1, Math.Max(2, days - 30))),
        };
    }

    private RiskAssessment New(Management m, AssessmentTool tool, DateOnly completed, AssessmentResult result, RiskLevel level, string narrative) => new()
    {
        Id = random.NextId(), PersonId = m.PersonId, Tool = tool, CompletedOn = completed, Assessor = "VSOMT offender manager", Result = result,
        Level = level, Narrative = narrative, NextReviewOn = RiskRules.NextReviewOn(tool, level, completed, Defaults), RecordedBy = "demo",
        RecordedAt = now.AddDays(completed.DayNumber - today.DayNumber),
    };

    private RiskPlan Plan(Management m, bool awaitingApproval, bool overdueAction)
    {
        var created = today.AddDays(-random.Next(20, 80));
        var plan = new RiskPlan
        {
            Id = random.NextId(), ManagementId = m.Id, PersonId = m.PersonId,
            Status = awaitingApproval ? PlanStatus.AwaitingApproval : PlanStatus.Approved,
            Supervision = "Home visits at the frequency the risk level sets; monthly contact with probation.",
            MonitoringAndControl = "Notification requirements and order conditions checked at each visit; intelligence to the offender manager.",
            Interventions = "Accredited programme through probation; support into work.",
            VictimSafety = "Known victims' addresses flagged; safeguarding with children's services where children are at risk.",
            ReviewOn = RiskRules.PlanReviewOn(m.RiskLevel, awaitingApproval ? today : created.AddDays(5), Defaults),
            CreatedBy = awaitingApproval ? "demo.manager" : "demo", CreatedAt = now.AddDays(created.DayNumber - today.DayNumber),
            ApprovedBy = awaitingApproval ? "" : "demo.supervisor",
            ApprovedAt = awaitingApproval ? null : now.AddDays(created.DayNumber + 5 - today.DayNumber),
        };
        void Add(PlanPillar pillar, string what, Guid? officer, string agency, DateOnly? due) =>
            plan.Actions.Add(new PlanAction { Id = random.NextId(), PlanId = plan.Id, Pillar = pillar, What = what, OwnerOfficerId = officer, OwnerAgency = agency, DueOn = due });
        var owner = m.ResponsibleOfficerId;
        Add(PlanPillar.Supervision, "Unannounced home visit", owner, owner is null ? "VSOMT" : "", today.AddDays(random.Next(7, 60)));
        Add(PlanPillar.MonitoringAndControl, "If seen near schools, parks or play areas: stop, check the order conditions and tell the VSOMT at once", owner, owner is null ? "VSOMT" : "", null);
        Add(PlanPillar.MonitoringAndControl, "Record any sighting with who they were with", owner, owner is null ? "VSOMT" : "", null);
        Add(PlanPillar.Interventions, "Start the accredited programme", null, "Probation Service", today.AddDays(random.Next(14, 90)));
        Add(PlanPillar.VictimSafety, "Review the safeguarding plan for known victims", null, "Children's Services", today.AddDays(random.Next(14, 90)));
        if (overdueAction)
            Add(PlanPillar.MonitoringAndControl, "Examine the registered phone and laptop", owner, "", today.AddDays(-5));
        return plan;
    }
}
