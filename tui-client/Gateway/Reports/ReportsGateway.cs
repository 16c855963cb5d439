using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>The reports there are, as the client offers them.</summary>
public enum ReportChoice { Compliance, Overdue, ComplianceTrend, OrderUse, Breaches, Workload, IomFlow }

/// <summary>One figure as the server published it ("fewer than 5" when hidden).</summary>
public sealed record ReportFigure(double Value, bool Suppressed, string Text);

public sealed record ReportRowView(string Key, IReadOnlyList<string> Labels, IReadOnlyList<ReportFigure> Figures);

public sealed record ReportView(
    ReportChoice Kind, string Title, DateOnly? From, DateOnly? To, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Measures,
    IReadOnlyList<ReportRowView> Rows, int Threshold, IReadOnlyList<string> Notes);

public sealed record ReportFile(string FileName, string Csv);

/// <summary>The Reports service (aggregates only: no personal data, so no purpose is stated).</summary>
public sealed class ReportsGateway(ServerConnection connection)
{
    private readonly V1.Reports.ReportsClient _reports = new(connection.Invoker);

    /// <summary>Client choice to wire value, one row each (a test checks every choice is here).</summary>
    public static readonly IReadOnlyDictionary<ReportChoice, V1.ReportKind> Kinds = new Dictionary<ReportChoice, V1.ReportKind>
    {
        [ReportChoice.Compliance] = V1.ReportKind.Compliance,
        [ReportChoice.Overdue] = V1.ReportKind.Overdue,
        [ReportChoice.ComplianceTrend] = V1.ReportKind.ComplianceTrend,
        [ReportChoice.OrderUse] = V1.ReportKind.OrderUse,
        [ReportChoice.Breaches] = V1.ReportKind.Breaches,
        [ReportChoice.Workload] = V1.ReportKind.Workload,
        [ReportChoice.IomFlow] = V1.ReportKind.IomFlow,
    };

    public static string Describe(ReportChoice choice) => choice switch
    {
        ReportChoice.Compliance => "Checks on time by kind, risk, team",
        ReportChoice.Overdue => "Checks overdue now",
        ReportChoice.ComplianceTrend => "Compliance trend by month",
        ReportChoice.OrderUse => "Order use by type and district",
        ReportChoice.Breaches => "Breaches by order type and outcome",
        ReportChoice.Workload => "Workload and capacity by team",
        _ => "IOM cohort flow",
    };

    public async Task<ReportView> GetAsync(ReportChoice kind, CancellationToken cancellationToken)
    {
        var report = await connection.CallAsync(null, o => _reports.GetReportAsync(new V1.GetReportRequest { Kind = Kinds[kind] }, o), cancellationToken);
        return new ReportView(kind, report.Title, Wire.Date(report.From), Wire.Date(report.To), report.Dimensions, report.Measures,
            report.Rows.Select((r, i) => new ReportRowView(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Labels,
                r.Cells.Select(c => new ReportFigure(c.Value, c.Suppressed, c.Text)).ToList())).ToList(),
            report.SmallNumberThreshold, report.Notes);
    }

    public async Task<ReportFile> ExportAsync(ReportChoice kind, CancellationToken cancellationToken)
    {
        var export = await connection.CallAsync(null, o => _reports.ExportReportAsync(new V1.GetReportRequest { Kind = Kinds[kind] }, o), cancellationToken);
        return new ReportFile(export.FileName, export.Csv);
    }
}
