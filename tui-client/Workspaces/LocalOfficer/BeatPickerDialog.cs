using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// Picks a beat by name, code or district: the list narrows as the officer types (the server
/// does the matching), ↓ moves into the list, Enter picks. The cursor starts on the beat shown
/// (or the one last picked, remembered per user), else on the first beat of the officer's own
/// district (their team's, e.g. "Luton Community Policing" starts in Luton), not on the first
/// beat of the force.
/// </summary>
public sealed class BeatPickerDialog : FormDialog
{
    private CancellationTokenSource? _searching;
    private int _generation;

    public BeatPickerDialog(ClientContext context, string? current) : base(context, "Pick a beat", "_Pick", 84)
    {
        var label = new Label { X = 1, Y = 1, Text = "_Search:" };
        Query = new TextField { X = 10, Y = 1, Width = Dim.Fill(1) };
        Count = new Label { X = 1, Y = 2, Width = Dim.Fill(1), Text = "Loading beats…" };
        Beats = new ChoiceList<AreaRow>([]) { X = 1, Y = 3, Width = Dim.Fill(1), Height = 16 };
        Add(label, Query, Count, Beats);
        AddProblemLine(Pos.Bottom(Beats) + 1);
        Query.TextChanged += (_, _) => _ = SearchAsync();
        Query.KeyDown += (_, key) =>
        {
            if (key != Terminal.Gui.Input.Key.CursorDown || Beats.Count == 0) return;
            Beats.SetFocus();
            key.Handled = true;
        };
        Current = current;
        HomeDistrictOf = context.Connection.Session?.TeamName ?? "";
        Query.SetFocus();
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) _ = SearchAsync();
        };
    }

    /// <summary>What is typed here is a question, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    public TextField Query { get; }
    public Label Count { get; }
    public ChoiceList<AreaRow> Beats { get; }
    public string? Current { get; }

    /// <summary>The team name the officer's own district is read from.</summary>
    private string HomeDistrictOf { get; }

    /// <summary>
    /// Where the cursor starts: the current beat, else the first beat of the officer's district
    /// (the longest district name the team's name starts with), else the first.
    /// </summary>
    public static int StartAt(IReadOnlyList<AreaRow> beats, string? current, string teamName)
    {
        var index = current is null ? -1 : beats.ToList().FindIndex(a => a.Code == current);
        if (index >= 0) return index;
        var district = beats.Select(a => a.District).Distinct()
            .Where(d => d.Length > 0 && teamName.StartsWith(d + " ", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.Length).FirstOrDefault();
        return district is null ? 0 : Math.Max(0, beats.ToList().FindIndex(a => a.District == district));
    }
    public AreaRow? Picked { get; private set; }

    private async Task SearchAsync()
    {
        _searching?.Cancel();
        var generation = ++_generation;
        var searching = _searching = new CancellationTokenSource();
        var query = Query.Text;
        try
        {
            var areas = await Context.Gateways.Areas.ListAsync(query, searching.Token);
            if (generation != _generation) return;
            var ordered = areas.OrderBy(a => a.District, StringComparer.CurrentCulture).ThenBy(a => a.Name, StringComparer.CurrentCulture).ToList();
            Beats.SetChoices(ordered.Select(a => ($"{TextWrap.Fit(a.Name, 34),-34} {a.Code,-10} {TextWrap.Fit(a.District, 20),-20} {a.Residents,3} people", a)),
                StartAt(ordered, Current, HomeDistrictOf));
            Count.Text = ordered.Count == 0 ? $"No beat matches \"{query}\"." : $"{ordered.Count} beat{(ordered.Count == 1 ? "" : "s")}";
            ShowProblem("");
        }
        catch (GatewayException e)
        {
            // Only the latest search may speak: an older one is cancelled by newer typing.
            if (generation == _generation && e.Failure != GatewayFailure.Cancelled) ShowProblem(e.Message);
        }
        finally
        {
            // Newer typing may still cancel this search, so it is only disposed once nothing refers to it.
            if (_searching == searching) _searching = null;
            searching.Dispose();
        }
    }

    protected override Task<bool> SubmitCoreAsync()
    {
        if (Beats.Chosen is not { } beat)
        {
            ShowProblem("No beat to pick: change the search.");
            return Task.FromResult(false);
        }
        Picked = beat;
        return Task.FromResult(true);
    }

    public static AreaRow? Pick(ClientContext context, string? current)
    {
        using var dialog = new BeatPickerDialog(context, current);
        context.App.Run(dialog);
        return dialog.Completed ? dialog.Picked : null;
    }
}
