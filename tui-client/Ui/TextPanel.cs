using System.Collections.ObjectModel;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Read-only lines the user can scroll with the arrow keys (a record's details, an order's
/// conditions), with a scroll bar when they do not fit, wrapped again whenever the panel's
/// width changes (a resized terminal), so no sentence is cut off.
/// </summary>
public sealed class TextPanel : ListView
{
    private readonly ObservableCollection<string> _lines = [];
    private IReadOnlyList<string> _source = [];
    private int _wrappedFor;

    public TextPanel()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        SetSource(_lines);
        ViewportChanged += (_, _) =>
        {
            if (Viewport.Width > 0 && WrapWidth != _wrappedFor) Wrap();
        };
    }

    public IReadOnlyList<string> Lines => _lines;

    // One column for the scroll bar.
    private int WrapWidth => Math.Max(20, Viewport.Width > 0 ? Viewport.Width - 1 : 100);

    /// <summary>Replaces the text; long lines are wrapped to the panel's width (or 100 before it is laid out).</summary>
    public void SetLines(IEnumerable<string> lines)
    {
        _source = lines.ToList();
        Wrap();
        if (_lines.Count > 0) Value = 0;
    }

    private void Wrap()
    {
        var width = _wrappedFor = WrapWidth;
        var keep = Value;
        _lines.Clear();
        foreach (var line in _source)
        {
            var indent = line.Length - line.TrimStart().Length;
            var wrapped = TextWrap.Lines(line.TrimStart(), width - indent);
            foreach (var piece in wrapped) _lines.Add(new string(' ', indent) + piece);
        }
        if (_lines.Count > 0) Value = Math.Clamp(keep ?? 0, 0, _lines.Count - 1);
        SetNeedsDraw();
    }

    /// <summary>The whole text, for tests and for copying.</summary>
    public string AllText => string.Join("\n", _lines);
}
