using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>
/// Profiles the server while h2load drives it (Linux, root or perf_event_paranoid permitting):
/// `perf record` samples every thread's CPU, kernel and native frames (SQLite, the kernel's
/// fsync) included, and the JIT's perf map names the managed frames (the server is started with
/// DOTNET_PerfMapEnabled=1); `strace -c` counts the fsync/fdatasync calls, so syncs per answered
/// call can be set beside calls/s. Each runs during its own extra, unmeasured load run: both
/// slow the server (strace a great deal).
/// </summary>
public static partial class Profiler
{
    public static bool IsAvailable() => H2Load.Which("perf") is not null && H2Load.Which("strace") is not null;

    /// <summary>Samples the server's CPU with perf for the given seconds (after the delay) and reports the top of it.</summary>
    public static async Task<string> CpuAsync(int processId, int delaySeconds, int seconds, string output, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(delaySeconds), cancellationToken);
        await RunAsync("perf", cancellationToken, "record", "-F", "499", "-g", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", output,
            "--", "sleep", seconds.ToString(CultureInfo.InvariantCulture));
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"    CPU by library (perf, {output}):");
        report.AppendLine(Top(await RunAsync("perf", cancellationToken, "report", "-i", output, "--stdio", "--no-children", "--sort", "dso", "-g", "none"), 8));
        report.AppendLine("    CPU by function (self):");
        report.AppendLine(Top(await RunAsync("perf", cancellationToken, "report", "-i", output, "--stdio", "--no-children", "--sort", "dso,sym", "-g", "none"), 20));
        report.AppendLine("    CPU by function (with what it calls):");
        report.Append(Top(await RunAsync("perf", cancellationToken, "report", "-i", output, "--stdio", "--children", "--sort", "sym", "-g", "none"), 40));
        File.Delete(output);
        return report.ToString();
    }

    /// <summary>Counts the server's fsync/fdatasync calls with strace for the given seconds (after the delay).</summary>
    public static async Task<long> SyncsAsync(int processId, int delaySeconds, int seconds, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(delaySeconds), cancellationToken);
        var table = await RunAsync("timeout", cancellationToken, "-s", "INT", seconds.ToString(CultureInfo.InvariantCulture),
            "strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "-p", processId.ToString(CultureInfo.InvariantCulture));
        return SyncCalls().Matches(table).Sum(m => long.Parse(m.Groups["calls"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The first lines of a perf report: no comments, no frames perf could not name, long names cut.</summary>
    private static string Top(string report, int lines) =>
        string.Join(Environment.NewLine, report.Split('\n')
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#') && !Unnamed().IsMatch(l))
            .Take(lines)
            .Select(l => "      " + (l.TrimEnd().Length > 170 ? l.TrimEnd()[..170] + "…" : l.TrimEnd())));

    [GeneratedRegex(@"\[\.\]\s+0x[0-9a-f]+\s*$")]
    private static partial Regex Unnamed();

    private static async Task<string> RunAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return await output + await errors;
    }

    // strace -c's table: "% time  seconds  usecs/call  calls  errors syscall".
    [GeneratedRegex(@"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(?<calls>\d+)\s+(?:\d+\s+)?(?:fsync|fdatasync)\s*$", RegexOptions.Multiline)]
    private static partial Regex SyncCalls();
}
