using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>Saves the chosen report as CSV: to a folder (with the server's file name) or to a file named here.</summary>
public sealed class ExportReportDialog : FormDialog
{
    private readonly ReportsPanel _panel;

    public ExportReportDialog(ClientContext context, ReportsPanel panel) : base(context, "Export the report as CSV", "_Save", 84)
    {
        _panel = panel;
        var label = new Label { X = 1, Y = 1, Text = "_Save to:" };
        Path = new TextField { X = 11, Y = 1, Width = Dim.Fill(1), Text = ReportsPanel.DefaultFolder };
        var hint = new Label { X = 1, Y = 3, Width = Dim.Fill(1), Text = "A folder (the report's own file name is used) or a file name ending .csv." };
        Add(label, Path, hint);
        AddProblemLine(Pos.Bottom(hint) + 1);
        StartIn(Path);
    }

    public TextField Path { get; }
    public string? SavedTo { get; private set; }

    protected override bool AsksBeforeDiscarding => false;

    protected override async Task<bool> SubmitCoreAsync()
    {
        var path = Path.Text.Trim();
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path.Length == 0 ? "." : path));
        if (path.Length == 0 || (!Directory.Exists(path) && (folder is null || !Directory.Exists(folder))))
        {
            ShowProblem("Give a folder that exists, or a file name in one.");
            return false;
        }
        try
        {
            SavedTo = await _panel.ExportAsync(path, Calls);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ShowProblem($"Could not write the file: {e.Message}");
            return false;
        }
        return SavedTo is not null;
    }
}
