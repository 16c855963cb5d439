namespace OffenderMgmt.Server.Common;

/// <summary>Risk of serious harm; ordered so that a higher value is a higher risk.</summary>
public enum RiskLevel { Unspecified = 0, Low = 1, Medium = 2, High = 3, VeryHigh = 4 }

/// <summary>The risk level between domain and proto, by an explicit table (one for every feature).</summary>
public static class RiskLevels
{
    /// <summary>The level in lower-case words, as sentences use it ("high risk"); "unassessed" when none is set.</summary>
    public static string Words(RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => "very high",
        RiskLevel.High => "high",
        RiskLevel.Medium => "medium",
        RiskLevel.Low => "low",
        _ => "unassessed",
    };

    public static readonly EnumTable<RiskLevel, Contracts.V1.RiskLevel> Table = new(new Dictionary<RiskLevel, Contracts.V1.RiskLevel>
    {
        [RiskLevel.Unspecified] = Contracts.V1.RiskLevel.Unspecified, [RiskLevel.Low] = Contracts.V1.RiskLevel.Low,
        [RiskLevel.Medium] = Contracts.V1.RiskLevel.Medium, [RiskLevel.High] = Contracts.V1.RiskLevel.High,
        [RiskLevel.VeryHigh] = Contracts.V1.RiskLevel.VeryHigh,
    });
}
