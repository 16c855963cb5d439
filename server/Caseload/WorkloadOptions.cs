using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// How workload is counted (section "Workload"). Weights are effective-dated: a new set applies
/// from its date, and any week is counted with the set in force then, so past figures stay
/// explainable after the force changes its weights.
/// </summary>
public sealed class WorkloadOptions
{
    /// <summary>Contracted hours of a full-time post (100% capacity).</summary>
    public double FullTimeHours { get; set; } = 37;

    /// <summary>
    /// Points a full-time officer can carry. With the default weights, about fifty registered
    /// sex offenders of the usual mix of risk fill a full-time post.
    /// </summary>
    public double CapacityPointsFullTime { get; set; } = 155;

    /// <summary>Probation's measure of excessive workload: over this percentage ...</summary>
    public double ExcessiveThresholdPercent { get; set; } = 110;

    /// <summary>... for this many consecutive weeks.</summary>
    public int ExcessiveWeeks { get; set; } = 4;

    /// <summary>Days before an expected release during which a case carries the pending-release extra.</summary>
    public int PendingReleaseDays { get; set; } = 28;

    /// <summary>
    /// The effective-dated weight sets configured ("Workload:Weights"). Empty here on purpose:
    /// .NET's configuration binder appends to a list a class initialises, so a default set in
    /// this list would be kept beside a force's own. With none configured, the built-in set
    /// (<see cref="BuiltInWeights"/>) applies.
    /// </summary>
    public List<WorkloadWeights> Weights { get; set; } = [];

    /// <summary>The built-in weights (DESIGN.md section 3), used when configuration gives none.</summary>
    /// <remarks>
    /// The 2016 set, and from November 2026 the same with the risk plan and MAPPA extras
    /// (issue 17), so figures before then are counted as they were.
    /// </remarks>
    public static IReadOnlyList<WorkloadWeights> BuiltInWeights { get; } =
    [
        new WorkloadWeights(),
        new WorkloadWeights
        {
            EffectiveFrom = new DateOnly(2026, 11, 1),
            MappaLevel = new() { [2] = 1, [3] = 2 },
            RiskPlan = 1,
            OverduePlanAction = 0.5,
        },
    ];

    /// <summary>The weight sets in force: the configured ones, or else the built-in set.</summary>
    public IReadOnlyList<WorkloadWeights> WeightSets => Weights.Count > 0 ? Weights : BuiltInWeights;

    /// <summary>The weights in force on a date: the latest set that took effect on or before it.</summary>
    public WorkloadWeights WeightsOn(DateOnly date) =>
        WeightSets.Where(w => w.EffectiveFrom <= date).OrderByDescending(w => w.EffectiveFrom).FirstOrDefault()
        ?? WeightSets.OrderBy(w => w.EffectiveFrom).First();
}

/// <summary>Points per case and per order (DESIGN.md section 3 defaults), from a date.</summary>
public sealed class WorkloadWeights
{
    public DateOnly EffectiveFrom { get; set; } = new(2016, 1, 1);

    /// <summary>VSOMT / MAPPA cases by risk.</summary>
    public Dictionary<RiskLevel, double> Vsomt { get; set; } = new()
    {
        [RiskLevel.VeryHigh] = 8, [RiskLevel.High] = 5, [RiskLevel.Medium] = 3, [RiskLevel.Low] = 2,
    };

    /// <summary>A VSOMT case under supervisor-approved reactive management (no scheduled home visits).</summary>
    public double VsomtReactive { get; set; } = 1;

    /// <summary>IOM cases by cohort type.</summary>
    public Dictionary<IomCohortType, double> Iom { get; set; } = new()
    {
        [IomCohortType.Fixed] = 4, [IomCohortType.Flex] = 3, [IomCohortType.Free] = 1,
    };

    /// <summary>Lifetime management of an organised criminal.</summary>
    public double SocLifetime { get; set; } = 4;

    /// <summary>Orders the officer leads, by type (e.g. SCPO 5); types not listed count 1.</summary>
    public Dictionary<string, double> Orders { get; set; } = new()
    {
        ["SCPO"] = 5, ["SHPO"] = 2, ["SRO"] = 2, ["CBO"] = 2, ["DVPO"] = 1, ["DAPO"] = 2, ["SPO"] = 2, ["Injunction"] = 1,
    };

    public double OpenBreach { get; set; } = 1;
    public double PendingRelease { get; set; } = 2;

    /// <summary>Extra points for a case managed at MAPPA level 2 or 3 (multi-agency meetings, actions); none in the 2016 set.</summary>
    public Dictionary<int, double> MappaLevel { get; set; } = [];

    /// <summary>Extra points for a case with an approved risk management plan to deliver.</summary>
    public double RiskPlan { get; set; }

    /// <summary>Extra points for each plan action past its due date and not done.</summary>
    public double OverduePlanAction { get; set; }
}
