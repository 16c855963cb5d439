using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// The orphaned queue as the supervisor works it: a person's case and the orders waiting with
/// it are one row (the server moves them together), so reallocating the case cannot leave the
/// order behind with nobody, and a person is never split between two officers by the queue.
/// </summary>
public static class QueueRows
{
    public static IReadOnlyList<OrphanedCase> Fold(IReadOnlyList<OrphanedCase> items)
    {
        var ordersByPerson = items.Where(i => i.IsOrder).ToLookup(i => i.PersonId);
        var withCase = items.Where(i => !i.IsOrder).Select(i => i.PersonId).ToHashSet();
        var seen = new HashSet<string>();
        return items
            .Where(i => !(i.IsOrder && withCase.Contains(i.PersonId)))
            .Select(i =>
            {
                // A person with two cases (two schemes) carries their orders on the first case's row only.
                if (i.IsOrder || !ordersByPerson.Contains(i.PersonId) || !seen.Add(i.PersonId)) return i;
                var orders = ordersByPerson[i.PersonId].ToList();
                return i with { Description = $"{i.Description} + {string.Join(", ", orders.Select(o => o.Description))}", Companions = orders };
            }).ToList();
    }

    /// <summary>How many cases and orders the rows stand for: "3 cases and 1 order".</summary>
    public static string CountOf(IReadOnlyList<OrphanedCase> rows)
    {
        var all = rows.Concat(rows.SelectMany(r => r.Companions)).ToList();
        var cases = all.Count(i => !i.IsOrder);
        var orders = all.Count(i => i.IsOrder);
        return cases > 0 && orders > 0 ? $"{Words.Count(cases, "case")} and {Words.Count(orders, "order")}"
            : cases > 0 ? Words.Count(cases, "case") : Words.Count(orders, "order");
    }
}
