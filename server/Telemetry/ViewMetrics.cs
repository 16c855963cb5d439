using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// The in-memory views (zone index, briefing view): how long each build or refresh took, and
/// how stale each is: seconds since the oldest committed change it has not yet applied (0 when
/// current). A stale view is brought up to date by its next reader, who pays the refresh.
/// </summary>
public sealed class ViewMetrics
{
    public const string ZoneIndex = "zone-index";
    public const string BriefingFacts = "briefing-facts";
    public const string Build = "build";
    public const string Refresh = "refresh";

    private readonly Histogram<double> _reload;
    private readonly Meter _meter;
    private int _listenerObserved;
    private readonly ConcurrentDictionary<string, Staleness> _staleness = new(StringComparer.Ordinal);

    public ViewMetrics(IMeterFactory meters)
    {
        var meter = _meter = meters.Create(TelemetryNames.Meter);
        _reload = meter.CreateHistogram("offendermgmt.view.reload.duration", "s",
            "Time to build a view or apply committed changes to it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        meter.CreateObservableGauge("offendermgmt.view.staleness", Observe, "s",
            "Seconds since the oldest committed change a view has not applied yet (0: current)");
    }

    /// <summary>
    /// The change listener's connection (issue 15): 1 while it LISTENs, 0 while it is lost (the
    /// views are then marked stale and rebuild in full once it is back). Registered once.
    /// </summary>
    public void ObserveListener(Func<bool> connected)
    {
        if (Interlocked.Exchange(ref _listenerObserved, 1) == 1) return;
        _meter.CreateObservableGauge("offendermgmt.changes.listener.connected", () => connected() ? 1 : 0, null,
            "1 while this instance listens for other instances' commits; 0 while that connection is lost");
    }

    /// <summary>The staleness of a view (one per view), which the gauge reads at each collection.</summary>
    public Staleness Track(string view) => _staleness.GetOrAdd(view, _ => new Staleness());

    public void Reloaded(string view, string kind, TimeSpan took) =>
        _reload.Record(took.TotalSeconds, new TagList { { TelemetryNames.View, view }, { TelemetryNames.ViewReload, kind } });

    private IEnumerable<Measurement<double>> Observe() =>
        _staleness.Select(view => new Measurement<double>(view.Value.Seconds, new KeyValuePair<string, object?>(TelemetryNames.View, view.Key)));
}
