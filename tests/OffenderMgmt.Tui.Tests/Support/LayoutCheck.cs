using System.Drawing;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>
/// What a layout cuts (issue 20's "at 100x30 some layouts are cut"): a view that runs off the
/// screen or out of the view that holds it (unless that view scrolls), and a label whose text
/// needs more rows or columns than the label has, so its end is never drawn.
/// </summary>
public static class LayoutCheck
{
    /// <summary>Every cut found under <paramref name="top"/> (itself included), in words; empty when nothing is cut.</summary>
    public static IReadOnlyList<string> Cuts(View top, int columns, int rows)
    {
        var screen = new Rectangle(0, 0, columns, rows);
        var cuts = new List<string>();
        var frame = top.FrameToScreen();
        if (!screen.Contains(frame)) cuts.Add($"{Name(top)} at {frame} is larger than the {columns}x{rows} screen");
        Walk(top, screen, cuts);
        return cuts;
    }

    /// <summary>Fails with every cut and the screen when anything under <paramref name="top"/> is cut.</summary>
    public static void AssertNothingCut(HeadlessTerminal terminal, View top, int columns = 100, int rows = 30)
    {
        var screen = terminal.Screen();
        var cuts = Cuts(top, columns, rows);
        Assert.True(cuts.Count == 0, $"At {columns}x{rows}:\n  {string.Join("\n  ", cuts)}\nScreen:\n{screen}");
    }

    private static void Walk(View view, Rectangle screen, List<string> cuts)
    {
        var viewport = view.Viewport;
        var content = view.GetContentSize();
        // A view whose content is larger than its viewport scrolls: what is out of sight is not cut.
        var scrolls = content.Width > viewport.Width || content.Height > viewport.Height;
        var inside = view.ViewportToScreen(new Rectangle(0, 0, viewport.Width, viewport.Height));
        var shown = view.SubViews.Where(s => s.Visible && s.Frame is { Width: > 0, Height: > 0 }).ToList();
        // Two views side by side in one pane must not draw over each other (a label that wrapped
        // to a second row under the table below it). Tabs' pages and overlapped windows do, by design.
        if (view is not Tabs)
            for (var i = 0; i < shown.Count; i++)
                for (var j = i + 1; j < shown.Count; j++)
                    if (shown[i].Frame.IntersectsWith(shown[j].Frame) && !Overlaps(shown[i]) && !Overlaps(shown[j]))
                        cuts.Add($"{Name(shown[i])} at {shown[i].FrameToScreen()} and {Name(shown[j])} at {shown[j].FrameToScreen()} draw over each other");
        foreach (var sub in view.SubViews)
        {
            if (!sub.Visible) continue;
            var frame = sub.FrameToScreen();
            if (frame.Width <= 0 || frame.Height <= 0)
            {
                if (sub is Label { Text.Length: > 0 } or Button) cuts.Add($"{Name(sub)} has no room (frame {sub.Frame})");
                continue;
            }
            if (!scrolls && !inside.Contains(frame))
                cuts.Add($"{Name(sub)} at {frame} runs out of {Name(view)}'s area {inside}");
            else if (!screen.Contains(frame))
                cuts.Add($"{Name(sub)} at {frame} runs off the screen");
            if (sub is Label label) CheckText(label, cuts);
            Walk(sub, screen, cuts);
        }
    }

    // A label's text drawn in its frame: every line (wrapped as Terminal.Gui wraps words) must fit.
    private static void CheckText(Label label, List<string> cuts)
    {
        // The hotkey's mark ("_Filter:") is not drawn.
        var text = label.HotKeySpecifier.Value is var mark && label.Text.IndexOf((char)mark) is var at and >= 0 && at < label.Text.Length - 1
            ? label.Text.Remove(at, 1)
            : label.Text;
        if (string.IsNullOrEmpty(text)) return;
        var width = label.Frame.Width;
        var height = label.Frame.Height;
        var paragraphs = text.ReplaceLineEndings("\n").Split('\n');
        var needed = 0;
        foreach (var paragraph in paragraphs)
        {
            var columns = paragraph.Length;
            if (columns <= width) { needed++; continue; }
            if (height <= 1)
            {
                cuts.Add($"{Name(label)} is {width} wide, and \"{paragraph}\" needs {columns}");
                return;
            }
            needed += TextWrap.Lines(paragraph, width).Count;
        }
        if (needed > height) cuts.Add($"{Name(label)} has {height} rows, and its text needs {needed}: \"{text.ReplaceLineEndings(" ")}\"");
    }

    private static bool Overlaps(View view) => view.Arrangement.HasFlag(ViewArrangement.Overlapped);

    private static string Name(View view)
    {
        var what = view.GetType().Name;
        var said = view is Label or Button or CheckBox ? view.Text : view.Title;
        return string.IsNullOrEmpty(said) ? what : $"{what} \"{Short(said)}\"";
    }

    private static string Short(string text)
    {
        var one = text.ReplaceLineEndings(" ");
        return one.Length <= 50 ? one : one[..49] + "…";
    }
}
