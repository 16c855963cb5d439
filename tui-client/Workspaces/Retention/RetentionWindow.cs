using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>Review and disposal for a supervisor, over their workspace (Shift+F9 there); Esc closes it.</summary>
public sealed class RetentionWindow : Window
{
    public RetentionWindow(ClientContext context)
    {
        Title = "Review and disposal (MoPI) · Enter decides · Esc closes";
        SetScheme(Theme.Base);
        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(1) };
        Calls = new Calls(context, new StatusLineFeedback(StatusLine));
        Panel = new RetentionPanel(context, Calls, StatusLine) { Height = Dim.Fill(1) };
        Add(Panel, StatusLine);
        Panel.Due.SetFocus();
        var started = false;
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value || started) return;
            started = true;
            _ = Panel.LoadAsync();
        };
        KeyDown += (_, key) =>
        {
            if (key != Key.Esc) return;
            if (Calls.IsBusy) Calls.CancelAll();
            else RequestStop();
            key.Handled = true;
        };
    }

    public RetentionPanel Panel { get; }
    public StatusLine StatusLine { get; }
    public Calls Calls { get; }
}
