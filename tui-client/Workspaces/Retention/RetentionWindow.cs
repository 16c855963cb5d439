using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Workspaces.Common;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>Review and disposal for a supervisor, over their workspace (Shift+F9 there); Esc closes it.</summary>
public sealed class RetentionWindow : OverlayWindow
{
    public RetentionWindow(ClientContext context) : base(context, "Review and disposal (MoPI) · Enter decides · F4 kind · Esc closes")
    {
        Panel = new RetentionPanel(context, Calls, StatusLine);
        Show(Panel, Panel.Due, Panel.LoadAsync);
    }

    public RetentionPanel Panel { get; }
}
