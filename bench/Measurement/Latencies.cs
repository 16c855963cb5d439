using System.Diagnostics;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>Summary of one operation's timed calls, in milliseconds.</summary>
public sealed record LatencySummary(string Operation, string Where, int Count, double P50, double P90, double P99, double Max, double Mean, string Note);

/// <summary>
/// Times calls one after another and summarises them with nearest-rank percentiles: p99 of
/// 2,000 calls is the 1,980th fastest, a real observed call, not an interpolation.
/// </summary>
public static class Latencies
{
    /// <summary>Runs warm-up calls untimed, then times each of the inputs in turn.</summary>
    public static async Task<LatencySummary> MeasureAsync<T>(
        string operation, string where, IReadOnlyList<T> warmUp, IReadOnlyList<T> inputs, Func<T, Task<int>> call, string note = "")
    {
        foreach (var input in warmUp) await call(input);
        // Start each operation from a clean heap, so one operation's garbage is not another's pause.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var samples = new double[inputs.Count];
        long results = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            results += await call(inputs[i]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var summary = Summarise(operation, where, samples);
        var perCall = inputs.Count == 0 ? 0 : (double)results / inputs.Count;
        return summary with { Note = note.Length > 0 ? $"{note}; {perCall:0.#} results/call" : $"{perCall:0.#} results/call" };
    }

    public static LatencySummary Summarise(string operation, string where, double[] samples)
    {
        if (samples.Length == 0) return new(operation, where, 0, 0, 0, 0, 0, 0, "");
        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(operation, where, sorted.Length, Rank(0.50), Rank(0.90), Rank(0.99), sorted[^1], sorted.Average(), "");
    }
}
