using Microsoft.EntityFrameworkCore;
using GetReportRequest = OffenderMgmt.Contracts.V1.GetReportRequest;
using ReportKind = OffenderMgmt.Contracts.V1.ReportKind;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using SmallNumbers = OffenderMgmt.Server.Reports.SmallNumbers;
using OffenderMgmt.Testing;
using Breach = OffenderMgmt.Server.Compliance.Breach;
using BreachSource = OffenderMgmt.Server.Compliance.BreachSource;
using RiskLevel = OffenderMgmt.Server.Common.RiskLevel;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.Reports;

/// <summary>
/// The workload and IOM flow reports read the whole period in one grouped pass and split it by
/// month in memory. On the demo force plus a few thousand generated managements, officers,
/// breaches and risk changes, dated on month edges (first and last days, cases that start and
/// end in one month or on one day, events at the first instant of a window and the last before
/// it), every cell must equal the month-by-month count made directly from the rows, with the
/// small-number rule (threshold 5; GSS guidance on disclosure control for tables from
/// administrative data) applied to what is expected.
/// </summary>
public sealed class GeneratedSetReportTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2026, 11, 26);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly SmallNumbers Rule = new(5);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _generated;

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) yield return m;
    }

    /// <summary>A day near a month edge half the time (the first, the last, the day after), else any day.</summary>
    private static DateOnly Day(Random random, DateOnly from, DateOnly to)
    {
        var day = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
        var first = new DateOnly(day.Year, day.Month, 1);
        var edged = random.Next(6) switch
        {
            0 => first,
            1 => first.AddMonths(1).AddDays(-1),
            2 => first.AddDays(1),
            _ => day,
        };
        return edged < from ? from : edged > to ? to : edged;
    }

    private async Task GenerateAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_generated) return;
            var random = new Random(19);
            await server.WithDb(async db =>
            {
                var people = await db.People.Select(p => p.Id).ToListAsync();
                var teams = await db.Teams.Select(t => t.Id).ToListAsync();
                // Small teams, so some month ends have fewer than five cases or officers (hidden).
                var small = Enumerable.Range(1, 3).Select(i => db.Teams.Add(new Team { Name = $"Generated small team {i}", Kind = TeamKind.Iom }).Entity.Id).ToList();
                Guid TeamFor() => random.Next(60) == 0 ? small[random.Next(small.Count)] : teams[random.Next(teams.Count)];
                var now = ServerFactory.StartTime;
                var iom = new List<Management>();
                for (var i = 0; i < 3000; i++)
                {
                    var started = Day(random, new DateOnly(2023, 1, 1), To);
                    DateOnly? ended = random.Next(5) switch
                    {
                        0 => null,
                        1 => started,                                                          // starts and ends on one day
                        2 => new DateOnly(started.Year, started.Month, 1).AddMonths(1).AddDays(-1), // ends on the last day of its month
                        _ => Day(random, started, To),
                    };
                    var management = new Management
                    {
                        PersonId = people[random.Next(people.Count)], Scheme = random.Next(2) == 0 ? Scheme.Iom : (Scheme)random.Next(2, 4),
                        Status = ManagementStatus.Ended, StartedOn = started, EndedOn = ended, OwningTeamId = TeamFor(),
                        RiskLevel = RiskLevel.Medium, CreatedAt = now,
                    };
                    db.Managements.Add(management);
                    if (management.Scheme == Scheme.Iom) iom.Add(management);
                }
                for (var i = 0; i < 400; i++)
                {
                    var from = Day(random, new DateOnly(2022, 1, 1), To);
                    db.Officers.Add(new Officer
                    {
                        CollarNumber = $"G{i:0000}", Rank = "PC", GivenName = "Generated", FamilyName = "Officer", TeamId = TeamFor(),
                        ContractedHours = random.Next(3) == 0 ? 22.5 : 37, InPostFrom = from, InPostTo = random.Next(3) == 0 ? Day(random, from, To) : null,
                    });
                }
                foreach (var management in iom)
                {
                    var month = new DateOnly(management.StartedOn.Year, management.StartedOn.Month, 1);
                    for (var k = random.Next(4); k > 0; k--)
                    {
                        // At a window's first instant, the instant before it, or anywhere within 8 months of joining.
                        var edge = StartOf(month.AddMonths(random.Next(-7, 9)));
                        var at = random.Next(3) switch { 0 => edge, 1 => edge.AddTicks(-TimeSpan.TicksPerMillisecond), _ => edge.AddHours(random.Next(24 * 28)) };
                        if (at > now) continue;
                        if (random.Next(2) == 0)
                            db.Breaches.Add(new Breach { PersonId = management.PersonId, OccurredAt = at, Source = BreachSource.Report, RecordedAt = now });
                        else
                        {
                            var up = random.Next(2) == 0;
                            db.ManagementRiskChanges.Add(new ManagementRiskChange
                            {
                                ManagementId = management.Id, At = at, FromRisk = up ? RiskLevel.Medium : RiskLevel.High, ToRisk = up ? RiskLevel.High : RiskLevel.Low,
                                ChangedBy = "generated", Reason = "generated",
                            });
                        }
                    }
                }
                await db.SaveChangesAsync();
            });
            _generated = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Dictionary<string, string[]>> Report(ReportKind kind) =>
        (await new Contracts.V1.Reports.ReportsClient(await server.As("demo.analyst"))
            .GetReportAsync(new GetReportRequest { Kind = kind, From = From.ToString("yyyy-MM-dd"), To = To.ToString("yyyy-MM-dd") }))
        .Rows.ToDictionary(r => string.Join(" | ", r.Labels), r => r.Cells.Select(c => c.Text).ToArray());

    private static void SameCells(Dictionary<string, string[]> expected, Dictionary<string, string[]> published)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, cells) in expected) Assert.True(cells.SequenceEqual(published[key]), $"{key}: expected {string.Join(", ", cells)}, published {string.Join(", ", published[key])}");
        Assert.Contains(published.Values, cells => cells.Contains(Rule.Hidden));              // small cells are in the set, and hidden
        Assert.Contains(published.Values, cells => cells.Any(c => long.TryParse(c, out var n) && n >= 5));
    }

    [Fact]
    public async Task Workload_on_a_generated_set_with_month_edges_matches_a_month_by_month_direct_count()
    {
        await GenerateAsync();
        var (managements, officers, teams) = await server.WithDb(async db => (
            await db.Managements.Select(m => new { m.OwningTeamId, m.StartedOn, m.EndedOn }).ToListAsync(),
            await db.Officers.Select(o => new { o.TeamId, o.InPostFrom, o.InPostTo, o.ContractedHours }).ToListAsync(),
            await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name)));
        var expected = new Dictionary<string, string[]>();
        foreach (var month in Months())
        {
            var end = month.AddMonths(1).AddDays(-1) < To ? month.AddMonths(1).AddDays(-1) : To;
            var cases = managements.Where(m => m.StartedOn <= end && (m.EndedOn == null || m.EndedOn > end)).GroupBy(m => m.OwningTeamId).ToDictionary(g => g.Key, g => g.Count());
            var staff = officers.Where(o => o.InPostFrom <= end && (o.InPostTo == null || o.InPostTo >= end)).GroupBy(o => o.TeamId)
                .ToDictionary(g => g.Key, g => (Count: g.Count(), Hours: g.Sum(o => o.ContractedHours)));
            foreach (var team in cases.Keys.Union(staff.Keys))
            {
                var c = cases.GetValueOrDefault(team);
                var s = staff.GetValueOrDefault(team);
                expected[$"{month:yyyy-MM} | {teams[team]}"] = [Rule.Count(c).Text, Rule.Count(s.Count).Text, Rule.Ratio(c, s.Hours / 37.0, s.Count).Text];
            }
        }
        SameCells(expected, await Report(ReportKind.Workload));
    }

    [Fact]
    public async Task IOM_flow_on_a_generated_set_with_month_edges_matches_a_month_by_month_direct_count()
    {
        await GenerateAsync();
        var (managements, breaches, changes) = await server.WithDb(async db => (
            await db.Managements.Select(m => new { m.Id, m.PersonId, m.Scheme, m.StartedOn, m.EndedOn }).ToListAsync(),
            await db.Breaches.Select(b => new { b.PersonId, b.OccurredAt }).ToListAsync(),
            await db.ManagementRiskChanges.Select(c => new { c.ManagementId, c.At, c.FromRisk, c.ToRisk }).ToListAsync()));
        var owner = managements.ToDictionary(m => m.Id, m => m.PersonId);
        var iom = managements.Where(m => m.Scheme == Scheme.Iom).ToList();
        const int window = 6;   // Reports:IomWindowMonths, default
        var expected = new Dictionary<string, string[]>();
        foreach (var month in Months())
        {
            var first = month < From ? From : month;
            var last = month.AddMonths(1).AddDays(-1) < To ? month.AddMonths(1).AddDays(-1) : To;
            var joined = iom.Where(m => m.StartedOn >= first && m.StartedOn <= last).ToList();
            var exits = iom.Where(m => m.EndedOn >= first && m.EndedOn <= last).ToList();
            var people = joined.Select(m => m.PersonId).ToHashSet();
            var (beforeFrom, beforeTo, afterFrom, afterTo) = (StartOf(month.AddMonths(-window)), StartOf(month), StartOf(month.AddMonths(1)), StartOf(month.AddMonths(1 + window)));
            bool Before(DateTimeOffset at) => at >= beforeFrom && at < beforeTo;
            bool After(DateTimeOffset at) => at >= afterFrom && at < afterTo;
            var theirs = changes.Where(c => people.Contains(owner[c.ManagementId])).ToList();
            expected[$"{month:yyyy-MM}"] =
            [
                Rule.Count(joined.Count).Text, Rule.Count(exits.Count).Text,
                Rule.Mean(exits.Sum(e => (double)(e.EndedOn!.Value.DayNumber - e.StartedOn.DayNumber)), exits.Count).Text,
                Rule.Count(breaches.Count(b => people.Contains(b.PersonId) && Before(b.OccurredAt))).Text,
                Rule.Count(breaches.Count(b => people.Contains(b.PersonId) && After(b.OccurredAt))).Text,
                Rule.Count(theirs.Count(c => Before(c.At) && c.ToRisk > c.FromRisk)).Text, Rule.Count(theirs.Count(c => Before(c.At) && c.ToRisk < c.FromRisk)).Text,
                Rule.Count(theirs.Count(c => After(c.At) && c.ToRisk > c.FromRisk)).Text, Rule.Count(theirs.Count(c => After(c.At) && c.ToRisk < c.FromRisk)).Text,
            ];
        }
        SameCells(expected, await Report(ReportKind.IomFlow));
    }
}
