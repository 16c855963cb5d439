using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>The reports for a supervisor, over their workspace (F9 there); Esc closes it.</summary>
public sealed class ReportsWindow : Window
{
    public ReportsWindow(ClientContext context)
    {
        Title = "Reports · Esc closes · F6 export CSV";
        SetScheme(Theme.Base);
        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(1) };
        Calls = new Calls(context, new StatusLineFeedback(StatusLine));
        Panel = new ReportsPanel(context, Calls) { Height = Dim.Fill(1) };
        Add(Panel, StatusLine);
        Panel.Choices.SetFocus();
        var started = false;
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value || started) return;
            started = true;
            _ = Panel.LoadAsync();
        };
        KeyDown += (_, key) =>
        {
            if (key == Key.Esc)
            {
                if (Calls.IsBusy) Calls.CancelAll();
                else RequestStop();
                key.Handled = true;
            }
            else if (key == Key.F6)
            {
                Export(context, Panel, StatusLine);
                key.Handled = true;
            }
        };
    }

    public ReportsPanel Panel { get; }
    public StatusLine StatusLine { get; }
    public Calls Calls { get; }

    /// <summary>Asks where, writes the CSV, says where it went.</summary>
    public static void Export(ClientContext context, ReportsPanel panel, StatusLine status)
    {
        using var dialog = new ExportReportDialog(context, panel);
        context.App.Run(dialog);
        if (dialog.SavedTo is { } path) status.Success($"Saved {Path.GetFileName(path)} in {Path.GetDirectoryName(path)}");
    }
}
