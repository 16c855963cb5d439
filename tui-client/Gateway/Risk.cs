namespace OffenderMgmt.Tui.Gateway;

/// <summary>Risk of serious harm; the values match the API's RiskLevel so the order is the risk order.</summary>
public enum Risk
{
    Unknown = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    VeryHigh = 4,
}

public static class RiskWords
{
    public static string Describe(this Risk risk) => risk switch
    {
        Risk.Low => "Low",
        Risk.Medium => "Medium",
        Risk.High => "High",
        Risk.VeryHigh => "Very high",
        _ => "Not set",
    };

    internal static Risk FromWire(Contracts.V1.RiskLevel level) =>
        WireEnums.Risks.FromWire(level);
}
