using System.Collections.ObjectModel;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>Read-only lines the user can scroll with the arrow keys (a record's details, an order's conditions).</summary>
public sealed class TextPanel : ListView
{
    private readonly ObservableCollection<string> _lines = [];

    public TextPanel()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        SetSource(_lines);
    }

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Replaces the text; long lines are wrapped to the panel's width (or 100 before it is laid out).</summary>
    public void SetLines(IEnumerable<string> lines)
    {
        var width = Math.Max(20, Viewport.Width > 0 ? Viewport.Width - 1 : 100);
        _lines.Clear();
        foreach (var line in lines)
        {
            var indent = line.Length - line.TrimStart().Length;
            var wrapped = TextWrap.Lines(line.TrimStart(), width - indent);
            foreach (var piece in wrapped) _lines.Add(new string(' ', indent) + piece);
        }
        if (_lines.Count > 0) Value = 0;
        SetNeedsDraw();
    }

    /// <summary>The whole text, for tests and for copying.</summary>
    public string AllText => string.Join("\n", _lines);
}
