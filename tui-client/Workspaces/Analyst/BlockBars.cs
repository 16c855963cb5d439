namespace OffenderMgmt.Tui.Workspaces.Analyst;

/// <summary>Horizontal bars drawn with block characters, to an eighth of a cell.</summary>
public static class BlockBars
{
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

    /// <summary>A bar <paramref name="value"/>/<paramref name="max"/> of <paramref name="width"/> cells (never wider; a positive value shows at least a sliver).</summary>
    public static string Render(double value, double max, int width)
    {
        if (value <= 0 || max <= 0 || width <= 0) return "";
        var eighths = (int)Math.Round(Math.Min(value, max) / max * width * 8);
        eighths = Math.Max(eighths, 1);
        return new string('█', eighths / 8) + Eighths[eighths % 8];
    }
}
