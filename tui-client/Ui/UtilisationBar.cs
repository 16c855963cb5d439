using System.Text;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// A workload as a bar: full blocks for each step, an eighth-block for the remainder, and the
/// bar's width standing for <see cref="Scale"/> percent so that overload (over 100%) shows as
/// bar beyond the capacity mark rather than being cut off.
/// </summary>
public static class UtilisationBar
{
    /// <summary>The whole bar is this many percent of capacity.</summary>
    public const double Scale = 150;

    private static readonly char[] Eighths = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

    /// <summary>The bar, exactly <paramref name="width"/> characters, with '│' marking 100% where the bar does not cover it.</summary>
    public static string Render(double percent, int width)
    {
        if (width <= 0) return "";
        var clamped = Math.Clamp(percent, 0, Scale);
        var eighths = (int)Math.Round(clamped / Scale * width * 8);
        var builder = new StringBuilder(width);
        builder.Append('█', Math.Min(width, eighths / 8));
        if (builder.Length < width && eighths % 8 > 0) builder.Append(Eighths[eighths % 8]);
        builder.Append(' ', width - builder.Length);
        var capacity = (int)Math.Round(100 / Scale * width);
        if (capacity < width && builder[capacity] == ' ') builder[capacity] = '│';
        return builder.ToString();
    }

    /// <summary>How the load reads: under, near, over capacity, or excessive.</summary>
    public static LoadLevel Level(double percent, double threshold, bool excessive) =>
        excessive ? LoadLevel.Excessive
        : percent > threshold ? LoadLevel.Over
        : percent >= 90 ? LoadLevel.Near
        : LoadLevel.Fine;
}

public enum LoadLevel
{
    Fine,
    Near,
    Over,
    Excessive,
}
