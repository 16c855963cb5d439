namespace OffenderMgmt.Server.Reports;

/// <summary>The reports there are (issue 19, What to build 3).</summary>
public enum ReportKind
{
    Compliance = 1,
    Overdue = 2,
    ComplianceTrend = 3,
    OrderUse = 4,
    Breaches = 5,
    Workload = 6,
    IomFlow = 7,
}

/// <summary>One figure as published: its value (0 when suppressed, never the real one) and its text.</summary>
public readonly record struct Figure(double Value, bool Suppressed, string Text);

public sealed record ReportLine(IReadOnlyList<string> Labels, IReadOnlyList<Figure> Cells);

/// <summary>
/// A report as published: label columns, figure columns, rows. Built only through
/// <see cref="SmallNumbers"/>, so no cell can leave the server unsuppressed.
/// </summary>
public sealed record ReportTable(
    ReportKind Kind, string Title, DateOnly From, DateOnly To,
    IReadOnlyList<string> Dimensions, IReadOnlyList<string> Measures, IReadOnlyList<ReportLine> Rows,
    int Threshold, IReadOnlyList<string> Notes);
