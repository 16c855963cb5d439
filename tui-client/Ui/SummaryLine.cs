using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// A one-line summary above a table that wraps to a second line rather than cut itself at a
/// narrow width (issue 20, 100x30): the view below sits at <c>Pos.Bottom</c> of it and moves down.
/// Put the numbers first, so what a third line would lose is never a figure.
/// </summary>
public sealed class SummaryLine : Label
{
    private const int MaxRows = 2;
    private string _full = "";

    public SummaryLine(string text)
    {
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = 1;
        Text = text;
        FrameChanged += (_, _) => Arrange();
    }

    /// <summary>The whole text, on one line, however it is wrapped on screen.</summary>
    public new string Text
    {
        get => _full;
        set
        {
            _full = value ?? "";
            Arrange();
        }
    }

    private void Arrange()
    {
        var width = Frame.Width;
        var lines = width <= 0 || _full.Length <= width ? [_full] : TextWrap.Lines(_full, width);
        var rows = Math.Min(MaxRows, lines.Count);
        base.Text = string.Join("\n", lines.Take(rows - 1).Append(TextWrap.Fit(string.Join(" ", lines.Skip(rows - 1)), Math.Max(1, width <= 0 ? _full.Length : width))));
        if (Frame.Height == rows) return;
        Height = rows;
        SuperView?.SetNeedsLayout();
    }
}
