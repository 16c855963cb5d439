using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>The administrator's workspace: records due for review and disposal (MoPI).</summary>
public sealed class RetentionWorkspace : WorkspaceWindow
{
    public const string Keys = """
        Enter on a record: retain it (reason and next review) or dispose of it (erased, logged)
        """;

    public RetentionWorkspace(ClientContext context) : base(context, "Review and disposal", Keys)
    {
        Panel = new RetentionPanel(context, Calls, StatusLine);
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(Panel);
        Compose([], content, []);
        Panel.Due.SetFocus();
    }

    public RetentionPanel Panel { get; }

    public override Task RefreshAsync() => Panel.LoadAsync();
}
