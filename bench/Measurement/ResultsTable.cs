using OffenderMgmt.Bench.Generation;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>Prints the run as Markdown tables, ready to paste into docs/benchmarks.md.</summary>
public static class ResultsTable
{
    /// <summary>The issue's targets on this 2-core machine, in process.</summary>
    private static string Target(string operation, string where) => (operation, where) switch
    {
        (var o, InProcessBench.Where) when o.StartsWith("GetBriefing", StringComparison.Ordinal) => "p99 < 10 ms",
        ("ZonesAt" or "CheckSighting", InProcessBench.Where) => "p99 < 2 ms",
        _ => "",
    };

    private static string Verdict(LatencySummary row)
    {
        var target = Target(row.Operation, row.Where);
        if (target.Length == 0) return "";
        var limit = target.Contains("10", StringComparison.Ordinal) ? 10.0 : 2.0;
        return row.P99 < limit ? $"{target}: met" : $"{target}: NOT met";
    }

    public static void PrintDataset(TextWriter output, Dataset dataset)
    {
        var r = dataset.Report;
        output.WriteLine();
        output.WriteLine($"| data set | {Path.GetFileName(dataset.Path)} ({(dataset.Store.IsPostgres ? "PostgreSQL" : "SQLite")}) |");
        output.WriteLine("|---|---|");
        output.WriteLine($"| areas (English wards, 2013) | {r.Areas:N0} ({r.Repairs.Count} repaired: {string.Join(", ", r.Repairs.Select(x => $"{x.Code} {x.Name}"))}) |");
        output.WriteLine($"| managed people (one active management each) | {r.People:N0} |");
        output.WriteLine($"| officers | {r.Officers:N0} |");
        output.WriteLine($"| orders (served, live) / conditions | {r.Orders:N0} / {r.Conditions:N0} |");
        output.WriteLine($"| exclusion zones / zone-ward links | {r.Zones:N0} / {r.ZoneAreaLinks:N0} |");
        output.WriteLine($"| build time | {r.TotalSeconds:F1} s (wards read and checked {r.WardsSeconds:F1} s, AreaImporter {r.ImportSeconds:F1} s, generation {r.GenerateSeconds:F1} s, writing {r.WriteSeconds:F1} s){(dataset.BuiltThisRun ? "" : $", built {r.BuiltOn:yyyy-MM-dd}, reused")} |");
        output.WriteLine($"| database size | {dataset.SizeBytes / 1024.0 / 1024.0:F1} MiB |");
    }

    public static void PrintLatencies(TextWriter output, IEnumerable<LatencySummary> rows)
    {
        output.WriteLine();
        output.WriteLine("| operation | where | calls | p50 ms | p90 ms | p99 ms | max ms | mean ms | target | notes |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
            output.WriteLine($"| {r.Operation} | {r.Where} | {r.Count:N0} | {r.P50:F2} | {r.P90:F2} | {r.P99:F2} | {r.Max:F2} | {r.Mean:F2} | {Verdict(r)} | {r.Note} |");
    }
}
