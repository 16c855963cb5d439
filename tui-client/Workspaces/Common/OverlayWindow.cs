using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// A window opened over a workspace (reports, review and disposal, analysts' grants): its
/// content above a status line of its own, loaded once when it first runs; Esc cancels a call
/// in progress, or else closes it.
/// </summary>
public abstract class OverlayWindow : Window
{
    protected OverlayWindow(ClientContext context, string title)
    {
        Title = title;
        SetScheme(Theme.Base);
        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(1) };
        Calls = new Calls(context, new StatusLineFeedback(StatusLine));
        KeyDown += (_, key) =>
        {
            if (key != Key.Esc) return;
            if (Calls.IsBusy) Calls.CancelAll();
            else RequestStop();
            key.Handled = true;
        };
    }

    public StatusLine StatusLine { get; }
    public Calls Calls { get; }

    /// <summary>Adds the content (filling all but the status line), focuses <paramref name="focus"/>, and loads once when the window first runs.</summary>
    protected void Show(View content, View focus, Func<Task> load)
    {
        content.Height = Dim.Fill(1);
        Add(content, StatusLine);
        focus.SetFocus();
        var started = false;
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value || started) return;
            started = true;
            _ = load();
        };
    }
}
