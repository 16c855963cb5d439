using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>
/// Management information: pick a report on the left; its table and a bar chart of its first
/// figure column show on the right. Every figure is as the server published it: counts under
/// the threshold say "fewer than N" and get no bar, so the chart reveals no more than the table.
/// </summary>
public sealed class ReportsPanel : View
{
    private readonly ClientContext _context;
    private readonly Calls _calls;
    private readonly ReportsGateway _gateway;
    private readonly Label _title = new() { X = 0, Y = 0, Width = Dim.Fill(), Text = "Choose a report." };
    private readonly View _tableHolder = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Percent(55) };
    private readonly TextPanel _chart = new();
    private int _loads;

    public ReportsPanel(ClientContext context, Calls calls)
    {
        _context = context;
        _calls = calls;
        _gateway = new ReportsGateway(context.Connection);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Choices = new ChoiceList<ReportChoice>(Enum.GetValues<ReportChoice>().Select(c => (ReportsGateway.Describe(c), c)))
        {
            X = 0, Y = 0, Width = 36, Height = Dim.Fill(),
        };
        Choices.ValueChanged += (_, _) => _ = LoadAsync();
        var right = new View { X = Pos.Right(Choices) + 1, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _chart.Y = Pos.Bottom(_tableHolder);
        _chart.Height = Dim.Fill();
        right.Add(_title, _tableHolder, _chart);
        Add(Choices, right);
        Table = NewTable(null);
        _tableHolder.Add(Table);
    }

    public ChoiceList<ReportChoice> Choices { get; }
    public RecordTable<ReportRowView> Table { get; private set; }
    public ReportView? Report { get; private set; }
    public IReadOnlyList<string> ChartLines => _chart.Lines;
    public string Title2 => _title.Text;

    /// <summary>Loads the chosen report (a later choice wins over an earlier one still loading).</summary>
    public async Task LoadAsync()
    {
        var kind = Choices.Chosen;
        var load = ++_loads;
        var done = await _calls.RunAsync($"Loading {ReportsGateway.Describe(kind).ToLowerInvariant()}", ct => _gateway.GetAsync(kind, ct));
        if (!done.Ok || load != _loads) return;
        Show(done.Value!);
    }

    private void Show(ReportView report)
    {
        Report = report;
        _title.Text = $"{report.Title} · {Dates.Iso(report.From)} to {Dates.Iso(report.To)} · counts under {report.Threshold} hidden";
        _tableHolder.Remove(Table);
        Table.Dispose();
        Table = NewTable(report);
        _tableHolder.Add(Table);
        Table.SetRows(report.Rows);
        _chart.SetLines(Chart(report, Math.Max(10, (_context.App.Screen.Width > 0 ? _context.App.Screen.Width : 120) - 90)));
    }

    private static RecordTable<ReportRowView> NewTable(ReportView? report)
    {
        var columns = new List<Column<ReportRowView>>();
        if (report is not null)
        {
            for (var i = 0; i < report.Dimensions.Count; i++)
            {
                var at = i;
                columns.Add(new(report.Dimensions[i], r => r.Labels[at], 6, 40, Priority: i == 0 ? Priority.Essential : Priority.High));
            }
            for (var i = 0; i < report.Measures.Count; i++)
            {
                var at = i;
                columns.Add(new(report.Measures[i], r => r.Figures[at].Text, 4, 14, RightAlign: true,
                    Colour: r => r.Figures[at].Suppressed ? Theme.WarningCell : null, Priority: i == 0 ? Priority.Essential : Priority.Normal));
            }
        }
        else columns.Add(new("", _ => "", 1, 1));
        return new RecordTable<ReportRowView>(columns, r => r.Key)
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = report is null ? "Choose a report on the left." : "No rows in this period.",
        };
    }

    /// <summary>One bar per row for the first figure column; a hidden figure gets its words and no bar.</summary>
    public static IReadOnlyList<string> Chart(ReportView report, int barWidth)
    {
        if (report.Measures.Count == 0 || report.Rows.Count == 0) return [];
        var max = report.Rows.Max(r => r.Figures[0].Suppressed ? 0 : r.Figures[0].Value);
        var labelWidth = Math.Min(40, report.Rows.Max(r => string.Join(" · ", r.Labels).Length));
        var lines = new List<string> { $"{report.Measures[0]}:" };
        lines.AddRange(report.Rows.Select(r =>
        {
            var label = TextWrap.Fit(string.Join(" · ", r.Labels), labelWidth).PadRight(labelWidth);
            var figure = r.Figures[0];
            return figure.Suppressed ? $"{label} │ ({figure.Text})" : $"{label} │{BlockBars.Render(figure.Value, max, barWidth)} {figure.Text}";
        }));
        return lines;
    }

    /// <summary>Writes the chosen report's CSV to <paramref name="path"/>; the file name the server suggests if a directory is given.</summary>
    public async Task<string?> ExportAsync(string path, Calls calls)
    {
        var kind = Choices.Chosen;
        var done = await calls.RunAsync("Exporting the report", ct => _gateway.ExportAsync(kind, ct));
        if (!done.Ok) return null;
        var target = Directory.Exists(path) ? Path.Combine(path, done.Value!.FileName) : path;
        await File.WriteAllTextAsync(target, done.Value!.Csv);
        return target;
    }

    public static string DefaultFolder => Environment.CurrentDirectory;

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
