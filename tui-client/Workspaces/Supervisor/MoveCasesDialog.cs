using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// One officer's cases, to ease an overloaded caseload: Space marks the cases to move (the
/// highlighted one when none is marked), Enter or F7 goes on to choose who takes them. The
/// person's orders that the officer leads go with each case (the server moves them together).
/// </summary>
public sealed class MoveCasesDialog : Dialog
{
    private readonly ClientContext _context;
    private readonly OfficerWorkload _officer;
    private readonly HashSet<string> _marked = [];
    private readonly Label _line;
    private readonly Calls _calls;

    public MoveCasesDialog(ClientContext context, OfficerWorkload officer)
    {
        _context = context;
        _officer = officer;
        Title = $"Move cases · {officer.OfficerName}";
        Width = Dim.Percent(94);
        Height = Dim.Percent(90);
        SetScheme(Theme.Dialog);
        _line = new Label
        {
            X = 1, Y = 0, Width = Dim.Fill(1),
            Text = $"{WorkloadGauge.Describe(officer)} · loading their cases…",
        };
        Cases = new RecordTable<CaseRow>(
        [
            new("", c => _marked.Contains(c.ManagementId) ? "■" : " ", 1, 1),
            new("Person", c => c.PersonName, 20, 28),
            new("Scheme", c => c.Scheme, 6, 12),
            new("Risk", c => c.Risk.Describe(), 9, 9, Colour: c => Theme.ForRisk(c.Risk)),
            new("Orders", c => c.LiveOrders == 0 ? "" : c.LiveOrders.ToString(System.Globalization.CultureInfo.InvariantCulture), 6, 6, RightAlign: true),
            new("Overdue", c => c.OverdueChecks == 0 ? "" : c.OverdueChecks.ToString(System.Globalization.CultureInfo.InvariantCulture), 7, 7, RightAlign: true),
            new("Area", c => c.AreaName ?? "", 10, 24),
        ], c => c.ManagementId)
        { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(1), EmptyText = "Loading…" };
        Cases.KeyDown += (_, key) =>
        {
            if (key != Key.Space || Cases.Selected is not { } row) return;
            if (!_marked.Remove(row.ManagementId)) _marked.Add(row.ManagementId);
            ShowCount();
            Cases.SetNeedsDraw();
            Cases.MoveCursorByOffset(0, 1, false, null!);
            key.Handled = true;
        };
        Cases.RecordChosen += (_, _) => Choose();
        KeyDown += (_, key) =>
        {
            if (key != Key.F7) return;
            key.Handled = true;
            Choose();
        };
        var move = new Button { Text = "_Move…" };
        move.Accepting += (_, e) =>
        {
            e.Handled = true;
            Choose();
        };
        var close = new Button { Text = "_Close" };
        close.Accepting += (_, e) =>
        {
            e.Handled = true;
            RequestStop();
        };
        AddButton(close);
        AddButton(move);
        move.IsDefault = false;
        Add(_line, Cases);
        _calls = new Calls(context, new LineFeedback(this));
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value || Cases.Rows.Count > 0) return;
            Cases.SetFocus();
            _ = LoadAsync();
        };
    }

    public RecordTable<CaseRow> Cases { get; }
    public string LineText => _line.Text;

    /// <summary>The cases to move, as reallocation items (empty when the dialog was closed).</summary>
    public IReadOnlyList<OrphanedCase> Chosen { get; private set; } = [];

    private async Task LoadAsync()
    {
        var done = await _calls.RunAsync("Loading their cases", ct => _context.Gateways.Caseload.OfOfficerAsync(_officer.OfficerId, Purpose.Supervision, ct));
        if (!done.Ok) return;
        Cases.EmptyText = $"{_officer.OfficerName} holds no cases.";
        Cases.SetRows(done.Value!.OrderByDescending(c => c.Risk).ThenBy(c => c.PersonName, StringComparer.CurrentCulture).ToList());
        ShowCount();
    }

    private void ShowCount() => _line.Text =
        $"{WorkloadGauge.Describe(_officer)} · {Words.Count(Cases.Rows.Count, "case")}" +
        (_marked.Count > 0 ? $", {_marked.Count} marked" : "") + " · Space marks · Enter or F7 chooses who takes them";

    private void Choose()
    {
        var rows = Cases.Rows.Where(r => _marked.Contains(r.ManagementId)).ToList();
        if (rows.Count == 0 && Cases.Selected is { } one) rows.Add(one);
        if (rows.Count == 0) return;
        Chosen = rows.Select(AsItem).ToList();
        RequestStop();
    }

    /// <summary>A held case as a reallocation item, with what the next officer needs to know from its row.</summary>
    public OrphanedCase AsItem(CaseRow c) =>
        new OrphanedCase("case", c.ManagementId, c.PersonId, c.PersonName,
            c.LiveOrders > 0 ? $"{c.Scheme} + {Words.Count(c.LiveOrders, "order")}" : c.Scheme, c.Risk, _officer.OfficerName, null,
            new Handover(0, c.NextCheckKind, c.NextCheckDue, c.OverdueChecks, c.OpenBreaches, c.InCustody ? c.ExpectedRelease : null, null, null, null),
            c.Scheme == "VSOMT")
        { HeldBy = _officer.OfficerName };

    private sealed class LineFeedback(MoveCasesDialog dialog) : IFeedback
    {
        public void Busy(string doing) { }
        public void Info(string text) { }
        public void Problem(string text) => dialog._line.Text = $"Their cases could not be loaded: {text}";
        public void Idle() { }
    }
}
