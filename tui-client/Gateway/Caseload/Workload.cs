namespace OffenderMgmt.Tui.Gateway;

/// <summary>An officer's workload against their capacity, with the reasons for each point when asked for.</summary>
public sealed record OfficerWorkload(
    string OfficerId,
    string OfficerName,
    string? TeamName,
    double ContractedHours,
    double CapacityPoints,
    double Points,
    double UtilisationPercent,
    int Cases,
    int Orders,
    IReadOnlyList<WorkloadItemView> Items,
    IReadOnlyList<WeekLoad> Weeks,
    int ConsecutiveWeeksOverThreshold,
    bool Excessive,
    double ThresholdPercent,
    string? Explanation,
    bool OutOfPost = false,
    DateOnly? LeftOn = null)
{
    /// <summary>Left post (or not yet in post) but still holding work: the supervisor must move it on.</summary>
    public bool HoldsWorkOutOfPost => OutOfPost && (Cases > 0 || Orders > 0);
}

public sealed record WorkloadItemView(string Kind, string PersonName, double Points, IReadOnlyList<string> Reasons);

public sealed record WeekLoad(DateOnly? WeekEnding, double Points, double UtilisationPercent);

/// <summary>A team's officers and their workloads.</summary>
public sealed record TeamWorkloadView(
    string TeamId,
    string TeamName,
    IReadOnlyList<OfficerWorkload> Officers,
    double Points,
    double CapacityPoints,
    double UtilisationPercent,
    int OrphanedItems);
