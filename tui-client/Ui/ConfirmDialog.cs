using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Asks before something that moves work, orphans it or throws typing away. The safe choice
/// is the default and has the focus, so Enter or Esc as it opens changes nothing; the action
/// must be chosen on purpose (its button, or its Alt key).
/// </summary>
public sealed class ConfirmDialog : Dialog
{
    public ConfirmDialog(IApplication app, string title, string message, string actionText, string safeText)
    {
        Title = title;
        var width = Math.Min(72, Math.Max(40, (app.Screen.Width > 0 ? app.Screen.Width : 100) - 6));
        Width = width;
        Height = Dim.Auto();
        SetScheme(Theme.Dialog);
        // The label's width: the dialog less its shadow (1), its border (2) and the label's own
        // margins (1 each side). Wrapped one column wider, the label re-wrapped a line itself and
        // its last line fell off the bottom ("Officer still in post" at 100x30 lost its advice).
        var lines = TextWrap.Lines(message, width - 5);
        Message = string.Join("\n", lines);
        Add(new Label { X = 1, Y = 1, Width = Dim.Fill(1), Height = lines.Count, Text = Message });
        SafeButton = new Button { Text = safeText, IsDefault = true };
        SafeButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            RequestStop();
        };
        ActionButton = new Button { Text = actionText };
        ActionButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            Confirmed = true;
            RequestStop();
        };
        AddButton(SafeButton);
        AddButton(ActionButton);
        // Dialog makes its last button the default one: the safe choice must stay the default.
        ActionButton.IsDefault = false;
        SafeButton.IsDefault = true;
        KeyDown += (_, key) =>
        {
            if (key != Key.Esc) return;
            key.Handled = true;
            RequestStop();
        };
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) SafeButton.SetFocus();
        };
    }

    public string Message { get; }
    public Button SafeButton { get; }
    public Button ActionButton { get; }

    /// <summary>True only when the action was chosen.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Asks; true only when the user chose the action.</summary>
    public static bool Ask(IApplication app, string title, string message, string actionText, string safeText = "Cancel")
    {
        using var dialog = new ConfirmDialog(app, title, message, actionText, safeText);
        app.Run(dialog);
        return dialog.Confirmed;
    }
}
