using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>Whose overdue checks to show: everyone's, one officer's or the team queue's, each with its count. ↑↓ choose, Enter shows.</summary>
public sealed class OfficerFilterDialog : Dialog
{
    private const string Everyone = "";

    public OfficerFilterDialog(IReadOnlyList<CheckRow> checks, string? current)
    {
        Title = "Overdue checks of";
        Width = 50;
        Height = Dim.Percent(80);
        SetScheme(Theme.Dialog);
        var officers = checks.GroupBy(OverdueQuery.OfficerOf).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.CurrentCulture).ToList();
        var choices = new List<(string, string)> { ($"Every officer ({checks.Count})", Everyone) };
        choices.AddRange(officers.Select(g => ($"{g.Key} ({g.Count()})", g.Key)));
        Choices = new ChoiceList<string>(choices, Math.Max(0, choices.FindIndex(c => c.Item2 == (current ?? Everyone))))
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(1),
        };
        Add(Choices);
        var show = new Button { Text = "_Show", IsDefault = true };
        show.Accepting += (_, e) =>
        {
            e.Handled = true;
            Picked = true;
            RequestStop();
        };
        Choices.Accepting += (_, e) =>
        {
            e.Handled = true;
            Picked = true;
            RequestStop();
        };
        var cancel = new Button { Text = "Cancel" };
        cancel.Accepting += (_, e) =>
        {
            e.Handled = true;
            RequestStop();
        };
        AddButton(cancel);
        AddButton(show);
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) Choices.SetFocus();
        };
    }

    public ChoiceList<string> Choices { get; }
    public bool Picked { get; private set; }

    /// <summary>The officer chosen, or null for everyone.</summary>
    public string? Officer => Choices.Chosen is { Length: > 0 } name ? name : null;
}
