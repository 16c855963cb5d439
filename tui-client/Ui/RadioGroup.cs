using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// A group of options where the arrow keys choose, as in every radio group users know (the
/// WAI-ARIA radio pattern; k9s and lazygit pickers): the highlighted option is the one that is
/// saved. Terminal.Gui's <see cref="OptionSelector"/> moves only a cursor on the arrows and
/// chooses on Space, so the old choice was saved without a sign. Tab leaves the group.
/// </summary>
public sealed class RadioGroup : OptionSelector
{
    public RadioGroup()
    {
        // Tab leaves the group (by default Tab walks every option).
        TabBehavior = Terminal.Gui.ViewBase.TabBehavior.NoStop;
        // The focused option's own key handling comes first, then this, then the selector's bindings.
        KeyDown += (_, key) =>
        {
            var step = Step(key);
            var count = Labels?.Count ?? 0;
            if (step == 0 || count == 0) return;
            var next = ((Value ?? 0) + step + count) % count;
            Value = next;
            FocusedItem = next;
            key.Handled = true;
        };
    }

    /// <summary>The index of the chosen option (the first when nothing is chosen).</summary>
    public int Chosen => Math.Clamp(Value ?? 0, 0, Math.Max(0, (Labels?.Count ?? 1) - 1));

    private int Step(Key key) => Orientation == Orientation.Vertical
        ? key == Key.CursorDown ? 1 : key == Key.CursorUp ? -1 : 0
        : key == Key.CursorRight ? 1 : key == Key.CursorLeft ? -1 : 0;
}
