using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Reports;

/// <summary>
/// Builds each report from the data. Every query groups in the database and returns group
/// counts only (no person-level row leaves the database), except the on-time measure of the
/// compliance reports, which streams one narrow projection (kind, risk, team, due date,
/// completion instant: no personal field) because "done by the end of its due day in the
/// force's time zone" compares an instant with a local date, which has no portable SQL form
/// on both engines. Labels are words (kinds, risk levels, team and district names), never ids.
/// </summary>
public sealed class ReportBuilder(OffenderMgmtDb db, ForceClock clock, IOptions<ReportOptions> options)
{
    private ReportOptions Options => options.Value;
    private SmallNumbers Rule => new(Options.SmallNumberThreshold);

    public Task<ReportTable> BuildAsync(ReportKind kind, DateOnly start, DateOnly to, CancellationToken cancellationToken) => kind switch
    {
        ReportKind.Compliance => ComplianceAsync(start, to, cancellationToken),
        ReportKind.Overdue => OverdueAsync(start, to, cancellationToken),
        ReportKind.ComplianceTrend => TrendAsync(start, to, cancellationToken),
        ReportKind.OrderUse => OrderUseAsync(start, to, cancellationToken),
        ReportKind.Breaches => BreachesAsync(start, to, cancellationToken),
        ReportKind.Workload => WorkloadAsync(start, to, cancellationToken),
        ReportKind.IomFlow => IomFlowAsync(start, to, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such report"),
    };

    private ReportTable Table(ReportKind kind, string title, DateOnly start, DateOnly to, string[] dimensions, string[] measures, IEnumerable<ReportLine> rows, params string[] notes) =>
        new(kind, title, start, to, dimensions, measures, rows.ToList(), Options.SmallNumberThreshold,
            [.. notes, $"Counts from 1 to {Options.SmallNumberThreshold - 1} are shown as \"{Rule.Hidden}\", and so is a rate or mean that would reveal one; no totals are given, since a total would reveal a hidden cell by subtraction."]);

    private DateTimeOffset StartOf(DateOnly day) => clock.ToInstant(day, TimeOnly.MinValue);

    private sealed record CheckFact(CheckKind Kind, RiskLevel? Risk, Guid? TeamId, DateOnly DueOn, CheckStatus Status, DateTimeOffset? CompletedAt);

    /// <summary>Checks due in the period (cancelled ones left out), with the risk and team of the case or order they belong to.</summary>
    private IAsyncEnumerable<CheckFact> ChecksDue(DateOnly start, DateOnly to) =>
        (from c in db.ComplianceChecks.AsNoTracking()
         where c.DueOn >= start && c.DueOn <= to && c.Status != CheckStatus.Cancelled
         join m in db.Managements on c.ManagementId equals (Guid?)m.Id into ms
         from m in ms.DefaultIfEmpty()
         join o in db.Orders on c.OrderId equals (Guid?)o.Id into os
         from o in os.DefaultIfEmpty()
         select new CheckFact(c.Kind, m != null ? m.RiskLevel : null, m != null ? m.OwningTeamId : o != null ? o.OwningTeamId : null, c.DueOn, c.Status, c.CompletedAt))
        .AsAsyncEnumerable();

    /// <summary>Done on time: completed by the end of its due day in the force's time zone.</summary>
    private bool OnTime(CheckFact c) => c.Status == CheckStatus.Completed && c.CompletedAt < StartOf(c.DueOn.AddDays(1));

    private async Task<ReportTable> ComplianceAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var groups = new Dictionary<(CheckKind, RiskLevel?, Guid?), (long Due, long Done, long OnTime)>();
        await foreach (var c in ChecksDue(start, to).WithCancellation(ct))
        {
            var key = (c.Kind, c.Risk, c.TeamId);
            var g = groups.GetValueOrDefault(key);
            groups[key] = (g.Due + 1, g.Done + (c.Status == CheckStatus.Completed ? 1 : 0), g.OnTime + (OnTime(c) ? 1 : 0));
        }
        var teams = await TeamNamesAsync(ct);
        var rule = Rule;
        var rows = groups
            .Select(g => (Labels: new[] { ComplianceEnums.KindWords[g.Key.Item1], RiskWords(g.Key.Item2), TeamName(teams, g.Key.Item3) }, g.Value))
            .OrderBy(r => r.Labels[0], StringComparer.Ordinal).ThenBy(r => r.Labels[1], StringComparer.Ordinal).ThenBy(r => r.Labels[2], StringComparer.Ordinal)
            .Select(r => new ReportLine(r.Labels, [rule.Count(r.Value.Due), rule.Count(r.Value.Done), rule.Count(r.Value.OnTime), rule.Rate(r.Value.OnTime, r.Value.Due)]));
        return Table(ReportKind.Compliance, "Compliance checks done on time, by kind, risk and team", start, to,
            ["check kind", "risk", "team"], ["due", "completed", "on time", "on time %"], rows,
            "Checks due in the period (cancelled checks left out). On time: completed by the end of the due day, force time.",
            "Risk is the case's risk today; checks of an order with no case show \"order\".");
    }

    private async Task<ReportTable> TrendAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var months = new SortedDictionary<(int, int), (long Due, long OnTime, long Overdue)>();
        var today = clock.Today;
        await foreach (var c in ChecksDue(start, to).WithCancellation(ct))
        {
            var key = (c.DueOn.Year, c.DueOn.Month);
            var g = months.GetValueOrDefault(key);
            months[key] = (g.Due + 1, g.OnTime + (OnTime(c) ? 1 : 0), g.Overdue + (c.Status == CheckStatus.Open && c.DueOn < today ? 1 : 0));
        }
        var rule = Rule;
        var rows = MonthsOf(start, to).Select(m =>
        {
            var g = months.GetValueOrDefault((m.Year, m.Month));
            return new ReportLine([MonthLabel(m)], [rule.Count(g.Due), rule.Count(g.OnTime), rule.Rate(g.OnTime, g.Due), rule.Count(g.Overdue)]);
        });
        return Table(ReportKind.ComplianceTrend, "Compliance checks by month due", start, to,
            ["month"], ["due", "on time", "on time %", "still open and overdue"], rows,
            "Checks due in each month (cancelled checks left out). On time: completed by the end of the due day, force time.");
    }

    private async Task<ReportTable> OverdueAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var today = clock.Today;
        var groups = await (
                from c in db.ComplianceChecks.AsNoTracking()
                where c.Status == CheckStatus.Open && c.DueOn < today
                join m in db.Managements on c.ManagementId equals (Guid?)m.Id into ms
                from m in ms.DefaultIfEmpty()
                join o in db.Orders on c.OrderId equals (Guid?)o.Id into os
                from o in os.DefaultIfEmpty()
                group c by new { c.Kind, TeamId = m != null ? m.OwningTeamId : o != null ? o.OwningTeamId : (Guid?)null }
                into g
                select new { g.Key.Kind, g.Key.TeamId, Count = g.Count() })
            .ToListAsync(ct);
        var teams = await TeamNamesAsync(ct);
        var rule = Rule;
        var rows = groups.Select(g => new ReportLine([ComplianceEnums.KindWords[g.Kind], TeamName(teams, g.TeamId)], [rule.Count(g.Count)]))
            .OrderBy(r => r.Labels[0], StringComparer.Ordinal).ThenBy(r => r.Labels[1], StringComparer.Ordinal);
        return Table(ReportKind.Overdue, $"Checks overdue today ({today:yyyy-MM-dd}), by kind and team", start, to,
            ["check kind", "team"], ["overdue"], rows, "Open checks whose due date has passed, whatever the period asked for.");
    }

    private async Task<ReportTable> OrderUseAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var periodEnd = StartOf(to.AddDays(1));
        // Grouped by the home address's area code first, then each code present named by its
        // district once (a few thousand wards), rather than one lookup of a wide Areas row (it
        // carries the ward boundary) per order. A district is a function of the code, so the
        // sums regrouped by district are the counts a join would give.
        var byArea = await (
                from o in db.Orders.AsNoTracking()
                where o.MadeOn <= to
                join p in db.People on o.PersonId equals p.Id
                group o by new { o.Type, p.Address!.AreaCode }
                into g
                select new
                {
                    g.Key.Type, g.Key.AreaCode,
                    Made = g.Sum(o => o.MadeOn >= start ? 1 : 0),
                    InForce = g.Sum(o => o.ServedAt != null && o.ServedAt < periodEnd && o.StartsOn <= to &&
                                         (o.EndsOn == null || o.EndsOn >= to) && (o.DischargedOn == null || o.DischargedOn > to) ? 1 : 0),
                })
            .ToListAsync(ct);
        var codes = byArea.Where(g => g.AreaCode != null).Select(g => g.AreaCode!).Distinct().ToList();
        var districts = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code))
            .Select(a => new { a.Code, a.DistrictName }).ToDictionaryAsync(a => a.Code, a => a.DistrictName, ct);
        var groups = byArea
            .GroupBy(g => (g.Type, District: g.AreaCode is { } code ? districts.GetValueOrDefault(code) : null))
            .Select(g => (g.Key.Type, g.Key.District, Made: g.Sum(x => x.Made), InForce: g.Sum(x => x.InForce)));
        var rule = Rule;
        var rows = groups.Where(g => g.Made > 0 || g.InForce > 0)
            .Select(g => new ReportLine([OrderTypeRules.For(g.Type).ShortName, g.District ?? "no known district"], [rule.Count(g.Made), rule.Count(g.InForce)]))
            .OrderBy(r => r.Labels[0], StringComparer.Ordinal).ThenBy(r => r.Labels[1], StringComparer.Ordinal);
        return Table(ReportKind.OrderUse, "Orders by type and district", start, to,
            ["order type", "district"], ["made in period", "in force at end"], rows,
            "District: of the subject's home address today. In force at the end: served, started, not ended or discharged on the last day.");
    }

    private async Task<ReportTable> BreachesAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var since = StartOf(start);
        var end = StartOf(to.AddDays(1));
        var groups = await (
                from b in db.Breaches.AsNoTracking()
                where b.RecordedAt >= since && b.RecordedAt < end
                join o in db.Orders on b.OrderId equals (Guid?)o.Id into os
                from o in os.DefaultIfEmpty()
                group b by new { Type = o != null ? o.Type : (OrderType?)null, b.Status, b.Action }
                into g
                select new { g.Key.Type, g.Key.Status, g.Key.Action, Count = g.Count() })
            .ToListAsync(ct);
        var rule = Rule;
        var rows = groups
            .GroupBy(g => (Type: g.Type is { } t ? OrderTypeRules.For(t).ShortName : "no order (registration or licence)", Outcome: Outcome(g.Status, g.Action)))
            .Select(g => new ReportLine([g.Key.Type, g.Key.Outcome], [rule.Count(g.Sum(x => x.Count))]))
            .OrderBy(r => r.Labels[0], StringComparer.Ordinal).ThenBy(r => r.Labels[1], StringComparer.Ordinal);
        return Table(ReportKind.Breaches, "Breaches recorded, by order type and outcome", start, to,
            ["order type", "outcome"], ["breaches"], rows, "Breaches recorded in the period, by where each stands today.");
    }

    private async Task<ReportTable> WorkloadAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var teams = await TeamNamesAsync(ct);
        var rule = Rule;
        var monthEnds = MonthsOf(start, to).Select(m => (Month: m, End: Min(m.AddMonths(1).AddDays(-1), to))).ToList();
        var firstEnd = monthEnds[0].End;
        // One pass over the period, not one per month: the managements open at some month end
        // of the period, grouped by team and dates (no person, no id), walked month by month in
        // memory. The index on (OwningTeamId, StartedOn, EndedOn) covers the query, so the wide
        // Managements rows are not read.
        var spans = await db.Managements.AsNoTracking()
            .Where(m => m.StartedOn <= to && (m.EndedOn == null || m.EndedOn > firstEnd))
            .GroupBy(m => new { m.OwningTeamId, m.StartedOn, m.EndedOn })
            .Select(g => new { TeamId = g.Key.OwningTeamId, g.Key.StartedOn, g.Key.EndedOn, Count = g.Count() })
            .ToListAsync(ct);
        var posts = await db.Officers.AsNoTracking()
            .Where(o => o.InPostFrom <= to && (o.InPostTo == null || o.InPostTo >= firstEnd))
            .GroupBy(o => new { o.TeamId, o.InPostFrom, o.InPostTo })
            .Select(g => new { g.Key.TeamId, g.Key.InPostFrom, g.Key.InPostTo, Count = g.Count(), Hours = g.Sum(o => o.ContractedHours) })
            .ToListAsync(ct);
        var rows = new List<ReportLine>();
        foreach (var (month, end) in monthEnds)
        {
            var cases = spans.Where(m => m.StartedOn <= end && (m.EndedOn == null || m.EndedOn > end))
                .GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Sum(m => m.Count));
            var officers = posts.Where(o => o.InPostFrom <= end && (o.InPostTo == null || o.InPostTo >= end))
                .GroupBy(o => o.TeamId).ToDictionary(g => g.Key, g => (Count: g.Sum(o => o.Count), Hours: g.Sum(o => o.Hours)));
            foreach (var team in cases.Keys.Union(officers.Keys).OrderBy(t => TeamName(teams, t), StringComparer.Ordinal))
            {
                var caseCount = cases.GetValueOrDefault(team);
                var staff = officers.GetValueOrDefault(team);
                var fte = staff.Hours / 37.0;
                rows.Add(new ReportLine([MonthLabel(month), TeamName(teams, team)],
                    [rule.Count(caseCount), rule.Count(staff.Count), rule.Ratio(caseCount, fte, staff.Count)]));
            }
        }
        return Table(ReportKind.Workload, "Cases and capacity by team, at each month end", start, to,
            ["month", "team"], ["cases", "officers in post", "cases per full-time officer"], rows,
            "Cases: managements open at the month end, by the team that owns them today. Capacity: officers in post at the month end, full-time equivalent at 37 hours.");
    }

    private async Task<ReportTable> IomFlowAsync(DateOnly start, DateOnly to, CancellationToken ct)
    {
        var rule = Rule;
        var window = Options.IomWindowMonths;
        var iom = db.Managements.AsNoTracking().Where(m => m.Scheme == Scheme.Iom);
        // Entries and exits of the whole period in one grouped query (dates and counts only),
        // split by month in memory; the index on (Scheme, StartedOn, EndedOn, PersonId) covers it.
        var spans = await iom.Where(m => (m.StartedOn >= start && m.StartedOn <= to) || (m.EndedOn >= start && m.EndedOn <= to))
            .GroupBy(m => new { m.StartedOn, m.EndedOn }).Select(g => new { g.Key.StartedOn, g.Key.EndedOn, Count = g.Count() })
            .ToListAsync(ct);
        var rows = new List<ReportLine>();
        foreach (var month in MonthsOf(start, to))
        {
            var last = Min(month.AddMonths(1).AddDays(-1), to);
            var first = Max(month, start);
            var entries = spans.Where(m => m.StartedOn >= first && m.StartedOn <= last).Sum(m => m.Count);
            var exits = spans.Where(m => m.EndedOn >= first && m.EndedOn <= last).ToList();
            var exitCount = exits.Sum(e => e.Count);
            var daysOn = exits.Sum(e => (double)(e.EndedOn!.Value.DayNumber - e.StartedOn.DayNumber) * e.Count);

            // The joining month itself is left out of both windows, so no event is counted on the wrong side of someone's joining day.
            var beforeFrom = StartOf(month.AddMonths(-window));
            var beforeTo = StartOf(month);
            var afterFrom = StartOf(month.AddMonths(1));
            var afterTo = StartOf(month.AddMonths(1 + window));
            // The people who joined this month: a range of the same index, read inside each query.
            var people = iom.Where(m => m.StartedOn >= first && m.StartedOn <= last).Select(m => m.PersonId);
            var breaches = await db.Breaches.Where(b => people.Contains(b.PersonId) && b.OccurredAt >= beforeFrom && b.OccurredAt < afterTo)
                .GroupBy(b => 1)
                .Select(g => new
                {
                    Before = g.Sum(b => b.OccurredAt < beforeTo ? 1 : 0),
                    After = g.Sum(b => b.OccurredAt >= afterFrom ? 1 : 0),
                })
                .SingleOrDefaultAsync(ct);
            var changes = await (from c in db.ManagementRiskChanges
                                 join m in db.Managements on c.ManagementId equals m.Id
                                 where people.Contains(m.PersonId) && c.At >= beforeFrom && c.At < afterTo
                                 select c)
                .GroupBy(c => 1)
                .Select(g => new
                {
                    UpBefore = g.Sum(c => c.At < beforeTo && c.ToRisk > c.FromRisk ? 1 : 0),
                    DownBefore = g.Sum(c => c.At < beforeTo && c.ToRisk < c.FromRisk ? 1 : 0),
                    UpAfter = g.Sum(c => c.At >= afterFrom && c.ToRisk > c.FromRisk ? 1 : 0),
                    DownAfter = g.Sum(c => c.At >= afterFrom && c.ToRisk < c.FromRisk ? 1 : 0),
                })
                .SingleOrDefaultAsync(ct);
            rows.Add(new ReportLine([MonthLabel(month)],
            [
                rule.Count(entries), rule.Count(exitCount), rule.Mean(daysOn, exitCount),
                rule.Count(breaches?.Before ?? 0), rule.Count(breaches?.After ?? 0),
                rule.Count(changes?.UpBefore ?? 0), rule.Count(changes?.DownBefore ?? 0), rule.Count(changes?.UpAfter ?? 0), rule.Count(changes?.DownAfter ?? 0),
            ]));
        }
        return Table(ReportKind.IomFlow, "IOM cohort flow by month", start, to,
            ["month"],
            ["entries", "exits", "mean days on scheme (exits)", "breaches before joining", "breaches after joining",
             "risk raised before", "risk lowered before", "risk raised after", "risk lowered after"], rows,
            $"Before and after: the {window} months before the joining month and the {window} months after it, for the people who joined that month; the joining month is in neither. Recent months' \"after\" windows are not yet complete.",
            "Risk changes: of any case the person has, raised or lowered.");
    }

    private async Task<Dictionary<Guid, string>> TeamNamesAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);

    private static string TeamName(Dictionary<Guid, string> teams, Guid? id) =>
        id is { } t ? teams.GetValueOrDefault(t, "unknown team") : "no team";

    private static string RiskWords(RiskLevel? risk) => risk switch
    {
        null => "order",
        RiskLevel.Unspecified => "not assessed",
        RiskLevel.VeryHigh => "very high",
        { } r => r.ToString().ToLowerInvariant(),
    };

    private static string Outcome(BreachStatus status, BreachAction? action) => status switch
    {
        BreachStatus.ActionTaken => action switch { BreachAction.Warning => "warning", BreachAction.Arrest => "arrest", BreachAction.Charge => "charge", _ => "action taken" },
        _ => Breach.Describe(status),
    };

    /// <summary>"HomeVisit" as "home visit".</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : (i == 0 ? char.ToLowerInvariant(ch) : ch).ToString()));

    private static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> MonthsOf(DateOnly start, DateOnly to)
    {
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= to; m = m.AddMonths(1)) yield return m;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
