using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// The supervisor's view of the team: who carries how much (utilisation bars against
/// capacity), the orphaned queue with handover summaries and a reallocate dialog that shows
/// who could take each case, the team's overdue checks, and this week's IOM review agenda with
/// its decisions and actions. Calls state "supervision"; records outside the team need a reason.
/// </summary>
public sealed class SupervisorWorkspace : WorkspaceWindow
{
    private const string Help = """
        Alt+1 team workload · Alt+2 orphaned queue · Alt+3 overdue checks · Alt+4 IOM review
        Team workload: Enter explains an officer's points; F6 moves some of their cases to another
          officer (Space marks cases; suggestions show each officer's load after the move);
          on an officer who has left post, Enter (or F8) moves everything they hold to the queue
        Orphaned queue: Space marks several · Enter or F7 reallocates (the server suggests who);
          a person's case and the orders waiting with it are one row and move together
        Overdue checks: Enter opens the person · F4 sort (Shift+F4 reverses, or click a header) · F2 one officer's
        IOM review: Enter or F7 records the meeting's decision and actions
        Alt+5 MAPPA meetings: ↑↓ picks a meeting and shows its agenda; F7 records a held meeting's minutes
        F3 find anyone (a reason is asked for people outside your team)
        F9 reports · Shift+F9 records due for review and disposal · Ctrl+F9 analysts' grants (grant, list, revoke)
        """;

    private readonly Tabs _tabs;
    private readonly View[] _pages;
    private readonly SummaryLine _teamLine;
    private readonly Label _handover;
    private readonly SummaryLine _orphanedLine = new("Loading the orphaned queue…");
    private readonly SummaryLine _overdueLine = new("Loading overdue checks…");
    private readonly HashSet<string> _marked = [];
    private HashSet<string> _teamPeople = [];
    private Dictionary<string, Risk> _risks = [];
    private IReadOnlyList<CheckRow> _overdue = [];
    private OverdueQuery _overdueQuery = new();

    public SupervisorWorkspace(ClientContext context) : base(context, "Supervisor", Help)
    {
        var today = context.Today;
        _teamLine = new SummaryLine("Loading the team…");
        Team = new RecordTable<OfficerWorkload>(
        [
            new("Officer", w => w.OfficerName, 16, 30, Priority: Priority.Essential),
            new("Hours", w => w.ContractedHours.ToString("0.#", CultureInfo.InvariantCulture), 5, 5, RightAlign: true, Priority: Priority.Low),
            new("Cases", w => w.Cases.ToString(CultureInfo.InvariantCulture), 5, 5, RightAlign: true),
            new("Orders", w => w.Orders.ToString(CultureInfo.InvariantCulture), 6, 6, RightAlign: true, Priority: Priority.Low),
            new("Points", w => $"{w.Points:0.#}/{w.CapacityPoints:0.#}", 11, 11, RightAlign: true),
            new("Utilisation", w => $"{UtilisationBar.Render(w.UtilisationPercent, 20)} {w.UtilisationPercent,4:0}%", 26, 26, Colour: LoadColour, Priority: Priority.Essential),
            new("Status", Status, 10, 40,
                Colour: w => w.Excessive || w.HoldsWorkOutOfPost ? Theme.ErrorCell : w.UtilisationPercent > w.ThresholdPercent ? Theme.WarningCell : null, Priority: Priority.High),
        ], w => w.OfficerId)
        { X = 0, Y = Pos.Bottom(_teamLine), Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "Loading…" };
        Team.RecordChosen += (_, w) =>
        {
            if (w.HoldsWorkOutOfPost) OfficerLeft(w);
            else ExplainWorkload(w);
        };

        Orphaned = new RecordTable<OrphanedCase>(
        [
            new("", o => _marked.Contains(o.Id) ? "■" : " ", 1, 1, Priority: Priority.Essential),
            new("Person", o => o.PersonName, 14, 30, Priority: Priority.Essential),
            new("What", o => o.Description, 16, 50, Priority: Priority.High),
            new("Risk", o => o.Risk.Describe(), 9, 9, Colour: o => Theme.ForRisk(o.Risk), Priority: Priority.Essential),
            new("Was with", o => o.PreviousOfficerName ?? "", 14, 26, Priority: Priority.Low),
            new("Waiting", o => o.OrphanedAt is { } at ? Dates.Ago(DateOnly.FromDateTime(at.UtcDateTime), today) : "", 10, 14),
        ], o => $"{o.Kind}:{o.Id}")
        { X = 0, Y = Pos.Bottom(_orphanedLine), Width = Dim.Fill(), Height = Dim.Fill(5), EmptyText = "Loading…" };
        Orphaned.RecordChosen += (_, _) => Reallocate();
        Orphaned.SelectionChanged += (_, o) => _handover!.Text = o is null ? "" : TextWrap.Wrap(ReallocateDialog.HandoverText(o, Context.Today), 114);
        Orphaned.KeyDown += (_, key) =>
        {
            if (key != Key.Space || Orphaned.Selected is not { } item) return;
            if (!_marked.Remove(item.Id)) _marked.Add(item.Id);
            Orphaned.SetNeedsDraw();
            Orphaned.MoveCursorByOffset(0, 1, false, null!);
            key.Handled = true;
        };
        _handover = new Label { X = 0, Y = Pos.AnchorEnd(5), Width = Dim.Fill(), Height = 5, Text = "" };

        Overdue = new RecordTable<CheckRow>(
        [
            new("Late", c => $"{c.DaysOverdue} d", 6, 7, RightAlign: true, Colour: c => c.DaysOverdue > 28 ? Theme.ErrorCell : Theme.WarningCell, Priority: Priority.Essential),
            new("Risk", c => RiskOf(c.PersonId).Describe(), 9, 9, Colour: c => Theme.ForRisk(RiskOf(c.PersonId)), Priority: Priority.Essential),
            new("Due", c => Dates.Iso(c.DueOn), 10, 10),
            new("Check", c => c.Kind, 12, 34, Priority: Priority.Essential),
            new("Person", c => c.PersonName, 14, 30, Priority: Priority.Essential),
            new("Officer", OverdueQuery.OfficerOf, 16, 24),
            new("What", c => c.Description ?? "", 20, 50, Priority: Priority.Low),
        ], c => c.Id)
        { X = 0, Y = Pos.Bottom(_overdueLine), Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "Loading…" };
        Overdue.RecordChosen += (_, c) => OpenPerson(c.PersonId, c.PersonName);
        Overdue.HeaderClicked += (_, column) => RequeryOverdue(_overdueQuery.SortedBy(column switch
        {
            1 => OverdueSort.Risk,
            4 => OverdueSort.Person,
            5 => OverdueSort.Officer,
            _ => OverdueSort.Late,
        }));

        Review = new IomReviewPanel(context, Calls, StatusLine, Purpose.Supervision);
        Mappa = new MappaPanel(context, Calls, StatusLine, Purpose.Supervision, canMinute: true);

        _pages =
        [
            TabPage.Of("Team workload", _teamLine, Team),
            TabPage.Of("Orphaned queue", _orphanedLine, Orphaned, _handover),
            TabPage.Of("Overdue checks", _overdueLine, Overdue),
            TabPage.Of("IOM review", Review),
            TabPage.Of("MAPPA", Mappa),
        ];
        _tabs = new Tabs { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _tabs.Add(_pages);
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_tabs);

        Compose(
            [
                new MenuBarItem("_Team",
                [
                    new MenuItem("Team _workload", "", () => ShowTab(0), Key.D1.WithAlt),
                    new MenuItem("_Orphaned queue", "", () => ShowTab(1), Key.D2.WithAlt),
                    new MenuItem("O_verdue checks", "", () => ShowTab(2), Key.D3.WithAlt),
                    new MenuItem("_IOM review", "", () => ShowTab(3), Key.D4.WithAlt),
                    new MenuItem("_MAPPA meetings", "", () => ShowTab(4), Key.D5.WithAlt),
                    new MenuItem("_Find a person…", "", FindPerson, Key.F3),
                ]),
                new MenuBarItem("_Action",
                [
                    new MenuItem("_Reallocate…", "Give the selected or marked orphaned work to an officer", Reallocate, Key.F7),
                    new MenuItem("_Move cases…", "Move some of the selected officer's cases to another officer", () => { if (Team.Selected is { } w) MoveCases(w); }, Key.F6),
                    new MenuItem("_Sort overdue checks", "Days late, risk, person, officer", () => RequeryOverdue(_overdueQuery.NextSort()), Key.F4),
                    new MenuItem("Overdue checks of _one officer…", "", FilterOverdue, Key.F2),
                    new MenuItem("Officer _left…", "Move everything the selected officer holds to the queue", () => { if (Team.Selected is { } w) OfficerLeft(w); }, Key.F8),
                    new MenuItem("Record IOM _decision…", "", Review.RecordSelected),
                    new MenuItem("Record MAPPA _minutes…", "For the selected meeting, once held", Mappa.RecordMinutes),
                ]),
            ],
            content,
            [
                new Shortcut(Key.F3, "Find", FindPerson),
                new Shortcut(Key.F6, "Move cases", () => { if (Team.Selected is { } w) MoveCases(w); }),
                new Shortcut(Key.F7, "Reallocate/Decide", Act),
                new Shortcut(Key.F8, "Officer left", () => { if (Team.Selected is { } w) OfficerLeft(w); }),
                new Shortcut(Key.D1.WithAlt, "…5 Tabs", () => ShowTab(0)),
            ]);
        KeyDown += (_, key) => OverdueKeys(key);
        KeyDown += (_, key) =>
        {
            // Alt+1..5 from anywhere in the workspace (menu item keys only act while the menu is open).
            if (!key.IsAlt || key.NoAlt.KeyCode is < Terminal.Gui.Drivers.KeyCode.D1 or > Terminal.Gui.Drivers.KeyCode.D5) return;
            ShowTab((int)(key.NoAlt.KeyCode - Terminal.Gui.Drivers.KeyCode.D1));
            key.Handled = true;
        };
        ShowTab(0);
    }

    public RecordTable<OfficerWorkload> Team { get; }

    /// <summary>The summary lines above the team and the orphaned queue, whole.</summary>
    public string TeamLine => _teamLine.Text;

    public string OrphanedLine => _orphanedLine.Text;
    public RecordTable<OrphanedCase> Orphaned { get; }
    public RecordTable<CheckRow> Overdue { get; }
    public IomReviewPanel Review { get; }
    public MappaPanel Mappa { get; }
    public RecordTable<IomAgendaItem> Agenda => Review.Agenda;
    public string HandoverText => _handover.Text;
    public string AgendaDetailText => Review.DetailText;
    public View CurrentTab => _tabs.Value!;

    /// <summary>What stands out about an officer's load, worst first.</summary>
    private static string Status(OfficerWorkload w) =>
        w.HoldsWorkOutOfPost ? $"LEFT {Dates.Iso(w.LeftOn)}: Enter moves work"
        : w.OutOfPost ? "out of post"
        : w.Excessive ? $"EXCESSIVE ({w.ConsecutiveWeeksOverThreshold} wks over)"
        : w.UtilisationPercent > w.ThresholdPercent ? $"over ({w.ConsecutiveWeeksOverThreshold} wk)"
        : "";

    private static Scheme? LoadColour(OfficerWorkload w) =>
        UtilisationBar.Level(w.UtilisationPercent, w.ThresholdPercent, w.Excessive) switch
        {
            LoadLevel.Excessive or LoadLevel.Over => Theme.ErrorCell,
            LoadLevel.Near => Theme.WarningCell,
            _ => null,
        };

    public void ShowTab(int index)
    {
        _tabs.Value = _pages[index];
        (index switch { 0 => Team, 1 => Orphaned, 2 => Overdue, 3 => Agenda, _ => (View)Mappa.Meetings }).SetFocus();
    }

    private void Act()
    {
        if (_tabs.Value == _pages[3]) Review.RecordSelected();
        else if (_tabs.Value == _pages[4]) Mappa.RecordMinutes();
        else Reallocate();
    }

    public override async Task RefreshAsync()
    {
        var session = Context.Session;
        if (session.TeamId.Length == 0)
        {
            StatusLine.Error("Your account is not in a team, so there is nothing to supervise.");
            return;
        }
        await Task.WhenAll(LoadTeamAsync(session.TeamId), LoadOrphanedAsync(session.TeamId), LoadOverdueAsync(session.TeamId), Review.LoadAsync(askForReason: _tabs.Value == _pages[3]), Mappa.LoadAsync(), LoadTeamPeopleAsync(session.TeamId));
        // Said once everything has loaded, so the loading messages do not cover it.
        var leavers = Team.Rows.Count(o => o.HoldsWorkOutOfPost);
        if (leavers > 0 && StatusLine.Kind is not StatusKind.Error)
            StatusLine.Warning(leavers == 1
                ? "An officer who has left post still holds work: Enter on them moves it to the queue."
                : $"{leavers} officers who have left post still hold work: Enter on each moves it to the queue.");
    }

    private async Task LoadTeamAsync(string teamId)
    {
        var done = await Calls.RunAsync("Loading team workload", ct => Context.Gateways.Caseload.TeamWorkloadAsync(teamId, Purpose.Supervision, ct));
        if (!done.Ok)
        {
            Fail(Team, done.Error!);
            return;
        }
        var team = done.Value!;
        // The counts first: the team's name (also in the title) is what a narrow terminal cuts.
        _teamLine.Text = string.Create(CultureInfo.InvariantCulture,
            $"{Words.Count(team.Officers.Count, "officer")} · {Words.Count(team.OrphanedItems, "orphaned item")} · {team.Points:0.#} of {team.CapacityPoints:0.#} points ({team.UtilisationPercent:0}%) · {team.TeamName}");
        Team.EmptyText = "No officers in the team.";
        Team.SetRows(team.Officers);
    }

    private async Task LoadOrphanedAsync(string teamId)
    {
        var done = await Calls.RunAsync("Loading the orphaned queue", ct => Context.Gateways.Caseload.OrphanedAsync(teamId, Purpose.Supervision, ct));
        if (!done.Ok)
        {
            _orphanedLine.Text = "The orphaned queue could not be loaded.";
            Fail(Orphaned, done.Error!);
            return;
        }
        var rows = QueueRows.Fold(done.Value!);
        _marked.IntersectWith(rows.Select(o => o.Id));
        Orphaned.EmptyText = "Nothing is waiting: every case and order has an owner.";
        _orphanedLine.Text = rows.Count == 0
            ? "The queue is empty."
            : $"{QueueRows.CountOf(rows)} waiting for an owner, highest risk first · Space marks several · Enter or F7 reallocates";
        Orphaned.SetRows(rows);
    }

    private async Task LoadOverdueAsync(string teamId)
    {
        var done = await Calls.RunAsync("Loading overdue checks", ct => Context.Gateways.Compliance.OverdueAsync(CheckScope.Team(teamId), Purpose.Supervision, ct));
        if (!done.Ok)
        {
            Fail(Overdue, done.Error!);
            return;
        }
        Overdue.EmptyText = "No overdue checks in the team.";
        _overdue = done.Value!;
        RequeryOverdue(_overdueQuery);
    }

    public OverdueQuery OverdueQuery => _overdueQuery;

    private Risk RiskOf(string personId) => _risks.GetValueOrDefault(personId);

    private void RequeryOverdue(OverdueQuery query)
    {
        _overdueQuery = query;
        var rows = query.Apply(_overdue, RiskOf);
        Overdue.EmptyText = _overdue.Count == 0 ? "No overdue checks in the team." : $"No overdue checks for {query.Officer}.";
        _overdueLine.Text = $"{Words.Count(rows.Count, "check")} overdue{(query.Officer is { } o ? $" for {o}" : " across the team")} · " +
                            $"sort: {query.Describe()} (F4, Shift+F4) · F2 one officer · Enter opens the person";
        Overdue.SetRows(rows);
    }

    /// <summary>F4 / Shift+F4 sort and F2 filter act on the overdue tab only.</summary>
    private void OverdueKeys(Key key)
    {
        if (_tabs.Value != _pages[2]) return;
        if (key == Key.F4.WithShift) RequeryOverdue(_overdueQuery with { Descending = !_overdueQuery.Descending });
        else if (key == Key.F4) RequeryOverdue(_overdueQuery.NextSort());
        else if (key == Key.F2) FilterOverdue();
        else return;
        key.Handled = true;
    }

    private void FilterOverdue()
    {
        ShowTab(2);
        using var dialog = new OfficerFilterDialog(_overdue, _overdueQuery.Officer);
        App!.Run(dialog);
        if (dialog.Picked) RequeryOverdue(_overdueQuery with { Officer = dialog.Officer });
    }

    /// <summary>Who the team holds, so opening one of them needs no reason (anyone else does).</summary>
    private async Task LoadTeamPeopleAsync(string teamId)
    {
        var done = await Calls.TryAsync("Loading the team's caseload", ct => Context.Gateways.Caseload.OfTeamAsync(teamId, Purpose.Supervision, ct));
        if (!done.Ok) return;
        _teamPeople = done.Value!.Select(c => c.PersonId).ToHashSet();
        // The overdue list's risk column: the person's highest case risk in the team.
        _risks = done.Value!.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Max(c => c.Risk));
        Overdue.SetNeedsDraw();
        if (_overdueQuery.Sort == OverdueSort.Risk) RequeryOverdue(_overdueQuery);
    }

    private static void Fail<T>(RecordTable<T> table, GatewayException e) where T : class
    {
        table.EmptyText = $"Could not be loaded: {e.Message}";
        table.SetRows([]);
    }

    private void ExplainWorkload(OfficerWorkload workload)
    {
        using var dialog = new OfficerWorkloadDialog(Context, workload);
        App!.Run(dialog);
    }

    private void OfficerLeft(OfficerWorkload officer)
    {
        if (officer.Cases == 0 && officer.Orders == 0)
        {
            StatusLine.Info($"{officer.OfficerName} holds nothing to move.");
            return;
        }
        // F8 on someone still in post would orphan a working caseload: say so and ask, Cancel the default.
        if (!officer.OutOfPost && !ConfirmDialog.Ask(App!, "Officer still in post",
                $"{officer.OfficerName} is in post with {officer.Cases} cases and {officer.Orders} orders. " +
                "\"Officer left\" records that they have left and empties their caseload into the queue. " +
                "To ease a heavy load, reallocate some of their cases instead.", "_They have left…"))
            return;
        using var dialog = new OfficerLeftDialog(Context, officer);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        _ = ReloadThenShowQueue($"{dialog.Moved.Count} items held by {officer.OfficerName} are now in the orphaned queue.");
    }

    /// <summary>
    /// Eases an overloaded officer: pick some of their cases, then who takes them (suggestions
    /// with each officer's load after the move), with a reason; asks with the count before moving.
    /// </summary>
    private void MoveCases(OfficerWorkload officer)
    {
        ShowTab(0);
        if (officer.Cases == 0)
        {
            StatusLine.Info($"{officer.OfficerName} holds no cases to move.");
            return;
        }
        using var pick = new MoveCasesDialog(Context, officer);
        App!.Run(pick);
        if (pick.Chosen.Count == 0) return;
        using var dialog = new ReallocateDialog(Context, pick.Chosen);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        _ = ReloadThenSay($"{dialog.Summary} (from {officer.OfficerName})");
    }

    private async Task ReloadThenShowQueue(string summary)
    {
        await RefreshAsync();
        ShowTab(1);
        StatusLine.Success(summary);
    }

    private void Reallocate()
    {
        var items = Orphaned.Rows.Where(o => _marked.Contains(o.Id)).ToList();
        if (items.Count == 0 && Orphaned.Selected is { } selected) items.Add(selected);
        if (items.Count == 0)
        {
            StatusLine.Info("Nothing to reallocate: the orphaned queue is empty.");
            return;
        }
        ShowTab(1);
        using var dialog = new ReallocateDialog(Context, items);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        _marked.Clear();
        _ = ReloadThenSay(dialog.Summary);
    }

    private async Task ReloadThenSay(string summary)
    {
        await RefreshAsync();
        StatusLine.Success(summary);
    }

    private void OpenPerson(string personId, string name)
    {
        var inTeam = _teamPeople.Count == 0 || _teamPeople.Contains(personId);
        if (PersonWindow.Open(Context, personId, name, Purpose.Supervision, inTeam ? null : $"{name} is not one of your team's cases."))
            _ = RefreshAsync();
    }

    private void FindPerson()
    {
        if (FindPersonDialog.Pick(Context, Purpose.Supervision) is { } found) OpenPerson(found.Id, found.Name);
    }

    protected override void OnEscape() => ShowTab(Math.Max(0, Array.IndexOf(_pages, _tabs.Value)));
}
