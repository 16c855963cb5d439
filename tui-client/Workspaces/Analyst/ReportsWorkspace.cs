using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.Common;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>
/// The analyst's workspace (issue 19): the force's reports as tables and bar charts, each
/// exported as CSV. Aggregates only: nothing here names or identifies a person.
/// </summary>
public sealed class ReportsWorkspace : WorkspaceWindow
{
    public const string Keys = """
        ↑/↓ on the list chooses a report · Tab moves to its table
        F6 exports the report as CSV (to a folder or a file)
        Counts under the threshold show as "fewer than N" and get no bar
        F3 opens a person's record: only people a supervisor has granted you, for its purpose
        """;

    public ReportsWorkspace(ClientContext context) : base(context, "Reports", Keys)
    {
        Panel = new ReportsPanel(context, Calls);
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(Panel);
        Compose(
            [new MenuBarItem("_Report",
            [
                new MenuItem("_Export as CSV…", "Save the report as a CSV file", Export, Key.F6),
                new MenuItem("_Find a granted person…", "Open a record a supervisor has granted you", FindPerson, Key.F3),
            ])],
            content,
            [new Shortcut(Key.F6, "Export CSV", Export), new Shortcut(Key.F3, "Granted person", FindPerson)]);
        Panel.Choices.SetFocus();
    }

    public ReportsPanel Panel { get; }

    public override Task RefreshAsync() => Panel.LoadAsync();

    public void Export() => ReportsWindow.Export(Context, Panel, StatusLine);

    /// <summary>A person-level read: the server refuses it without a supervisor's grant, and the refusal says so in plain words.</summary>
    public void FindPerson()
    {
        if (FindPersonDialog.Pick(Context, Purpose.CaseManagement, "Find a person you have been granted") is { } found)
            PersonWindow.Open(Context, found.Id, found.Name, Purpose.CaseManagement, null);
    }
}
