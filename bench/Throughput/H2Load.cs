using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>What one h2load run measured: calls answered a second and their latency.</summary>
public sealed record LoadResult(double CallsPerSecond, double P50Milliseconds, double P99Milliseconds, long Succeeded, long Failed);

/// <summary>
/// Drives one gRPC method with h2load (Debian's nghttp2-client): the same length-prefixed
/// request over and over, on a few HTTP/2 connections with a fixed number of calls in flight,
/// for a fixed time after a warm-up. h2load sees HTTP status only, so each request is first
/// sent once through Grpc.Net.Client (ThroughputBench) and the audit log is checked after the run.
/// </summary>
public static partial class H2Load
{
    public static bool IsInstalled() => Which("h2load") is not null;

    /// <summary>A gRPC message as it goes on the wire: not compressed, 4-byte big-endian length, the bytes.</summary>
    public static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Connections and streams for a number of calls in flight: one connection for one call, four beyond.</summary>
    public static (int Connections, int Streams) Spread(int inFlight) => inFlight <= 1 ? (1, 1) : (4, Math.Max(1, inFlight / 4));

    public static async Task<LoadResult> RunAsync(string url, IMessage request, IReadOnlyDictionary<string, string> headers, int inFlight,
        int seconds, int warmUpSeconds, string workDirectory, CancellationToken cancellationToken)
    {
        var data = Path.Combine(workDirectory, "request.bin");
        var log = Path.Combine(workDirectory, "h2load.log");
        await File.WriteAllBytesAsync(data, Frame(request), cancellationToken);
        File.Delete(log);
        var (connections, streams) = Spread(inFlight);
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture), "-m", streams.ToString(CultureInfo.InvariantCulture),
                     "-D", seconds.ToString(CultureInfo.InvariantCulture), "--warm-up-time", warmUpSeconds.ToString(CultureInfo.InvariantCulture),
                     "--log-file", log, "-d", data,
                     "-H", "content-type: application/grpc", "-H", "te: trailers",
                 })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start h2load.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {await errors}{text}");

        var finished = Finished().Match(text);
        var requests = Requests().Match(text);
        if (!finished.Success || !requests.Success) throw new InvalidOperationException($"Could not read h2load's summary:\n{text}");
        var succeeded = long.Parse(requests.Groups["succeeded"].Value, CultureInfo.InvariantCulture);
        var failed = long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture)
                     + long.Parse(requests.Groups["timeout"].Value, CultureInfo.InvariantCulture);
        var latencies = Latencies(log);
        File.Delete(log);
        return new LoadResult(double.Parse(finished.Groups["rate"].Value, CultureInfo.InvariantCulture),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), succeeded, failed);
    }

    /// <summary>Per-call times from h2load's log (start µs, HTTP status, µs to the end of the response), answered calls only, sorted.</summary>
    private static double[] Latencies(string log)
    {
        var times = new List<double>();
        foreach (var line in File.ReadLines(log))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 3 && columns[1] == "200" && long.TryParse(columns[2], CultureInfo.InvariantCulture, out var micros))
                times.Add(micros / 1000.0);
        }
        var sorted = times.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"finished in (?<seconds>[\d.]+)s, (?<rate>[\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"requests: (?<total>\d+) total, (?<started>\d+) started, (?<done>\d+) done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout")]
    private static partial Regex Requests();
}
