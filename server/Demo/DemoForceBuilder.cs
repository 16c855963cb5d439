using OffenderMgmt.Server.Areas;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// Builds the demo Bedfordshire of DESIGN.md section 7 in memory. Pure: the same seed, day and
/// areas give the same force, identifiers included, so tests and screenshots are stable.
/// </summary>
public static class DemoForceBuilder
{
    public static DemoForce Build(int seed, DateOnly today, DateTimeOffset now, AreaIndex areas)
    {
        var random = new DemoRandom(seed);
        var force = new DemoForce();
        var districts = areas.Areas
            .GroupBy(a => a.DistrictCode)
            .Select(g => (g.Key, g.First().DistrictName))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
        new DemoStaff(random, today, force).Build(districts);
        new DemoCaseload(random, today, now, areas, force).Build();
        new DemoOrders(random, today, now, areas, force).Build();
        new DemoNotifications(seed, today, now, areas, force).Build();
        new DemoChecks(random, today, now, force).Build();
        new DemoIdentification(seed, now, force).Build();
        return force;
    }
}
