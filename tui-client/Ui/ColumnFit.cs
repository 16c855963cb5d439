namespace OffenderMgmt.Tui.Ui;

/// <summary>How long a column stays on screen as the terminal narrows: the lowest give way first.</summary>
public static class Priority
{
    /// <summary>Never hidden (a person's name, the risk, what is due): cut with an ellipsis only when nothing else is left to hide.</summary>
    public const int Essential = int.MaxValue;
    public const int High = 3;
    public const int Normal = 2;
    public const int Low = 1;
}

/// <summary>
/// Shares a table's width among its columns: each gets the width of its widest cell (within its
/// limits). When they do not all fit, the columns below <see cref="Priority.High"/> are hidden
/// first (lowest first, the rightmost of equals first); then the columns still shown are cut
/// towards their least width, widest first; only then do the high-priority ones go. Essential
/// columns are never hidden. A column hidden for a wide neighbour comes back when it fits after
/// all, and width left over goes back to the columns that were cut, most important first, so no
/// cell is cut while the table has room for it (k9s and htop give way the same way). Plain
/// arithmetic, so it is tested without a terminal.
/// </summary>
public static class ColumnFit
{
    /// <summary>One column's needs: the width its content wants, the least it may be cut to, and its priority.</summary>
    public readonly record struct Need(int Natural, int Least, int Priority);

    /// <summary>The width of each column, 0 for a hidden one. <paramref name="gap"/> is drawn between visible columns.</summary>
    public static int[] Widths(IReadOnlyList<Need> needs, int available, int gap = 1)
    {
        var widths = needs.Select(n => Math.Max(1, n.Natural)).ToArray();
        var shown = Enumerable.Repeat(true, needs.Count).ToArray();
        if (needs.Count == 0) return widths;
        var essential = needs.Select(n => n.Priority == Priority.Essential).ToArray();
        if (!essential.Any(e => e)) essential[0] = true;  // a table always keeps its first column

        int Used() => Enumerable.Range(0, needs.Count).Where(i => shown[i]).Sum(i => widths[i] + gap) - gap;
        int Least(int i) => Math.Min(widths[i], Math.Max(1, needs[i].Least));

        // The least important go first; among equals the rightmost.
        var hideOrder = Enumerable.Range(0, needs.Count).Where(i => !essential[i])
            .OrderBy(i => needs[i].Priority).ThenByDescending(i => i).ToList();
        void Hide(Func<int, bool> which)
        {
            foreach (var i in hideOrder.Where(which))
            {
                if (Used() <= available) return;
                shown[i] = false;
            }
        }
        void Cut()
        {
            while (Used() > available)
            {
                var widest = Enumerable.Range(0, needs.Count)
                    .Where(i => shown[i] && widths[i] > Least(i))
                    .OrderByDescending(i => widths[i] - Least(i)).ThenByDescending(i => i).FirstOrDefault(-1);
                if (widest < 0) return;
                widths[widest]--;
            }
        }

        Hide(i => needs[i].Priority < Priority.High);
        Cut();
        Hide(_ => true);
        // A hidden column that fits after all comes back (most important first).
        foreach (var i in Enumerable.Reverse(hideOrder))
        {
            if (shown[i]) continue;
            shown[i] = true;
            if (Used() > available) shown[i] = false;
        }
        // Room left over goes back to the columns that were cut, the most important first.
        foreach (var i in Enumerable.Range(0, needs.Count).Where(i => shown[i]).OrderByDescending(i => needs[i].Priority).ThenBy(i => i))
        {
            var room = available - Used();
            if (room <= 0) break;
            widths[i] += Math.Min(room, Math.Max(0, needs[i].Natural - widths[i]));
        }
        for (var i = 0; i < widths.Length; i++)
            if (!shown[i]) widths[i] = 0;
        return widths;
    }
}
