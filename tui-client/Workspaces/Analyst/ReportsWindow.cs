using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>The reports for a supervisor, over their workspace (F9 there); Esc closes it.</summary>
public sealed class ReportsWindow : OverlayWindow
{
    public ReportsWindow(ClientContext context) : base(context, "Reports · Esc closes · F6 export CSV")
    {
        Panel = new ReportsPanel(context, Calls);
        Show(Panel, Panel.Choices, Panel.LoadAsync);
        KeyDown += (_, key) =>
        {
            if (key != Key.F6) return;
            Export(context, Panel, StatusLine);
            key.Handled = true;
        };
    }

    public ReportsPanel Panel { get; }

    /// <summary>Asks where, writes the CSV, says where it went.</summary>
    public static void Export(ClientContext context, ReportsPanel panel, StatusLine status)
    {
        using var dialog = new ExportReportDialog(context, panel);
        context.App.Run(dialog);
        if (dialog.SavedTo is { } path) status.Success($"Saved {Path.GetFileName(path)} in {Path.GetDirectoryName(path)}");
    }
}
