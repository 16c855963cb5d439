using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Person;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.OffenderManager;

/// <summary>
/// The offender manager's day: their workload against capacity, and their caseload as a table
/// (by risk and what is next, overdue checks and open breaches standing out), to sort, filter
/// and act on: open the person, record a check outcome, record a breach, note a contact.
/// Everything here is the user's own work, so it is read for case management; anyone else's
/// record (found with F3) needs a reason first.
/// </summary>
public sealed class OffenderManagerWorkspace : WorkspaceWindow
{
    private const string Help = """
        Your caseload: ↑↓ move · Enter open the person · type a name to jump to it
        F2 filter (words match name, scheme, risk, area or check) · Alt+O overdue only
        F4 sort by the next column · Shift+F4 reverse · or click a column header
        F7 record a check outcome · F8 record a breach · F9 note a contact
        F3 find anyone (a reason is asked for people outside your caseload)
        """;

    private readonly WorkloadGauge _gauge = new() { X = 0, Y = 0 };
    private readonly TextField _filter;
    private readonly CheckBox _overdueOnly;
    private readonly Label _sortLabel;
    private readonly Label _counts;
    private readonly Label _selectedLine;
    private IReadOnlyList<CaseRow> _cases = [];
    private CaseloadQuery _query = new();

    public OffenderManagerWorkspace(ClientContext context) : base(context, "Offender manager", Help)
    {
        var today = context.Today;
        var filterLabel = new Label { X = 0, Y = 1, Text = "_Filter:" };
        _filter = new TextField { X = 8, Y = 1, Width = 20 };
        _filter.TextChanged += (_, _) => Requery(_query with { Filter = _filter.Text });
        _filter.Accepting += (_, e) =>
        {
            Table!.SetFocus();
            e.Handled = true;
        };
        _overdueOnly = new CheckBox { X = Pos.Right(_filter) + 2, Y = 1, Text = "_Overdue only" };
        _overdueOnly.ValueChanged += (_, e) => Requery(_query with { OverdueOnly = e.NewValue == CheckState.Checked });
        _sortLabel = new Label { X = Pos.Right(_overdueOnly) + 2, Y = 1, Text = "" };
        _counts = new Label { X = Pos.Right(_sortLabel) + 2, Y = 1, Width = Dim.Fill(), Text = "" };

        Table = new RecordTable<CaseRow>(
        [
            new("Name", c => c.PersonName, 14, 30, Priority: Priority.Essential),
            new("Scheme", c => c.Scheme, 6, 12, Priority: Priority.Low),
            new("Risk", c => c.Risk.Describe(), 9, 9, Colour: c => Theme.ForRisk(c.Risk), Priority: Priority.Essential),
            new("Next check", c => c.NextCheckKind ?? "none planned", 24, 64, Priority: Priority.Essential),
            new("Due", c => Dates.Iso(c.NextCheckDue), 10, 10, Priority: Priority.Low),
            new("When", c => Dates.Due(c.NextCheckDue, today), 12, 16, Colour: c => c.NextCheckDue < today ? Theme.WarningCell : null, Priority: Priority.Essential),
            new("Overdue", c => c.OverdueChecks > 0 ? $"⚠ {c.OverdueChecks}" : "", 7, 8, Colour: c => c.OverdueChecks > 0 ? Theme.WarningCell : null, Priority: Priority.High),
            new("Breaches", c => c.OpenBreaches > 0 ? c.OpenBreaches.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", 8, 8, RightAlign: true,
                Colour: c => c.OpenBreaches > 0 ? Theme.ErrorCell : null, Priority: Priority.High),
            new("Area", c => c.InCustody ? "in custody" : c.AreaName ?? "", 12, 40),
        ], c => c.ManagementId)
        {
            X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(2), EmptyText = "Loading your caseload…",
        };
        Table.RecordChosen += (_, row) => OpenPerson(row);
        Table.SelectionChanged += (_, row) => ShowSelected(row);
        Table.HeaderClicked += (_, column) => Requery(_query.SortedBy(SortForColumn(column)));
        // Two lines: the selected case whole (its next check's column may be cut on a narrow terminal).
        _selectedLine = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2, Text = "" };
        _selectedLine.FrameChanged += (_, _) => ShowSelected(Table.Selected);

        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_gauge, filterLabel, _filter, _overdueOnly, _sortLabel, _counts, Table, _selectedLine);
        Compose(
            [
                new MenuBarItem("_Caseload",
                [
                    new MenuItem("_Open person", "Open the selected person's record", () => OpenSelected(), Key.Enter),
                    new MenuItem("_Find a person…", "Search everyone by name or PNC ID", FindPerson, Key.F3),
                    new MenuItem("F_ilter", "Type to filter the caseload", () => _filter.SetFocus(), Key.F2),
                    new MenuItem("_Sort by next column", "Risk, next check, overdue, breaches, name, scheme, area", () => Requery(_query.NextSort()), Key.F4),
                    new MenuItem("_Reverse the sort", "", () => Requery(_query with { Descending = !_query.Descending }), Key.F4.WithShift),
                ]),
                new MenuBarItem("_Person",
                [
                    new MenuItem("Record a check _outcome…", "", RecordOutcome, Key.F7),
                    new MenuItem("Record a _breach…", "", RecordBreach, Key.F8),
                    new MenuItem("Note a _contact…", "", NoteContact, Key.F9),
                ]),
            ],
            content,
            [
                new Shortcut(Key.F2, "Filter", () => _filter.SetFocus()),
                new Shortcut(Key.F3, "Find", FindPerson),
                new Shortcut(Key.F4, "Sort", () => Requery(_query.NextSort())),
                new Shortcut(Key.F7, "Outcome", RecordOutcome),
                new Shortcut(Key.F8, "Breach", RecordBreach),
                new Shortcut(Key.F9, "Contact", NoteContact),
            ]);
        KeyDown += (_, key) =>
        {
            if (key == Key.F4.WithShift)
            {
                Requery(_query with { Descending = !_query.Descending });
                key.Handled = true;
            }
        };
        ShowSort();
        Table.SetFocus();
    }

    public RecordTable<CaseRow> Table { get; }
    public WorkloadGauge Gauge => _gauge;
    public TextField Filter => _filter;
    public CaseloadQuery Query => _query;
    public IReadOnlyList<CaseRow> AllCases => _cases;

    public override async Task RefreshAsync()
    {
        var session = Context.Session;
        if (!session.IsOfficer)
        {
            StatusLine.Error("Your account is not linked to an officer, so it has no caseload.");
            return;
        }
        await Task.WhenAll(LoadCaseloadAsync(session.OfficerId), LoadWorkloadAsync(session.OfficerId));
    }

    private async Task LoadCaseloadAsync(string officerId)
    {
        var done = await Calls.RunAsync("Loading your caseload",
            ct => Context.Gateways.Caseload.OfOfficerAsync(officerId, Purpose.CaseManagement, ct));
        if (!done.Ok)
        {
            Table.EmptyText = $"The caseload could not be loaded: {done.Error!.Message}";
            Table.SetNeedsDraw();
            return;
        }
        _cases = done.Value!;
        Table.EmptyText = _cases.Count == 0 ? "You hold no cases." : "No cases match the filter.";
        Requery(_query);
    }

    private async Task LoadWorkloadAsync(string officerId)
    {
        var done = await Calls.TryAsync("Loading your workload",
            ct => Context.Gateways.Caseload.OfficerWorkloadAsync(officerId, Purpose.CaseManagement, ct));
        if (done.Ok) _gauge.Workload = done.Value;
        else _gauge.ShowMessage($"Workload: {done.Error!.Message}");
    }

    private void Requery(CaseloadQuery query)
    {
        _query = query;
        var shown = query.Apply(_cases);
        Table.SetRows(shown);
        ShowSort();
        var overdue = _cases.Sum(c => c.OverdueChecks);
        var breaches = _cases.Sum(c => c.OpenBreaches);
        _counts.Text = shown.Count == _cases.Count
            ? $"{Words.Count(_cases.Count, "case")} · {overdue} overdue · {Words.Count(breaches, "breach", "breaches")}"
            : $"{shown.Count} of {_cases.Count} cases shown";
    }

    // F4 is on the shortcut bar; the line keeps its room for the counts at 100 columns.
    private void ShowSort() => _sortLabel.Text = $"Sort: {_query.Describe()}";

    private static CaseSort SortForColumn(int column) => column switch
    {
        0 => CaseSort.Name,
        1 => CaseSort.Scheme,
        2 => CaseSort.Risk,
        3 or 4 or 5 => CaseSort.NextCheck,
        6 => CaseSort.Overdue,
        7 => CaseSort.Breaches,
        _ => CaseSort.Area,
    };

    private void ShowSelected(CaseRow? row)
    {
        if (row is null)
        {
            _selectedLine.Text = "";
            return;
        }
        var parts = new List<string> { row.PersonName };
        if (row.InCustody) parts.Add($"in custody{(row.ExpectedRelease is { } release ? $", release {Dates.Iso(release)} ({Dates.Due(release, Context.Today)})" : "")}");
        if (row.NextCheckKind is { } next) parts.Add($"next: {next}, due {Dates.Iso(row.NextCheckDue)} ({Dates.Due(row.NextCheckDue, Context.Today)})");
        parts.Add($"{row.LiveOrders} live order{(row.LiveOrders == 1 ? "" : "s")}");
        if (row.NextReviewDue is { } review) parts.Add($"review due {Dates.Iso(review)} ({Dates.Due(review, Context.Today)})");
        var width = _selectedLine.Frame.Width > 0 ? _selectedLine.Frame.Width : 116;
        var lines = TextWrap.Lines(string.Join(" · ", parts), width);
        _selectedLine.Text = string.Join("\n", lines.Take(1).Append(TextWrap.Fit(string.Join(" ", lines.Skip(1)), width)).Where(l => l.Length > 0));
    }

    protected override void OnEscape()
    {
        if (_filter.Text.Length > 0 || _overdueOnly.Value == CheckState.Checked)
        {
            _filter.Text = "";
            _overdueOnly.Value = CheckState.UnChecked;
            Requery(new CaseloadQuery(Sort: _query.Sort, Descending: _query.Descending));
        }
        Table.SetFocus();
    }

    private void OpenSelected()
    {
        if (Table.Selected is { } row) OpenPerson(row);
    }

    private void OpenPerson(CaseRow row)
    {
        if (PersonWindow.Open(Context, row.PersonId, row.PersonName, Purpose.CaseManagement, notOwnWork: null)) _ = RefreshAsync();
    }

    private void FindPerson()
    {
        var found = FindPersonDialog.Pick(Context, Purpose.CaseManagement);
        if (found is null) return;
        var own = _cases.Any(c => c.PersonId == found.Id);
        var changed = PersonWindow.Open(Context, found.Id, found.Name, Purpose.CaseManagement,
            own ? null : $"{found.Name} is not one of your cases.");
        if (changed) _ = RefreshAsync();
    }

    /// <summary>The selected case's record, loaded for a dialog (with the purpose that worked).</summary>
    private async Task<(PersonRecord Record, Purpose Purpose)?> LoadForActionAsync(CaseRow row, bool checks, bool orders, bool managements)
    {
        var gateways = Context.Gateways;
        var purpose = Purpose.CaseManagement;
        var person = await Calls.RunWithReasonAsync("Loading the record", purpose, (p, ct) => gateways.People.GetAsync(row.PersonId, p, ct));
        if (!person.Ok) return null;
        purpose = person.PurposeUsed ?? purpose;
        var record = new PersonRecord { Details = person.Value! };
        if (checks)
        {
            var history = await Calls.RunAsync("Loading checks", ct => gateways.Compliance.HistoryAsync(row.PersonId, purpose, ct));
            if (!history.Ok) return null;
            record.Checks = history.Value;
        }
        if (orders)
        {
            var list = await Calls.RunAsync("Loading orders", ct => gateways.Orders.ForPersonAsync(row.PersonId, purpose, ct));
            if (!list.Ok) return null;
            record.Orders = list.Value;
        }
        if (managements)
        {
            var list = await Calls.RunAsync("Loading managements", ct => gateways.Caseload.ManagementsOfAsync(row.PersonId, purpose, ct));
            if (!list.Ok) return null;
            record.Managements = list.Value;
        }
        return (record, purpose);
    }

    private void RecordOutcome() => _ = RecordOutcomeAsync();

    private async Task RecordOutcomeAsync()
    {
        if (Table.Selected is not { } row || await LoadForActionAsync(row, checks: true, orders: true, managements: false) is not { } loaded) return;
        var open = loaded.Record.OpenChecks;
        if (open.Count == 0)
        {
            StatusLine.Info($"{row.PersonName} has no open checks.");
            return;
        }
        using var dialog = new RecordOutcomeDialog(Context, row.PersonName, open, open[0].Id, loaded.Record.LiveOrders, loaded.Purpose);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        await RefreshAsync();
        StatusLine.Success($"{row.PersonName}: {dialog.Summary}");
    }

    private void RecordBreach() => _ = RecordBreachAsync();

    private async Task RecordBreachAsync()
    {
        if (Table.Selected is not { } row || await LoadForActionAsync(row, checks: false, orders: true, managements: false) is not { } loaded) return;
        using var dialog = new RecordBreachDialog(Context, row.PersonId, row.PersonName, loaded.Record.LiveOrders, loaded.Purpose);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        await RefreshAsync();
        StatusLine.Success($"{row.PersonName}: {dialog.Summary}");
    }

    private void NoteContact() => _ = NoteContactAsync();

    private async Task NoteContactAsync()
    {
        if (Table.Selected is not { } row || await LoadForActionAsync(row, checks: false, orders: false, managements: true) is not { } loaded) return;
        using var dialog = new NoteContactDialog(Context, row.PersonId, row.PersonName, loaded.Record.ActiveManagements, loaded.Purpose);
        App!.Run(dialog);
        if (!dialog.Completed) return;
        StatusLine.Success($"{row.PersonName}: {dialog.Summary}");
    }
}
