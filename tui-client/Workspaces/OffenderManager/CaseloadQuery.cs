using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.OffenderManager;

/// <summary>What the caseload can be sorted by.</summary>
public enum CaseSort
{
    Risk,
    NextCheck,
    Overdue,
    Breaches,
    Name,
    Scheme,
    Area,
}

/// <summary>
/// The caseload as the user asked to see it: filtered by words (any of name, scheme, risk,
/// area or check kind), optionally only cases with overdue checks, and sorted. Ties fall back
/// to risk, then next check, then name, so the order is stable and the urgent stays on top.
/// </summary>
public sealed record CaseloadQuery(string Filter = "", bool OverdueOnly = false, CaseSort Sort = CaseSort.Risk, bool Descending = true)
{
    /// <summary>The natural direction for a sort key: the most urgent first.</summary>
    public static bool DefaultDescending(CaseSort sort) => sort is CaseSort.Risk or CaseSort.Overdue or CaseSort.Breaches;

    public CaseloadQuery SortedBy(CaseSort sort) =>
        sort == Sort ? this with { Descending = !Descending } : this with { Sort = sort, Descending = DefaultDescending(sort) };

    public CaseloadQuery NextSort()
    {
        var next = (CaseSort)(((int)Sort + 1) % Enum.GetValues<CaseSort>().Length);
        return this with { Sort = next, Descending = DefaultDescending(next) };
    }

    public string Describe() => $"{Sort switch
    {
        CaseSort.NextCheck => "next check",
        CaseSort.Overdue => "overdue checks",
        CaseSort.Breaches => "open breaches",
        _ => Sort.ToString().ToLowerInvariant(),
    }} {(Descending ? "▼" : "▲")}";

    public IReadOnlyList<CaseRow> Apply(IEnumerable<CaseRow> cases)
    {
        var words = Filter.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var filtered = cases.Where(c => (!OverdueOnly || c.OverdueChecks > 0) && words.All(w => Matches(c, w)));
        var ordered = Sort switch
        {
            CaseSort.Name => Order(filtered, c => SortName(c.PersonName), StringComparer.CurrentCultureIgnoreCase),
            CaseSort.Scheme => Order(filtered, c => c.Scheme, StringComparer.Ordinal),
            CaseSort.Area => Order(filtered, c => c.AreaName ?? "\uffff", StringComparer.CurrentCultureIgnoreCase),
            CaseSort.NextCheck => Order(filtered, c => c.NextCheckDue ?? DateOnly.MaxValue, Comparer<DateOnly>.Default),
            CaseSort.Overdue => Order(filtered, c => c.OverdueChecks, Comparer<int>.Default),
            CaseSort.Breaches => Order(filtered, c => c.OpenBreaches, Comparer<int>.Default),
            _ => Order(filtered, c => c.Risk, Comparer<Risk>.Default),
        };
        return ordered
            .ThenByDescending(c => c.Risk)
            .ThenBy(c => c.NextCheckDue ?? DateOnly.MaxValue)
            .ThenBy(c => SortName(c.PersonName), StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.ManagementId, StringComparer.Ordinal)
            .ToList();
    }

    private IOrderedEnumerable<CaseRow> Order<TKey>(IEnumerable<CaseRow> rows, Func<CaseRow, TKey> key, IComparer<TKey> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    /// <summary>Family name first, so "Name" sorts the way a register does.</summary>
    private static string SortName(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : $"{name[(space + 1)..]} {name[..space]}";
    }

    private static bool Matches(CaseRow c, string word) =>
        c.PersonName.Contains(word, StringComparison.CurrentCultureIgnoreCase) ||
        c.Scheme.Contains(word, StringComparison.OrdinalIgnoreCase) ||
        c.Risk.Describe().Contains(word, StringComparison.OrdinalIgnoreCase) ||
        (c.AreaName?.Contains(word, StringComparison.CurrentCultureIgnoreCase) ?? false) ||
        (c.NextCheckKind?.Contains(word, StringComparison.CurrentCultureIgnoreCase) ?? false) ||
        (c.OfficerName?.Contains(word, StringComparison.CurrentCultureIgnoreCase) ?? false);
}
