using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.OffenderManager;

namespace OffenderMgmt.Tui.Tests.Unit;

public sealed class CaseloadQueryTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static CaseRow Case(string id, string name, Risk risk, int dueInDays, int overdue = 0, int breaches = 0, string scheme = "VSOMT", string area = "Barnfield") =>
        new(id, $"p-{id}", name, scheme, risk, "o", "Officer", "Home visit", Today.AddDays(dueInDays), overdue, breaches, area, null, false, null, 0);

    private static readonly CaseRow[] Cases =
    [
        Case("a", "Alan Young", Risk.Medium, 10),
        Case("b", "Beth Adams", Risk.VeryHigh, 30),
        Case("c", "Carl Zeal", Risk.High, -5, overdue: 1),
        Case("d", "Dee Brown", Risk.High, 2, breaches: 2, scheme: "IOM", area: "Luton South"),
        Case("e", "Ed Cole", Risk.Low, -40, overdue: 3),
    ];

    private static string[] Ids(IEnumerable<CaseRow> rows) => rows.Select(r => r.ManagementId).ToArray();

    [Fact]
    public void By_default_the_riskiest_come_first_then_the_soonest_check()
    {
        Assert.Equal(["b", "c", "d", "a", "e"], Ids(new CaseloadQuery().Apply(Cases)));
    }

    [Fact]
    public void Sorting_by_next_check_puts_the_most_overdue_first_and_reverses()
    {
        var query = new CaseloadQuery().SortedBy(CaseSort.NextCheck);
        Assert.False(query.Descending);
        Assert.Equal(["e", "c", "d", "a", "b"], Ids(query.Apply(Cases)));
        Assert.Equal(["b", "a", "d", "c", "e"], Ids(query.SortedBy(CaseSort.NextCheck).Apply(Cases)));
    }

    [Fact]
    public void Sorting_by_name_goes_by_family_name()
    {
        Assert.Equal(["b", "d", "e", "a", "c"], Ids(new CaseloadQuery().SortedBy(CaseSort.Name).Apply(Cases)));
    }

    [Fact]
    public void Sorting_by_overdue_or_breaches_puts_the_most_first()
    {
        Assert.Equal(["e", "c"], Ids(new CaseloadQuery().SortedBy(CaseSort.Overdue).Apply(Cases)).Take(2));
        Assert.Equal("d", new CaseloadQuery().SortedBy(CaseSort.Breaches).Apply(Cases)[0].ManagementId);
    }

    [Fact]
    public void The_filter_matches_every_word_against_name_scheme_risk_and_area()
    {
        Assert.Equal(["d"], Ids(new CaseloadQuery("iom luton").Apply(Cases)));
        Assert.Equal(["c", "d"], Ids(new CaseloadQuery("high").Apply(Cases)).Where(id => id is "c" or "d"));
        Assert.Equal(["a"], Ids(new CaseloadQuery("ALAN").Apply(Cases)));
        Assert.Empty(new CaseloadQuery("nobody").Apply(Cases));
    }

    [Fact]
    public void Overdue_only_keeps_cases_with_overdue_checks()
    {
        Assert.Equal(["c", "e"], Ids(new CaseloadQuery(OverdueOnly: true).Apply(Cases)));
    }

    [Fact]
    public void F4_cycles_through_every_sort_and_back()
    {
        var query = new CaseloadQuery();
        var seen = new HashSet<CaseSort>();
        for (var i = 0; i < Enum.GetValues<CaseSort>().Length; i++)
        {
            seen.Add(query.Sort);
            query = query.NextSort();
        }
        Assert.Equal(Enum.GetValues<CaseSort>().Length, seen.Count);
        Assert.Equal(CaseSort.Risk, query.Sort);
    }
}
