using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// One officer's workload explained: the points each case and order carries and why, and the
/// weeks behind the "excessive" judgement. Read-only; Esc closes it.
/// </summary>
public sealed class OfficerWorkloadDialog : Dialog
{
    private readonly ClientContext _context;
    private readonly string _officerId;
    private readonly TextPanel _text = new() { X = 1, Y = 1 };
    private readonly Calls _calls;

    public OfficerWorkloadDialog(ClientContext context, OfficerWorkload summary)
    {
        _context = context;
        _officerId = summary.OfficerId;
        Title = $"Workload · {summary.OfficerName}";
        Width = Dim.Percent(90);
        Height = Dim.Percent(85);
        SetScheme(Theme.Dialog);
        _text.Height = Dim.Fill(1);
        _text.Width = Dim.Fill(1);
        var close = new Button { Text = "_Close" };
        AddButton(close);
        Add(_text);
        _calls = new Calls(context, new TextFeedback(this));
        _text.SetLines([WorkloadGauge.Describe(summary), "", "Loading the explanation…"]);
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) _ = LoadAsync();
        };
    }

    public string Explanation => _text.AllText;

    private async Task LoadAsync()
    {
        var done = await _calls.RunAsync("Loading", ct => _context.Gateways.Caseload.OfficerWorkloadAsync(_officerId, Purpose.Supervision, ct));
        if (!done.Ok) return;
        var w = done.Value!;
        var lines = new List<string> { WorkloadGauge.Describe(w) };
        if (w.Explanation is { } explanation) lines.Add(explanation);
        lines.Add("");
        lines.Add("Weeks (week ending, utilisation):");
        lines.AddRange(w.Weeks.Select(k => string.Create(CultureInfo.InvariantCulture,
            $"  {Dates.Iso(k.WeekEnding)}  {UtilisationBar.Render(k.UtilisationPercent, 30)} {k.UtilisationPercent,4:0}%")));
        lines.Add("");
        lines.Add($"What carries the points ({w.Items.Count}):");
        lines.AddRange(w.Items.OrderByDescending(i => i.Points).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  {i.Points,4:0.#}  {i.Kind,-5} {i.PersonName}: {string.Join(", ", i.Reasons)}")));
        _text.SetLines(lines);
    }

    private sealed class TextFeedback(OfficerWorkloadDialog dialog) : IFeedback
    {
        public void Busy(string doing) { }
        public void Info(string text) { }
        public void Problem(string text) => dialog._text.SetLines([$"The workload could not be loaded: {text}"]);
        public void Idle() { }
    }
}
