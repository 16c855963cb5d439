using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>What the team's overdue checks can be sorted by.</summary>
public enum OverdueSort
{
    Late,
    Risk,
    Person,
    Officer,
}

/// <summary>
/// The team's overdue checks as the supervisor asked to see them: one officer's (or everyone's,
/// or the team queue's), sorted; ties fall back to the longest overdue, then the highest risk,
/// so the worst stays on top. Risk is the person's highest case risk in the team.
/// </summary>
public sealed record OverdueQuery(OverdueSort Sort = OverdueSort.Late, bool Descending = true, string? Officer = null)
{
    /// <summary>The filter that stands for checks nobody holds (the team's queue).</summary>
    public const string TeamQueue = "team queue";

    public static bool DefaultDescending(OverdueSort sort) => sort is OverdueSort.Late or OverdueSort.Risk;

    public OverdueQuery SortedBy(OverdueSort sort) =>
        sort == Sort ? this with { Descending = !Descending } : this with { Sort = sort, Descending = DefaultDescending(sort) };

    public OverdueQuery NextSort()
    {
        var next = (OverdueSort)(((int)Sort + 1) % Enum.GetValues<OverdueSort>().Length);
        return this with { Sort = next, Descending = DefaultDescending(next) };
    }

    public static string OfficerOf(CheckRow check) => check.ResponsibleOfficerName ?? TeamQueue;

    public string Describe() =>
        $"{Sort switch
        {
            OverdueSort.Late => "days late",
            OverdueSort.Risk => "risk",
            OverdueSort.Person => "person",
            _ => "officer",
        }} {(Descending ? "▼" : "▲")}{(Officer is { } o ? $" · only {o}" : " · every officer")}";

    public IReadOnlyList<CheckRow> Apply(IEnumerable<CheckRow> checks, Func<string, Risk> riskOf)
    {
        var filtered = checks.Where(c => Officer is null || OfficerOf(c) == Officer);
        var ordered = Sort switch
        {
            OverdueSort.Risk => Order(filtered, c => riskOf(c.PersonId), Comparer<Risk>.Default),
            OverdueSort.Person => Order(filtered, c => c.PersonName, StringComparer.CurrentCultureIgnoreCase),
            OverdueSort.Officer => Order(filtered, OfficerOf, StringComparer.CurrentCultureIgnoreCase),
            _ => Order(filtered, c => c.DaysOverdue, Comparer<int>.Default),
        };
        return ordered.ThenByDescending(c => c.DaysOverdue).ThenByDescending(c => riskOf(c.PersonId)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private IOrderedEnumerable<CheckRow> Order<TKey>(IEnumerable<CheckRow> rows, Func<CheckRow, TKey> key, IComparer<TKey> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}
