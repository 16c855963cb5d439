using System.Diagnostics;

namespace OffenderMgmt.Server.Telemetry;

/// <summary>
/// When a view first fell behind the database: set by the first change after it was current,
/// cleared when it is current again. For a gauge, so a race between a change and a refresh may
/// show a moment's 0; never a missed change (the views themselves track what to reload).
/// </summary>
public sealed class Staleness
{
    private long _since = Stopwatch.GetTimestamp();  // not built yet: behind since it was made

    public void Changed() => Interlocked.CompareExchange(ref _since, Stopwatch.GetTimestamp(), 0);

    public void Current() => Interlocked.Exchange(ref _since, 0);

    public double Seconds
    {
        get
        {
            var since = Interlocked.Read(ref _since);
            return since == 0 ? 0 : Stopwatch.GetElapsedTime(since).TotalSeconds;
        }
    }
}
