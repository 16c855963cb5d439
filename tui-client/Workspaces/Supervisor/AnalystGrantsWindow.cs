using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// Analysts' grants (issue 19): analysts read aggregates, and a person-level read needs a
/// supervisor's grant naming the people, the purpose and an end. Over the supervisor's
/// workspace (Ctrl+F9 there): the grants, live ones first; F7 grants a new one, F8 revokes the
/// selected one (with a reason; it stays listed, ended), F4 shows ended grants too; Esc closes.
/// </summary>
public sealed class AnalystGrantsWindow : OverlayWindow
{
    private readonly ClientContext _context;
    private readonly Label _line = new() { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading analysts' grants…" };
    private int _loads;

    public AnalystGrantsWindow(ClientContext context) : base(context, "Analysts' grants · F7 grant · F8 revoke · F4 ended too · Esc closes")
    {
        _context = context;
        Grants = new RecordTable<AnalystGrantRow>(
        [
            new("Analyst", g => g.Analyst, 12, 20),
            new("State", g => g.State, 7, 7),
            new("People", g => g.PersonIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), 6, 6),
            new("Purpose", g => g.Purpose, 16, 40),
            new("Until", g => Dates.Time(g.ExpiresAt, context.Clock.LocalTimeZone), 16, 16),
            new("Granted by", g => g.GrantedBy, 10, 18),
            new("Why these people", g => g.Reason, 12, 40),
        ], g => g.Id)
        { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "No analyst holds a grant. F7 grants one." };
        var content = new View { X = 0, Y = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_line, Grants);
        Show(content, Grants, LoadAsync);
        KeyDown += (_, key) =>
        {
            if (key == Key.F7) { NewGrant(); key.Handled = true; }
            else if (key == Key.F8) { if (Grants.Selected is { } g) Revoke(g); key.Handled = true; }
            else if (key == Key.F4) { IncludeEnded = !IncludeEnded; _ = LoadAsync(); key.Handled = true; }
        };
    }

    public RecordTable<AnalystGrantRow> Grants { get; }
    public bool IncludeEnded { get; private set; }

    public async Task LoadAsync()
    {
        var load = ++_loads;
        var ended = IncludeEnded;
        var done = await Calls.RunAsync("Loading analysts' grants", ct => _context.Gateways.Access.GrantsAsync(ended, ct));
        if (!done.Ok || load != _loads) return;
        var rows = done.Value!.OrderByDescending(g => g.Active).ThenBy(g => g.ExpiresAt).ToList();
        Grants.SetRows(rows);
        var live = rows.Count(g => g.Active);
        _line.Text = $"{live} live grant{(live == 1 ? "" : "s")}{(ended ? $", {rows.Count - live} ended" : "")} · analysts read aggregates; a grant opens the named people's records, never restricted text";
    }

    public void NewGrant()
    {
        using var dialog = new GrantAnalystDialog(_context);
        _context.App.Run(dialog);
        if (dialog.Granted is not { } grant) return;
        _ = ReloadSayingAsync($"{grant.Analyst} may read {(grant.PersonIds.Count == 1 ? "1 person's record" : $"{grant.PersonIds.Count} people's records")} until {Dates.Time(grant.ExpiresAt, _context.Clock.LocalTimeZone)}.");
    }

    /// <summary>Reloads the list, then says what was done (the load's own progress would wipe it otherwise).</summary>
    private async Task ReloadSayingAsync(string done)
    {
        await LoadAsync();
        StatusLine.Success(done);
    }

    public void Revoke(AnalystGrantRow grant)
    {
        if (!grant.Active)
        {
            StatusLine.Success($"That grant has already {(grant.RevokedAt is null ? "expired" : "been revoked")}.");
            return;
        }
        using var dialog = new RevokeGrantDialog(_context, grant);
        _context.App.Run(dialog);
        if (!dialog.Completed) return;
        _ = ReloadSayingAsync($"{grant.Analyst}'s grant for \"{grant.Purpose}\" is revoked: their next read of those people is refused.");
    }
}
