using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Reports;

/// <summary>Maps reports to their messages (no queries).</summary>
public static class ReportMessages
{
    public static readonly EnumTable<ReportKind, V1.ReportKind> Kinds = new(new Dictionary<ReportKind, V1.ReportKind>
    {
        [ReportKind.Compliance] = V1.ReportKind.Compliance,
        [ReportKind.Overdue] = V1.ReportKind.Overdue,
        [ReportKind.ComplianceTrend] = V1.ReportKind.ComplianceTrend,
        [ReportKind.OrderUse] = V1.ReportKind.OrderUse,
        [ReportKind.Breaches] = V1.ReportKind.Breaches,
        [ReportKind.Workload] = V1.ReportKind.Workload,
        [ReportKind.IomFlow] = V1.ReportKind.IomFlow,
    });

    public static V1.Report Report(ReportTable table)
    {
        var message = new V1.Report
        {
            Kind = Kinds.ToProto(table.Kind), Title = table.Title, From = IsoDate.Format(table.From), To = IsoDate.Format(table.To),
            SmallNumberThreshold = table.Threshold,
        };
        message.Dimensions.AddRange(table.Dimensions);
        message.Measures.AddRange(table.Measures);
        message.Notes.AddRange(table.Notes);
        foreach (var row in table.Rows)
        {
            var line = new V1.ReportRow();
            line.Labels.AddRange(row.Labels);
            line.Cells.AddRange(row.Cells.Select(c => new V1.ReportCell { Value = c.Value, Suppressed = c.Suppressed, Text = c.Text }));
            message.Rows.Add(line);
        }
        return message;
    }
}
