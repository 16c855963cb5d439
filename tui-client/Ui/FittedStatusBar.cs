using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Which shortcuts a status bar shows at its width: every one when they fit; otherwise the
/// least-used give way (lowest <see cref="Item.DropOrder"/> first) until the rest fit whole.
/// Items with drop order 0 (help and quit) are never dropped. Plain arithmetic, tested without a terminal.
/// </summary>
public static class ShortcutFit
{
    /// <summary>One shortcut: its width on the bar and when it gives way (0: never).</summary>
    public readonly record struct Item(int Width, int DropOrder);

    /// <summary>How wide Terminal.Gui draws a shortcut, with its separator: " F1  Help │".</summary>
    public static int WidthOf(string key, string title) => key.Length + title.Length + 5;

    public static bool[] Shown(IReadOnlyList<Item> items, int available)
    {
        var shown = Enumerable.Repeat(true, items.Count).ToArray();
        int Used() => Enumerable.Range(0, items.Count).Where(i => shown[i]).Sum(i => items[i].Width);
        foreach (var i in Enumerable.Range(0, items.Count).Where(i => items[i].DropOrder > 0).OrderBy(i => items[i].DropOrder))
        {
            if (Used() <= available) break;
            shown[i] = false;
        }
        return shown;
    }
}

/// <summary>
/// A status bar that never cuts a shortcut at the right edge (issue 20: nothing essential lost
/// at 100x30): when the terminal is too narrow for them all, the least-used are taken off the
/// bar, their keys keep working (<see cref="TryInvokeHidden"/>) and F1 lists them
/// (<see cref="HiddenText"/>). The first and last shortcuts (help or back, and quit) always show.
/// </summary>
public sealed class FittedStatusBar : StatusBar
{
    private readonly Shortcut[] _shortcuts;
    private readonly int[] _dropOrder;
    private bool[] _shown;
    private int _fittedTo = -1;

    /// <param name="shortcuts">In bar order.</param>
    /// <param name="dropFirst">Shortcuts that give way before the others (e.g. F5, which the help lists everywhere).</param>
    public FittedStatusBar(IReadOnlyList<Shortcut> shortcuts, params Shortcut[] dropFirst) : base(shortcuts)
    {
        _shortcuts = [.. shortcuts];
        // The rightmost give way first, after those named; the first and the last never do.
        var order = dropFirst.Concat(_shortcuts.Skip(1).Take(_shortcuts.Length - 2).Reverse().Where(s => !dropFirst.Contains(s))).ToList();
        _dropOrder = _shortcuts.Select(s => order.IndexOf(s) + 1).ToArray();
        _shown = _shortcuts.Select(_ => true).ToArray();
        FrameChanged += (_, _) => Fit();
    }

    /// <summary>Fits the shortcuts to the bar's width now (it also does so whenever its frame changes).</summary>
    public void Fit()
    {
        var width = Frame.Width;
        if (width <= 0 || width == _fittedTo) return;
        _fittedTo = width;
        var shown = ShortcutFit.Shown(
            [.. _shortcuts.Select((s, i) => new ShortcutFit.Item(ShortcutFit.WidthOf(s.Key.ToString(), s.Title), _dropOrder[i]))], width);
        if (shown.SequenceEqual(_shown)) return;
        // Off the bar, not merely hidden: the bar lays its items out counting hidden ones too.
        foreach (var s in _shortcuts.Where((_, i) => _shown[i])) Remove(s);
        foreach (var s in _shortcuts.Where((_, i) => shown[i])) Add(s);
        _shown = shown;
    }

    /// <summary>Every shortcut, in bar order, whether or not the bar has room for it.</summary>
    public IReadOnlyList<Shortcut> All => _shortcuts;

    public IEnumerable<Shortcut> Hidden => _shortcuts.Where((_, i) => !_shown[i]);

    /// <summary>The keys not on the bar at this width, for the help; empty when all show.</summary>
    public string HiddenText => Hidden.Any()
        ? "\n\nNot on the bar at this width: " + string.Join(" · ", Hidden.Select(s => $"{s.Key} {s.Title}"))
        : "";

    /// <summary>Runs the action of a shortcut taken off the bar whose key this is.</summary>
    public bool TryInvokeHidden(Key key)
    {
        var shortcut = Hidden.FirstOrDefault(s => s.Key == key);
        if (shortcut?.Action is null) return false;
        shortcut.Action();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var s in Hidden) s.Dispose();  // those on the bar go with it
        base.Dispose(disposing);
    }
}
