using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Admin;

/// <summary>
/// The administrator's audit viewer: whether the trail's hash chain is intact, and the calls on
/// it, newest first: who (account and role), when, what call, why (the purpose stated) and how
/// it ended. Searching by a person's id answers "who looked at this person, when and why"
/// (DPA 2018 s.62: logs of consultation and disclosure, with the justification). It reads the
/// trail only, never a personal record: names are not shown because the trail holds ids.
/// </summary>
public sealed class AuditWorkspace : WorkspaceWindow
{
    private const int PageSize = 200;

    private const string Help = """
        F2 search: by record id (a person's id: who looked at them), account, days
        ↑↓ shows the call's details below · Enter shows every call on the call's first record
        F8 or End at the bottom loads more · Esc goes back to the previous search
        F7 checks the audit chain again (every entry's hash and link, from the first)
        """;

    private readonly Label _chainLine = new() { X = 0, Y = 0, Width = Dim.Fill(), Text = "Audit chain: checking…" };
    // A record's id makes this line long: it wraps to a second line rather than lose its end.
    private readonly SummaryLine _queryLine = new("") { Y = 1 };
    private readonly TextPanel _detail = new();
    private readonly Stack<AuditQuery> _back = new();
    private readonly List<AuditRow> _rows = [];
    private AuditQuery _query = new();
    private string? _next;

    public AuditWorkspace(ClientContext context) : base(context, "Administrator · audit trail", Help)
    {
        Entries = new RecordTable<AuditRow>(
        [
            new("When", e => e.At is { } at ? Context.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "", 19, 19, Priority: Priority.Essential),
            new("Account", e => e.Subject, 10, 24, Priority: Priority.Essential),
            new("Role", e => ShortRole(e.Role), 7, 10, Priority: Priority.Low),
            new("Call", e => e.MethodShort, 12, 32, Priority: Priority.Essential),
            new("Outcome", e => e.Outcome, 7, 24, Colour: e => e.Ok ? null : Theme.WarningCell, Priority: Priority.High),
            new("Action", e => e.Action, 6, 8, Priority: Priority.Low),
            new("Why", e => e.Purpose, 10, 60, Priority: Priority.High),
        ], e => e.Sequence.ToString(CultureInfo.InvariantCulture))
        { X = 0, Y = Pos.Bottom(_queryLine), Width = Dim.Fill(), Height = Dim.Fill(7), EmptyText = "Loading…" };
        Entries.SelectionChanged += (_, e) => ShowEntry(e);
        Entries.RecordChosen += (_, e) =>
        {
            if (e.RecordIds.Count > 0) _ = SearchAsync(new AuditQuery(e.RecordIds[0]), remember: true);
        };
        Entries.KeyDown += (_, key) =>
        {
            // End at the last row asks for the next page, as a pager does.
            if ((key == Key.End || key == Key.CursorDown) && Entries.SelectedIndex == _rows.Count - 1 && _next is not null)
            {
                _ = LoadMoreAsync();
                key.Handled = key == Key.CursorDown;
            }
        };
        _detail.Y = Pos.AnchorEnd(7);
        _detail.Height = 7;
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_chainLine, _queryLine, Entries, _detail);
        Compose(
            [
                new MenuBarItem("_Audit",
                [
                    new MenuItem("_Search…", "By record id, account or days", Search, Key.F2),
                    new MenuItem("_Check the chain", "Recompute every entry's hash from the first", () => _ = VerifyAsync(), Key.F7),
                    new MenuItem("Load _more", "The next page of calls", () => _ = LoadMoreAsync(), Key.F8),
                    new MenuItem("_All calls", "Clear the search", () => _ = SearchAsync(new AuditQuery(), remember: true)),
                ]),
            ],
            content,
            [
                new Shortcut(Key.F2, "Search", Search),
                new Shortcut(Key.F7, "Check chain", () => _ = VerifyAsync()),
                new Shortcut(Key.F8, "More", () => _ = LoadMoreAsync()),
            ]);
        Entries.SetFocus();
    }

    /// <summary>The role as a column can hold it; the detail pane below has it in full.</summary>
    private static string ShortRole(string role) => role switch
    {
        "offender-manager" => "manager",
        "partner-agency" => "partner",
        "local-officer" => "officer",
        _ => role,
    };

    public RecordTable<AuditRow> Entries { get; }
    public string ChainLine => _chainLine.Text;
    public string QueryLine => _queryLine.Text;
    public string DetailText => _detail.AllText;
    public AuditQuery Query => _query;

    public override Task RefreshAsync() => Task.WhenAll(VerifyAsync(), SearchAsync(_query, remember: false));

    public void Search()
    {
        using var dialog = new AuditFilterDialog(Context, _query);
        App!.Run(dialog);
        if (dialog.Completed && dialog.Query is { } query) _ = SearchAsync(query, remember: true);
    }

    /// <summary>Shows the calls matching <paramref name="query"/>; Esc returns to the previous search when remembered.</summary>
    public async Task SearchAsync(AuditQuery query, bool remember)
    {
        var done = await Calls.RunAsync("Reading the audit trail", ct => Context.Gateways.Audit.QueryAsync(query, null, PageSize, ct));
        if (!done.Ok)
        {
            Entries.EmptyText = $"Could not be read: {done.Error!.Message}";
            return;
        }
        if (remember && query != _query) _back.Push(_query);
        _query = query;
        _rows.Clear();
        _rows.AddRange(done.Value!.Rows);
        _next = done.Value.NextPageToken;
        Entries.EmptyText = "No calls on the trail match.";
        Entries.SetRows(_rows.ToList());
        Entries.SetSelection(0, 0, false);
        DescribeQuery();
    }

    private async Task LoadMoreAsync()
    {
        if (_next is not { } token || Calls.IsBusy) return;
        var query = _query;
        var done = await Calls.RunAsync("Reading more of the audit trail", ct => Context.Gateways.Audit.QueryAsync(query, token, PageSize, ct));
        if (!done.Ok || query != _query) return;
        _rows.AddRange(done.Value!.Rows);
        _next = done.Value.NextPageToken;
        Entries.SetRows(_rows.ToList());
        DescribeQuery();
    }

    private void DescribeQuery()
    {
        var parts = new List<string>();
        if (_query.RecordId is { } record) parts.Add($"touching record {record}");
        if (_query.Subject is { } subject) parts.Add($"by {subject}");
        if (_query.From is { } from) parts.Add($"from {Context.Local(from):yyyy-MM-dd}");
        if (_query.To is { } to) parts.Add($"before {Context.Local(to):yyyy-MM-dd}");
        var what = parts.Count == 0 ? "All calls" : $"Calls {string.Join(", ", parts)}";
        var more = _next is null ? "all shown" : "more: F8 or End at the bottom";
        _queryLine.Text = $"{what}, newest first · {Words.Count(_rows.Count, "call")} shown, {more} · F2 search{(_back.Count > 0 ? " · Esc back" : "")}";
    }

    private async Task VerifyAsync()
    {
        _chainLine.Text = "Audit chain: checking every entry…";
        var done = await Calls.RunAsync("Checking the audit chain", ct => Context.Gateways.Audit.VerifyAsync(ct));
        if (!done.Ok)
        {
            _chainLine.Text = $"Audit chain: could not be checked ({done.Error!.Message})";
            _chainLine.SetScheme(Theme.Line(Theme.WarningText));
            return;
        }
        var chain = done.Value!;
        var at = Context.Local(Context.Now).ToString("HH:mm", CultureInfo.InvariantCulture);
        if (chain.Intact)
        {
            _chainLine.Text = $"Audit chain: INTACT · {chain.EntriesChecked:#,0} entries checked at {at} · F7 checks again";
            _chainLine.SetScheme(Theme.Line(Theme.GoodText));
        }
        else
        {
            var first = chain.Broken.Count > 0 ? $"#{chain.Broken[0].Sequence}: {chain.Broken[0].Problem}" : $"#{chain.FirstBroken}: {chain.Problem}";
            _chainLine.Text = $"Audit chain: BROKEN · {Words.Count((int)Math.Min(chain.BrokenCount, int.MaxValue), "entry", "entries")} do not fit, first {first} · {chain.EntriesChecked:#,0} checked at {at}";
            _chainLine.SetScheme(Theme.Line(Theme.ErrorText));
        }
    }

    private void ShowEntry(AuditRow? e)
    {
        if (e is null)
        {
            _detail.SetLines([]);
            return;
        }
        _detail.SetLines(
        [
            $"#{e.Sequence} · {(e.At is { } at ? Context.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "")} · {e.Subject} ({e.Role}) · {e.MethodShort} · {e.Action}",
            $"Why: {(e.Purpose.Length > 0 ? e.Purpose : "no purpose stated")}",
            $"Outcome: {e.Outcome}",
            e.RecordIds.Count == 0 ? "Records: none" : $"Records ({e.RecordIds.Count}, Enter shows every call on the first): {string.Join(", ", e.RecordIds)}",
        ]);
    }

    protected override void OnEscape()
    {
        if (_back.Count > 0) _ = SearchAsync(_back.Pop(), remember: false);
        else Entries.SetFocus();
    }
}
