using System.Globalization;
using CsvHelper;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Testing;
using CheckStatus = OffenderMgmt.Server.Compliance.CheckStatus;
using BreachStatus = OffenderMgmt.Server.Compliance.BreachStatus;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.Reports;

/// <summary>
/// Reports on the demo force (today 2026-11-26), checked against counts made directly from the
/// stored data, with the small-number rule (threshold 5; GSS guidance on disclosure control for
/// tables from administrative data) applied to what is expected.
/// </summary>
public sealed class ReportTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly YearAgo = new(2025, 11, 27);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private async Task<Report> Get(ReportKind kind, string user = "demo.analyst", string from = "", string to = "") =>
        await new Contracts.V1.Reports.ReportsClient(await server.As(user)).GetReportAsync(new GetReportRequest { Kind = kind, From = from, To = to });

    private static string Expected(long count) => count is > 0 and < 5 ? "fewer than 5" : count.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string[]> Published(Report report) =>
        report.Rows.ToDictionary(r => string.Join(" | ", r.Labels), r => r.Cells.Select(c => c.Text).ToArray());

    private static DateTimeOffset EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), London.GetUtcOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private Task<Dictionary<Guid, string>> Teams() => server.WithDb(db => db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name));

    [Fact]
    public async Task Overdue_checks_by_kind_and_team_match_a_direct_count_with_small_counts_hidden()
    {
        var teams = await Teams();
        var direct = await server.WithDb(async db =>
        {
            var checks = await db.ComplianceChecks.Where(c => c.Status == CheckStatus.Open && c.DueOn < Today).ToListAsync();
            var managements = await db.Managements.ToDictionaryAsync(m => m.Id, m => m.OwningTeamId);
            var orders = await db.Orders.ToDictionaryAsync(o => o.Id, o => o.OwningTeamId);
            return checks.GroupBy(c => $"{Server.Compliance.ComplianceEnums.KindWords[c.Kind]} | {teams[c.ManagementId is { } m ? managements[m] : orders[c.OrderId!.Value]]}")
                .ToDictionary(g => g.Key, g => new[] { Expected(g.Count()) });
        });
        var report = await Get(ReportKind.Overdue);
        Assert.NotEmpty(direct);
        Assert.Equal(direct.OrderBy(d => d.Key), Published(report).OrderBy(d => d.Key), new RowComparer());
    }

    [Fact]
    public async Task Compliance_on_time_by_kind_risk_and_team_matches_a_direct_count()
    {
        var teams = await Teams();
        var direct = await server.WithDb(async db =>
        {
            var checks = await db.ComplianceChecks.Where(c => c.DueOn >= YearAgo && c.DueOn <= Today && c.Status != CheckStatus.Cancelled).ToListAsync();
            var managements = await db.Managements.ToDictionaryAsync(m => m.Id);
            var orders = await db.Orders.ToDictionaryAsync(o => o.Id, o => o.OwningTeamId);
            return checks.GroupBy(c =>
                {
                    var m = c.ManagementId is { } id ? managements[id] : null;
                    var risk = m is null ? "order" : m.RiskLevel == Server.Common.RiskLevel.VeryHigh ? "very high" : m.RiskLevel.ToString().ToLowerInvariant();
                    return $"{Server.Compliance.ComplianceEnums.KindWords[c.Kind]} | {risk} | {teams[m?.OwningTeamId ?? orders[c.OrderId!.Value]]}";
                })
                .ToDictionary(g => g.Key, g =>
                {
                    var due = g.Count();
                    var onTime = g.Count(c => c.Status == CheckStatus.Completed && c.CompletedAt < EndOfDay(c.DueOn));
                    return new[] { Expected(due), Expected(g.Count(c => c.Status == CheckStatus.Completed)), Expected(onTime) };
                });
        });
        var report = await Get(ReportKind.Compliance, "demo.supervisor");
        var published = Published(report).ToDictionary(p => p.Key, p => p.Value[..3]);
        Assert.Equal(direct.OrderBy(d => d.Key), published.OrderBy(d => d.Key), new RowComparer());
        Assert.Contains(report.Rows, r => r.Cells[3].Text.EndsWith('%'));
    }

    [Fact]
    public async Task Order_use_by_type_and_district_counts_the_orders_in_force_on_the_last_day()
    {
        var direct = await server.WithDb(async db =>
        {
            var districts = await db.Areas.ToDictionaryAsync(a => a.Code, a => a.DistrictName);
            var people = await db.People.ToDictionaryAsync(p => p.Id, p => p.Address?.AreaCode);
            var orders = await db.Orders.Where(o => o.MadeOn <= Today).ToListAsync();
            return orders.Where(o => o.ServedAt != null && o.ServedAt < EndOfDay(Today) && o.StartsOn <= Today && (o.EndsOn == null || o.EndsOn >= Today) && (o.DischargedOn == null || o.DischargedOn > Today))
                .GroupBy(o => $"{OrderTypeRules.For(o.Type).ShortName} | {(people[o.PersonId] is { } code && districts.TryGetValue(code, out var d) ? d : "no known district")}")
                .ToDictionary(g => g.Key, g => Expected(g.Count()));
        });
        var report = await Get(ReportKind.OrderUse);
        var inForce = Published(report).Where(p => p.Value[1] != "0").ToDictionary(p => p.Key, p => p.Value[1]);
        Assert.Equal(direct.OrderBy(d => d.Key), inForce.OrderBy(d => d.Key));
        // The CBO finding: criminal behaviour orders are counted district by district.
        Assert.Contains(inForce.Keys, k => k.StartsWith("CBO |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Breaches_by_order_type_and_outcome_match_a_direct_count()
    {
        var direct = await server.WithDb(async db =>
        {
            var since = new DateTimeOffset(YearAgo.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var breaches = await db.Breaches.Where(b => b.RecordedAt >= since && b.RecordedAt < EndOfDay(Today)).ToListAsync();
            var orders = await db.Orders.ToDictionaryAsync(o => o.Id, o => o.Type);
            return breaches.GroupBy(b => $"{(b.OrderId is { } o ? OrderTypeRules.For(orders[o]).ShortName : "no order (registration or licence)")} | " +
                                         $"{(b.Status == BreachStatus.ActionTaken ? b.Action!.Value.ToString().ToLowerInvariant() : Server.Compliance.Breach.Describe(b.Status))}")
                .ToDictionary(g => g.Key, g => new[] { Expected(g.Count()) });
        });
        Assert.NotEmpty(direct);
        Assert.Equal(direct.OrderBy(d => d.Key), Published(await Get(ReportKind.Breaches)).OrderBy(d => d.Key), new RowComparer());
    }

    [Fact]
    public async Task IOM_flow_counts_entries_and_exits_by_month()
    {
        var iom = await server.WithDb(db => db.Managements.Where(m => m.Scheme == Scheme.Iom).Select(m => new { m.StartedOn, m.EndedOn }).ToListAsync());
        var report = await Get(ReportKind.IomFlow);
        Assert.Equal(13, report.Rows.Count);  // 2025-11-27 to 2026-11-26
        foreach (var row in report.Rows)
        {
            var month = DateOnly.ParseExact(row.Labels[0] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var first = month < YearAgo ? YearAgo : month;
            var last = month.AddMonths(1).AddDays(-1);
            Assert.Equal(Expected(iom.Count(m => m.StartedOn >= first && m.StartedOn <= last)), row.Cells[0].Text);
            Assert.Equal(Expected(iom.Count(m => m.EndedOn >= first && m.EndedOn <= last)), row.Cells[1].Text);
        }
    }

    [Fact]
    public async Task Workload_counts_each_teams_open_cases_at_the_month_end()
    {
        var teams = await Teams();
        var managements = await server.WithDb(db => db.Managements.Select(m => new { m.StartedOn, m.EndedOn, m.OwningTeamId }).ToListAsync());
        var report = await Get(ReportKind.Workload, "demo.supervisor", from: "2026-10-01", to: "2026-10-31");
        var end = new DateOnly(2026, 10, 31);
        var direct = managements.Where(m => m.StartedOn <= end && (m.EndedOn == null || m.EndedOn > end)).GroupBy(m => teams[m.OwningTeamId])
            .ToDictionary(g => $"2026-10 | {g.Key}", g => Expected(g.Count()));
        var published = Published(report).Where(p => p.Value[0] != "0").ToDictionary(p => p.Key, p => p.Value[0]);
        Assert.Equal(direct.OrderBy(d => d.Key), published.OrderBy(d => d.Key));
    }

    [Fact]
    public async Task Every_report_answers_on_the_demo_force_with_small_counts_hidden_and_no_personal_field()
    {
        var names = await server.WithDb(db => db.People.Select(p => p.FamilyName).Distinct().ToListAsync());
        var suppressed = 0;
        foreach (var kind in Enum.GetValues<ReportKind>().Where(k => k != ReportKind.Unspecified))
        {
            var report = await Get(kind);
            Assert.Equal(5, report.SmallNumberThreshold);
            Assert.Equal(report.Dimensions.Count, report.Rows.FirstOrDefault()?.Labels.Count ?? report.Dimensions.Count);
            foreach (var row in report.Rows)
            {
                Assert.All(row.Labels, l => Assert.DoesNotContain(l, names));
                Assert.All(row.Labels, l => Assert.False(Guid.TryParse(l, out _), "a label is an id"));
                foreach (var cell in row.Cells)
                {
                    if (cell.Suppressed) { Assert.Equal(("fewer than 5", 0.0), (cell.Text, cell.Value)); suppressed++; }
                    else if (!cell.Text.Contains('%') && !cell.Text.Contains('.') && cell.Text != "n/a") Assert.False(cell.Value is > 0 and < 5, $"{kind}: {cell.Value} shown");
                }
            }
        }
        Assert.True(suppressed > 0, "the demo force has small cells; none were hidden");
    }

    [Fact]
    public async Task A_report_exports_as_CSV_that_reads_back_as_the_table()
    {
        var client = new Contracts.V1.Reports.ReportsClient(await server.As("demo.analyst"));
        var report = await client.GetReportAsync(new GetReportRequest { Kind = ReportKind.Breaches });
        var export = await client.ExportReportAsync(new GetReportRequest { Kind = ReportKind.Breaches });
        Assert.EndsWith(".csv", export.FileName);
        using var csv = CsvReader.Create(new StringReader(export.Csv));
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.Current.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value ?? ""));
        Assert.Equal(report.Rows.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(report.Rows[i].Labels[0], rows[i]["order type"]);
            Assert.Equal(report.Rows[i].Cells[0].Text, rows[i]["breaches"]);
        }
    }

    [Theory]
    [InlineData("demo.manager")]
    [InlineData("demo.officer")]
    [InlineData("demo.partner")]
    [InlineData("demo.service")]
    public async Task Reports_are_for_analysts_and_supervisors_only(string user) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => Get(ReportKind.Overdue, user));

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_too_long_or_names_no_report_is_refused_by_field()
    {
        Assert.Equal("from", (await RpcAssert.FailsOnField("from", () => Get(ReportKind.Breaches, from: "2026-11-02", to: "2026-11-01"))).Field);
        Assert.Equal("from", (await RpcAssert.FailsOnField("from", () => Get(ReportKind.Breaches, from: "2020-01-01", to: "2026-11-01"))).Field);
        Assert.Equal("to", (await RpcAssert.FailsOnField("to", () => Get(ReportKind.Breaches, to: "2027-11-01"))).Field);
        Assert.Equal("kind", (await RpcAssert.FailsOnField("kind", () => Get(ReportKind.Unspecified))).Field);
        Assert.Equal("kind", (await RpcAssert.FailsOnField("kind", () => Get((ReportKind)99))).Field);
    }


    private sealed class RowComparer : IEqualityComparer<KeyValuePair<string, string[]>>
    {
        public bool Equals(KeyValuePair<string, string[]> x, KeyValuePair<string, string[]> y) => x.Key == y.Key && x.Value.SequenceEqual(y.Value);
        public int GetHashCode(KeyValuePair<string, string[]> obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
