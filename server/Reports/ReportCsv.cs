using System.Globalization;
using CsvHelper;

namespace OffenderMgmt.Server.Reports;

/// <summary>
/// A report as RFC 4180 CSV, written by CsvHelper like the briefing export: one header row
/// (label columns, then figure columns), then one row per line. A figure is written as a
/// number in the invariant culture; a suppressed one as its text ("fewer than 5"), and one
/// that cannot be computed as "n/a". Text fields pass CsvHelper's formula-injection guard.
/// </summary>
public static class ReportCsv
{
    private static readonly CsvWriterOptions CsvOptions = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        NullValue = "",
    };

    public static string Write(ReportTable report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader([.. report.Dimensions, .. report.Measures]);
            foreach (var row in report.Rows)
            {
                foreach (var label in row.Labels) csv.WriteField(label);
                foreach (var cell in row.Cells)
                {
                    if (cell.Suppressed || cell.Text == "n/a") csv.WriteField(cell.Text);
                    else csv.WriteField(cell.Value);
                }
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    public static string FileName(ReportTable report) =>
        $"{ReportBuilder.Words(report.Kind.ToString()).Replace(' ', '-')}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv";
}
