using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Reports;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>
/// Times each report (issue 19) in process on the data set: the default 12 months to today,
/// one untimed build, then <c>runs</c> timed builds, one scope each, as GetReport would.
/// The reference, in the same run, is a full count of People (one scan of the largest
/// person table), so the figures read as "this report costs k counts of every person".
/// </summary>
public static class ReportsBench
{
    public static async Task RunAsync(ServiceProvider services, int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<ForceClock>();
        var to = clock.Today;
        var start = new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        async Task<(double[] Samples, int Rows)> Time(Func<IServiceProvider, Task<int>> call)
        {
            await using (var warm = services.CreateAsyncScope()) await call(warm.ServiceProvider);
            var samples = new double[runs];
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var began = Stopwatch.GetTimestamp();
                rows = await call(scope.ServiceProvider);
                samples[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            }
            return (samples, rows);
        }

        var (reference, people) = await Time(sp => sp.GetRequiredService<OffenderMgmtDb>().People.AsNoTracking().CountAsync(cancellationToken));
        var referenceMs = reference.Order().ElementAt(runs / 2);
        output.WriteLine();
        output.WriteLine($"Reports, {Dates(start)} to {Dates(to)}, in process, {runs} timed builds each after one untimed; reference: count of People ({people:N0}) = {referenceMs:F1} ms (median)");
        output.WriteLine();
        output.WriteLine("| Report | Rows | Median ms | Max ms | Median / reference |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var (samples, rows) = await Time(async sp => (await sp.GetRequiredService<ReportBuilder>().BuildAsync(kind, start, to, cancellationToken)).Rows.Count);
            var median = samples.Order().ElementAt(runs / 2);
            output.WriteLine($"| {kind} | {rows:N0} | {median:F0} | {samples.Max():F0} | {median / referenceMs:F1} |");
        }
    }

    private static string Dates(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
