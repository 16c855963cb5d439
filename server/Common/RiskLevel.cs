namespace OffenderMgmt.Server.Common;

/// <summary>Risk of serious harm; ordered so that a higher value is a higher risk.</summary>
public enum RiskLevel { Unspecified = 0, Low = 1, Medium = 2, High = 3, VeryHigh = 4 }
