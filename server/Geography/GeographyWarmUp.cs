using System.Diagnostics;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Builds the zone index and the briefing view in the background once the server is up, so
/// the first local officer to ask for a briefing does not wait seconds for them at national
/// scale. Readers that come sooner build (or wait for) them themselves.
/// </summary>
public sealed partial class GeographyWarmUp(ZoneIndexHolder zones, BriefingFactsView briefingFacts, ILogger<GeographyWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Yield first: the host finishes starting while this runs.
            await Task.Yield();
            var timer = Stopwatch.StartNew();
            var index = await zones.CurrentAsync(stoppingToken);
            var view = await briefingFacts.CurrentAsync(stoppingToken);
            LogWarm(index.Zones.Count, view.Count, timer.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it finished: nothing to keep.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not fatal: the first reader builds them instead (and reports the failure to its caller).
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Geography ready: {Zones} zones indexed, {People} people in the briefing view, in {Milliseconds} ms")]
    private partial void LogWarm(int zones, int people, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the zone index and briefing view in the background failed; the first briefing will build them")]
    private partial void LogFailed(Exception exception);
}
