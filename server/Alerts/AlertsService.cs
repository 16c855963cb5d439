using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Alerts;

/// <summary>
/// gRPC Alerts service: a live stream of alerts for an area or an officer. It sends every stored
/// alert committed after the one the client last saw (any instance's id), then waits for the next commit here or on another instance (or a heartbeat
/// interval) and sends what is new: reconnecting with the last id misses nothing.
/// </summary>
public sealed class AlertsService(AlertFeed feed, IServiceScopeFactory scopes, DisclosurePolicy disclosure, Audit.CallAudit audit, Hosting.Drain drain) : V1.Alerts.AlertsBase
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private const int Batch = 200;

    public override async Task Watch(V1.WatchRequest request, IServerStreamWriter<V1.AlertEvent> responseStream, ServerCallContext context)
    {
        var v = new Validator();
        var area = v.Optional("area_code", request.AreaCode, 20);
        var officer = v.Id("officer_id", request.OfficerId, required: false);
        if ((area.Length == 0) == (officer == Guid.Empty)) v.Add("area_code", "give exactly one of area_code or officer_id");
        if (request.AfterEventId < 0) v.Add("after_event_id", "must not be negative");
        v.ThrowIfInvalid();
        var cancellation = context.CancellationToken;

        AlertCursor last;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            if (area.Length > 0 && !await db.Areas.AnyAsync(a => a.Code == area, cancellation)) throw new NotFoundException("area", area, "area_code");
            if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, cancellation);
            last = request.AfterEventId > 0 ? await AlertFeed.AfterEventAsync(db, request.AfterEventId, cancellation) : await AlertFeed.LatestAsync(db, cancellation);
        }

        // Admitted: the stream's one audit entry is made durable before anything is sent.
        await audit.StreamAdmittedAsync();
        // Headers now, so a watcher knows at once that it is connected, not at the first event
        // or heartbeat (which may be a quarter of a minute away).
        await context.WriteResponseHeadersAsync([]);
        var sent = new HashSet<(AlertKind, Guid?, Guid?, DateTimeOffset)>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStopping = drain.Stopping.Register(() => stopped.TrySetResult());
        var stopping = stopped.Task;
        try
        {
            await StreamAsync();
        }
        catch (Exception e) when (drain.Stopping.IsCancellationRequested && e is not ServerDrainingException)
        {
            // The instance is stopping under the stream (its database connections and services
            // going away): that is a drain, not a server fault, so the watcher is told to reconnect.
            throw new ServerDrainingException();
        }

        async Task StreamAsync()
        {
            while (!cancellation.IsCancellationRequested)
            {
                // Take the wake-up before reading, so a commit between the read and the wait is not lost.
                var wake = feed.NextChange;
                IReadOnlyList<AlertEvent> events;
                Dictionary<Guid, string> names;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
                    events = await AlertFeed.AfterAsync(db, area.Length > 0 ? area : null, officer == Guid.Empty ? null : officer, last, Batch, cancellation);
                    var people = events.Select(e => e.PersonId).OfType<Guid>().Distinct().ToList();
                    names = await db.NamesOfAsync(people, cancellation);
                }
                foreach (var e in events)
                {
                    last = AlertCursor.Of(e);
                    // An event raised for several areas reaches an officer's stream once.
                    if (officer != Guid.Empty && !sent.Add((e.Kind, e.OrderId, e.BreachId, e.At))) continue;
                    await responseStream.WriteAsync(ToMessage(e, names), cancellation);
                }
                if (events.Count == Batch) continue;
                var delay = Task.Delay(Heartbeat, cancellation);
                var woken = await Task.WhenAny(wake, delay, stopping);
                // The instance is stopping: end the stream so the watcher reconnects elsewhere.
                if (drain.Stopping.IsCancellationRequested) throw new ServerDrainingException();
                if (woken == delay && !cancellation.IsCancellationRequested)
                    await responseStream.WriteAsync(new V1.AlertEvent { Heartbeat = true, At = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, cancellation);
            }
        }
    }

    private static V1.AlertEvent ToMessage(AlertEvent e, IReadOnlyDictionary<Guid, string> names) => new()
    {
        Id = e.Id,
        At = Timestamp.FromDateTimeOffset(e.At),
        Kind = AlertEnums.Kinds.ToProto(e.Kind),
        AreaCode = e.AreaCode ?? "",
        PersonId = e.PersonId?.ToString() ?? "",
        PersonName = e.PersonId is { } p ? names.GetValueOrDefault(p, "") : "",
        Summary = e.Summary,
        OrderId = e.OrderId?.ToString() ?? "",
        BreachId = e.BreachId?.ToString() ?? "",
        OfficerId = e.OfficerId?.ToString() ?? "",
    };
}
