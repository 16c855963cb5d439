using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// MAPPA meetings from a month ago to a month ahead: pick a meeting to see its agenda (who is
/// to be discussed and why) and, once minuted, each case's decision, level, actions and the
/// disclosure decision. Case workers record a held meeting's minutes (F7); a partner agency
/// reads the meetings its agency attends (the server shows it no others).
/// </summary>
public sealed class MappaPanel : View
{
    private readonly ClientContext _context;
    private readonly Calls _calls;
    private readonly StatusLine _status;
    private readonly Purpose _purpose;
    private readonly bool _canMinute;
    // Wraps to a second line at 100 columns rather than lose its end (the F7 hint).
    private readonly SummaryLine _line = new("Loading MAPPA meetings…");
    private readonly TextPanel _detail = new();
    private MappaMeetingRow? _meeting;
    private int _loadingFor;
    private (string Id, Task Load)? _inFlight;

    public MappaPanel(ClientContext context, Calls calls, StatusLine status, Purpose purpose, bool canMinute)
    {
        _context = context;
        _calls = calls;
        _status = status;
        _purpose = purpose;
        _canMinute = canMinute;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var today = context.Today;
        Meetings = new RecordTable<MappaMeetingRow>(
        [
            new("Date", m => Dates.Iso(m.HeldOn), 10, 10, Priority: Priority.Essential),
            new("Level", m => m.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), 5, 5, RightAlign: true),
            new("Chair", m => m.Chair, 10, 30, Priority: Priority.Low),
            new("Minutes", m => m.Minuted ? "recorded" : m.HeldOn is { } on && on <= today ? "TO RECORD" : "to come", 9, 9,
                Colour: m => m.Minuted ? Theme.GoodCell : m.HeldOn is { } on && on <= today ? Theme.WarningCell : null, Priority: Priority.Essential),
            new("Agencies", m => string.Join(", ", m.Agencies), 20, 80),
        ], m => m.Id)
        { X = 0, Y = Pos.Bottom(_line), Width = Dim.Fill(), Height = Dim.Percent(30), EmptyText = "Loading…" };
        Cases = new RecordTable<MappaAgendaCase>(
        [
            new("Person", c => c.PersonName, 14, 30, Priority: Priority.Essential),
            new("Cat", c => c.Category.ToString(System.Globalization.CultureInfo.InvariantCulture), 3, 3, RightAlign: true, Priority: Priority.Low),
            new("Lvl", c => c.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), 3, 3, RightAlign: true),
            new("Risk", c => c.Risk.Describe(), 9, 9, Colour: c => Theme.ForRisk(c.Risk), Priority: Priority.Essential),
            new("Why", c => string.Join(", ", c.Reasons), 16, 34),
            new("Decision", c => c.Minutes?.Decision ?? "", 10, 60, Colour: c => c.Minutes is null ? null : Theme.GoodCell, Priority: Priority.High),
        ], c => c.ManagementId)
        { X = 0, Y = Pos.Bottom(Meetings), Width = Dim.Fill(), Height = Dim.Percent(35), EmptyText = "Choose a meeting above to see its agenda." };
        _detail.Y = Pos.Bottom(Cases);
        _detail.Height = Dim.Fill();
        Meetings.SelectionChanged += (_, m) => _ = ShowMeetingAsync(m);
        Meetings.RecordChosen += (_, _) => Cases.SetFocus();
        Cases.SelectionChanged += (_, c) => ShowCase(c);
        Add(_line, Meetings, Cases, _detail);
    }

    public RecordTable<MappaMeetingRow> Meetings { get; }
    public RecordTable<MappaAgendaCase> Cases { get; }
    public MappaMeetingRow? Meeting => _meeting;
    public string DetailText => _detail.AllText;

    public async Task LoadAsync()
    {
        var done = await _calls.RunAsync("Loading MAPPA meetings", ct => _context.Gateways.Mappa.MeetingsAsync(_purpose, ct));
        if (!done.Ok)
        {
            _line.Text = $"MAPPA meetings could not be loaded: {done.Error!.Message}";
            Meetings.EmptyText = $"Could not be loaded: {done.Error!.Message}";
            Meetings.SetRows([]);
            return;
        }
        var meetings = done.Value!;
        var toRecord = meetings.Count(m => !m.Minuted && m.HeldOn <= _context.Today);
        _line.Text = $"{Words.Count(meetings.Count, "meeting")} from a month ago to a month ahead · {toRecord} held and not minuted"
                     + (_canMinute ? " · F7 records a held meeting's minutes" : "");
        Meetings.EmptyText = "No MAPPA meetings in these two months.";
        // Start on the next meeting to be held (or the last one held): that is what people open this for.
        var keep = _meeting?.Id ?? meetings.FirstOrDefault(m => m.HeldOn >= _context.Today)?.Id ?? (meetings.Count > 0 ? meetings[^1].Id : null);
        Meetings.SetRows(meetings);
        if (keep is not null) Meetings.Select(keep);
        await ShowMeetingAsync(Meetings.Selected);
    }

    /// <summary>
    /// Shows a meeting's agenda, loading it once: the cursor settling on a meeting (rows replaced,
    /// then selected) and the load that follows share one call, and awaiting either waits for it.
    /// </summary>
    private Task ShowMeetingAsync(MappaMeetingRow? row)
    {
        if (row is null)
        {
            _meeting = null;
            Cases.SetRows([]);
            return Task.CompletedTask;
        }
        if (_meeting?.Id == row.Id && _meeting.Agenda.Count > 0 && _meeting.Version == row.Version) return Task.CompletedTask;
        if (_inFlight is { } pending && pending.Id == row.Id) return pending.Load;
        var load = LoadMeetingAsync(row);
        _inFlight = (row.Id, load);
        return load;
    }

    private async Task LoadMeetingAsync(MappaMeetingRow row)
    {
        var ticket = ++_loadingFor;
        var done = await _calls.RunAsync("Loading the meeting's agenda", ct => _context.Gateways.Mappa.MeetingAsync(row.Id, _purpose, ct));
        if (ticket != _loadingFor) return;  // the user has moved on to another meeting
        _inFlight = null;
        if (!done.Ok)
        {
            Cases.EmptyText = $"The agenda could not be loaded: {done.Error!.Message}";
            Cases.SetRows([]);
            return;
        }
        _meeting = done.Value!;
        Cases.EmptyText = "No cases on this meeting's agenda.";
        Cases.SetRows(_meeting.Agenda);
        ShowCase(Cases.Selected);
    }

    private void ShowCase(MappaAgendaCase? c)
    {
        if (_meeting is not { } m)
        {
            _detail.SetLines([]);
            return;
        }
        var lines = new List<string>
        {
            $"Level {m.Level} meeting {Dates.Iso(m.HeldOn)} · chair {m.Chair} · events since {Dates.Iso(m.Since)} put a case on the agenda",
        };
        if (m.Minuted)
            lines.Add($"Minuted by {m.MinutedBy ?? "?"}; present: {string.Join(", ", m.Attendees.Select(a => $"{a.Name} ({a.Agency})"))}");
        if (c is not null)
        {
            lines.Add($"{c.PersonName} · category {c.Category}, level {c.Level} · risk {c.Risk.Describe()} · last reviewed {Dates.Iso(c.LastReviewedOn)}");
            lines.Add($"Why on the agenda: {string.Join(", ", c.Reasons)}");
            lines.AddRange(c.Details.Select(d => $"  • {d}"));
            if (c.Minutes is { } minutes)
            {
                lines.Add($"Decision: {minutes.Decision} (level {minutes.Level})");
                lines.AddRange(minutes.Actions.Select(a => $"  → {a.What}; {a.OwnerAgency ?? "an officer"}; due {Dates.Iso(a.DueOn)}{(a.Overdue ? " · OVERDUE" : "")}"));
                lines.Add(minutes.DisclosureConsidered
                    ? $"Disclosure considered: {(minutes.Disclose == true ? "disclose" : "do not disclose")}: {minutes.DisclosureRationale}"
                    : "Disclosure: not considered.");
            }
            else if (!m.Minuted) lines.Add("Not minuted yet.");
        }
        _detail.SetLines(lines);
    }

    /// <summary>F7: record the selected meeting's minutes, once it has been held.</summary>
    public void RecordMinutes()
    {
        if (!_canMinute)
        {
            _status.Info("Minutes are recorded by the meeting's police and probation case workers.");
            return;
        }
        if (_meeting is not { } meeting)
        {
            _status.Info("Choose a meeting first.");
            return;
        }
        if (meeting.Minuted)
        {
            _status.Info("This meeting's minutes are already recorded.");
            return;
        }
        if (meeting.HeldOn > _context.Today)
        {
            _status.Info($"The meeting is on {Dates.Iso(meeting.HeldOn)}: minutes are recorded once it has been held.");
            return;
        }
        using var dialog = new MappaMinutesDialog(_context, meeting, _purpose);
        _context.App.Run(dialog);
        if (!dialog.Completed) return;
        _meeting = dialog.Saved;
        _ = ReloadThenSay($"Minutes recorded for the level {meeting.Level} meeting of {Dates.Iso(meeting.HeldOn)}.");
    }

    private async Task ReloadThenSay(string summary)
    {
        _meeting = null;
        _inFlight = null;
        await LoadAsync();
        _status.Success(summary);
    }
}
