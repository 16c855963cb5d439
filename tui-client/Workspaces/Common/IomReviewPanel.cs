using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Supervisor;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// This week's IOM review agenda: who is to be discussed and why, what the meeting decided,
/// and (Enter or F7) recording a decision with its actions. The supervisor's and a partner
/// agency's workspaces both show it; each says its own purpose.
/// </summary>
public sealed class IomReviewPanel : View
{
    private readonly ClientContext _context;
    private readonly Calls _calls;
    private readonly StatusLine _status;
    private Purpose _purpose;
    private readonly SummaryLine _line = new("Loading the agenda…");
    private readonly TextPanel _detail = new();
    private IomAgenda? _agenda;

    public IomReviewPanel(ClientContext context, Calls calls, StatusLine status, Purpose purpose)
    {
        _context = context;
        _calls = calls;
        _status = status;
        _purpose = purpose;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Agenda = new RecordTable<IomAgendaItem>(
        [
            new("Person", i => i.PersonName, 14, 30, Priority: Priority.Essential),
            new("Cohort", i => i.Cohort, 6, 8, Priority: Priority.Low),
            new("Risk", i => i.Risk.Describe(), 9, 9, Colour: i => Theme.ForRisk(i.Risk), Priority: Priority.Essential),
            new("Officer", i => i.OfficerName ?? "", 14, 22),
            new("Why", i => string.Join(", ", i.Reasons), 16, 50, Priority: Priority.High),
            new("Decision", i => i.Decision ?? "to discuss", 10, 40, Colour: i => i.Decided ? Theme.GoodCell : null, Priority: Priority.Essential),
        ], i => i.ManagementId)
        { X = 0, Y = Pos.Bottom(_line), Width = Dim.Fill(), Height = Dim.Percent(55), EmptyText = "Loading…" };
        Agenda.RecordChosen += (_, i) => RecordDecision(i);
        Agenda.SelectionChanged += (_, i) => Show(i);
        _detail.Y = Pos.Bottom(Agenda);
        _detail.Height = Dim.Fill();
        Add(_line, Agenda, _detail);
    }

    public RecordTable<IomAgendaItem> Agenda { get; }
    public string DetailText => _detail.AllText;

    /// <summary>The summary line above the agenda, whole.</summary>
    public string Line => _line.Text;

    /// <summary>
    /// Loads the agenda. The agenda is for the IOM team, its supervisors and the scheme's partners
    /// (issue 19); anyone else is asked for a reason only when they ask for it
    /// (<paramref name="askForReason"/>: F5 on this tab), never by the load behind a workspace.
    /// </summary>
    public async Task LoadAsync(bool askForReason = false)
    {
        const string doing = "Loading the IOM review agenda";
        var done = askForReason
            ? await _calls.RunWithReasonAsync(doing, _purpose, (purpose, ct) => _context.Gateways.Caseload.IomAgendaAsync(null, purpose, ct))
            : await _calls.TryAsync(doing, ct => _context.Gateways.Caseload.IomAgendaAsync(null, _purpose, ct));
        if (done.Ok && done.PurposeUsed is { } used) _purpose = used;   // the decisions recorded from it state the same reason
        if (!done.Ok && done.Error!.Failure == GatewayFailure.ReasonNeeded)
        {
            _line.Text = "This agenda is for the IOM team, its supervisors and the scheme's partners: F5 here opens it with a reason.";
            Agenda.EmptyText = "Not opened: F5 here gives a reason and opens it.";
            Agenda.SetRows([]);
            return;
        }
        if (!askForReason) _calls.Report(done);
        if (!done.Ok)
        {
            _line.Text = $"The agenda could not be loaded: {done.Error!.Message}";
            Agenda.EmptyText = $"Could not be loaded: {done.Error!.Message}";
            Agenda.SetRows([]);
            return;
        }
        _agenda = done.Value!;
        // The counts first: at 100 columns the line wraps, and the figures must not be what goes.
        _line.Text = $"{_agenda.Items.Count} to discuss, {_agenda.Items.Count(i => i.Decided)} decided · meeting {Dates.Iso(_agenda.MeetingOn)} · changes since {Dates.Iso(_agenda.Since)} · Enter records a decision";
        Agenda.EmptyText = "Nobody is on this week's agenda.";
        Agenda.SetRows(_agenda.Items);
    }

    private void Show(IomAgendaItem? item)
    {
        if (item is null)
        {
            _detail.SetLines([]);
            return;
        }
        var lines = new List<string>
        {
            $"{item.PersonName} · {item.Cohort} cohort: {string.Join(", ", item.Categories)} · risk {item.Risk.Describe()} · officer {item.OfficerName ?? "none"}",
            $"Why on the agenda: {string.Join(", ", item.Reasons)}",
        };
        lines.AddRange(item.Details.Select(d => $"  • {d}"));
        lines.Add(item.Decided ? $"Decision ({item.DecidedBy ?? "recorded"}): {item.Decision}" : "Decision: not yet recorded (Enter to record it)");
        lines.AddRange(item.Actions.Select(a => $"  → {a}"));
        if (item.ProposeDeselection) lines.Add("Proposed for deselection from the cohort.");
        _detail.SetLines(lines);
    }

    /// <summary>Records the meeting's decision about the selected person (F7).</summary>
    public void RecordSelected()
    {
        if (Agenda.Selected is { } item) RecordDecision(item);
    }

    private void RecordDecision(IomAgendaItem item)
    {
        if (_agenda?.MeetingOn is not { } meeting) return;
        using var dialog = new IomDecisionDialog(_context, item, meeting, _purpose);
        _context.App.Run(dialog);
        if (!dialog.Completed) return;
        _ = ReloadThenSay($"Decision recorded for {item.PersonName}.");
    }

    private async Task ReloadThenSay(string summary)
    {
        await LoadAsync();
        _status.Success(summary);
    }
}
