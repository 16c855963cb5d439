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
    // The title wraps at 100 columns: its end says what "<5" in the table means.
    private readonly SummaryLine _title = new("Choose a report.");
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
            X = 0, Y = 0, Width = ChoicesWidth, Height = Dim.Fill(),
        };
        Choices.ValueChanged += (_, _) => _ = LoadAsync();
        var right = new View { X = Pos.Right(Choices) + 1, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _tableHolder.Y = Pos.Bottom(_title);
        _chart.Y = Pos.Bottom(_tableHolder);
        _chart.Height = Dim.Fill();
        right.Add(_title, _tableHolder, _chart);
        Add(Choices, right);
        Table = NewTable(null);
        _tableHolder.Add(Table);
    }

    private const int ChoicesWidth = 36;

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
        _title.Text = $"{report.Title} · {Dates.Iso(report.From)} to {Dates.Iso(report.To)} · counts under {report.Threshold} hidden (<{report.Threshold})";
        _tableHolder.Remove(Table);
        Table.Dispose();
        Table = NewTable(report);
        _tableHolder.Add(Table);
        Table.SetRows(report.Rows);
        var screen = _context.App.Screen.Width > 0 ? _context.App.Screen.Width : 120;
        // The chart's width: the screen less the window's border, the list of reports and the gap.
        _chart.SetLines(Chart(report, Math.Max(10, screen - 90), screen - 2 - ChoicesWidth - 1));
    }

    /// <summary>
    /// The figures are the point of a report (issue 20): at 100 columns every figure column
    /// stays (the labels after the first are cut first), and a hidden count is "&lt;5" in the table
    /// (the title says what it means; the chart says it in words).
    /// </summary>
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
                var hidden = $"<{report.Threshold}";
                columns.Add(new(report.Measures[i], r => r.Figures[at].Suppressed ? hidden : r.Figures[at].Text, 4, 14, RightAlign: true,
                    Colour: r => r.Figures[at].Suppressed ? Theme.WarningCell : null, Priority: Priority.Essential));
            }
        }
        else columns.Add(new("", _ => "", 1, 1));
        return new RecordTable<ReportRowView>(columns, r => r.Key)
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = report is null ? "Choose a report on the left." : "No rows in this period.",
        };
    }

    /// <summary>
    /// One bar per row for the first figure column; a hidden figure gets its words and no bar.
    /// When a row's label does not fit beside its bar in <paramref name="width"/>, its long names
    /// are shortened to their initials ("VSOMT"), with a legend under the chart (issue 20).
    /// </summary>
    public static IReadOnlyList<string> Chart(ReportView report, int barWidth, int width = int.MaxValue)
    {
        if (report.Measures.Count == 0 || report.Rows.Count == 0) return [];
        var max = report.Rows.Max(r => r.Figures[0].Suppressed ? 0 : r.Figures[0].Value);
        // What follows a label: " │" and the bar and figure, or " │ (fewer than 5)".
        var tail = 2 + report.Rows.Max(r => r.Figures[0].Suppressed ? r.Figures[0].Text.Length + 3 : barWidth + 1 + r.Figures[0].Text.Length);
        var room = Math.Clamp(width == int.MaxValue ? 40 : width - tail, 10, 40);
        var legend = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string LabelOf(ReportRowView r)
        {
            var whole = string.Join(" · ", r.Labels);
            if (whole.Length <= room) return whole;
            return string.Join(" · ", r.Labels.Select(l =>
            {
                var initials = Initials(l);
                if (initials is null) return l;
                legend[initials] = l;
                return initials;
            }));
        }
        var labels = report.Rows.Select(LabelOf).ToList();
        var labelWidth = Math.Min(room, labels.Max(l => l.Length));
        var lines = new List<string> { $"{report.Measures[0]}:" };
        lines.AddRange(report.Rows.Select((r, i) =>
        {
            // Padded with no-break spaces: the chart's panel re-wraps its lines and would fold plain ones, so the bars would not line up.
            var label = TextWrap.Fit(labels[i], labelWidth).PadRight(labelWidth, '\u00A0');
            var figure = r.Figures[0];
            return figure.Suppressed ? $"{label} │ ({figure.Text})" : $"{label} │{BlockBars.Render(figure.Value, max, barWidth)} {figure.Text}";
        }));
        lines.AddRange(legend.Select(p => $"{p.Key}: {p.Value}"));
        return lines;
    }

    /// <summary>A long name's initials ("Violent and Sexual Offender Management Team": "VSOMT"), or null for a short or lower-case label.</summary>
    internal static string? Initials(string label)
    {
        var capitals = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray();
        return label.Length > 12 && capitals.Length >= 2 ? new string(capitals) : null;
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
