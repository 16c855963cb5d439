namespace OffenderMgmt.Tui.Ui;

/// <summary>Word wrapping for labels that must show a whole message (server messages can be long).</summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        width = Math.Max(width, 10);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var piece = word;
                while (piece.Length > width)
                {
                    if (line.Length > 0) { lines.Add(line); line = ""; }
                    lines.Add(piece[..width]);
                    piece = piece[width..];
                }
                if (line.Length == 0) line = piece;
                else if (line.Length + 1 + piece.Length <= width) line += " " + piece;
                else { lines.Add(line); line = piece; }
            }
            lines.Add(line);
        }
        return lines;
    }

    public static string Wrap(string text, int width) => string.Join("\n", Lines(text, width));

    /// <summary>Cuts to <paramref name="width"/> with an ellipsis, for table cells and one-line summaries.</summary>
    public static string Fit(string? text, int width)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var one = text.ReplaceLineEndings(" ");
        return one.Length <= width ? one : width <= 1 ? one[..width] : one[..(width - 1)] + "…";
    }
}
