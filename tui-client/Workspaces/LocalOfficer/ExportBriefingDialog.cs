using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// Saves the beat's briefing as a file for a briefing pack or a mapping tool: CSV (a row a
/// person) or GeoJSON (homes and zones). The server records the export as a disclosure; the
/// file is written readable by its owner only, and the officer is asked before one is replaced.
/// </summary>
public sealed class ExportBriefingDialog : FormDialog
{
    /// <summary>Where exports go unless the officer says otherwise (OFFENDERMGMT_EXPORT_DIR, else the home folder).</summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable("OFFENDERMGMT_EXPORT_DIR") is { Length: > 0 } dir ? dir : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private readonly AreaRow _beat;

    public ExportBriefingDialog(ClientContext context, AreaRow beat)
        : base(context, $"Export the briefing · {beat.Name} ({beat.Code})", "_Export", 84)
    {
        _beat = beat;
        var formatLabel = new Label { X = 1, Y = 1, Text = "_Format:" };
        Format = new RadioGroup { X = 12, Y = 1, Labels = ["CSV: a row a person, for a briefing pack", "GeoJSON: homes and zones, for a mapping tool"], Value = 0 };
        var folderLabel = new Label { X = 1, Y = 4, Text = "F_older:" };
        Folder = new TextField { X = 12, Y = 4, Width = Dim.Fill(1), Text = DefaultFolder };
        // As many rows as its lines: two rows lost its last words ("...on the audit trail.").
        var lines = TextWrap.Lines("The file holds personal data: keep it on a force device, and delete it when the briefing is done. The export is on the audit trail.", InnerWidth - 12);
        var warning = new Label { X = 12, Y = 5, Width = Dim.Fill(1), Height = lines.Count, Text = string.Join("\n", lines) };
        Add(formatLabel, Format, folderLabel, Folder, warning);
        AddProblemLine(Pos.Bottom(warning) + 1);
        StartIn(Format);
    }

    public RadioGroup Format { get; }
    public TextField Folder { get; }

    /// <summary>The file written, once done.</summary>
    public string? WrittenPath { get; private set; }

    /// <summary>Choosing a format and a folder is not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    protected override async Task<bool> SubmitCoreAsync()
    {
        var folder = Folder.Text.Trim();
        if (folder.StartsWith('~')) folder = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + folder[1..];
        if (folder.Length == 0 || !Directory.Exists(folder))
        {
            ShowProblem($"There is no folder \"{folder}\": type one that exists.");
            return false;
        }
        var done = await Calls.RunAsync("Exporting the briefing", ct => Context.Gateways.Areas.ExportAsync(_beat.Code, Format.Chosen == 1, ct));
        if (!done.Ok) return false;
        var (fileName, content) = done.Value;
        var path = Path.Combine(folder, Path.GetFileName(fileName));
        if (File.Exists(path) && !ConfirmDialog.Ask(Context.App, "Replace the file?", $"{path} is already there. Exporting again replaces it.", "_Replace"))
        {
            ShowProblem("Nothing written.");
            return false;
        }
        try
        {
            await WriteOwnerOnlyAsync(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ShowProblem($"The file could not be written: {e.Message}");
            return false;
        }
        WrittenPath = path;
        return true;
    }

    /// <summary>Writes the file so that only its owner can read it (on Unix: mode 600, set as it is created).</summary>
    internal static async Task WriteOwnerOnlyAsync(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content);
        // An existing file keeps its old mode on FileMode.Create: set it too.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
