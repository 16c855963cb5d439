using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// One line fed by the live alert stream for the beat: the latest alert (a suspected breach in
/// red), or how the stream is doing. It follows the beat the officer picks, and the watch
/// itself reconnects and resumes from the last event it showed.
/// </summary>
public sealed class AlertLine : View
{
    private readonly ClientContext _context;
    private readonly Label _text;
    private readonly List<AlertEntry> _received = [];
    private CancellationTokenSource? _watching;
    private AlertWatchStatus _status = new(AlertWatchState.Stopped, "No beat picked.");

    public AlertLine(ClientContext context)
    {
        _context = context;
        Height = 1;
        Width = Dim.Fill();
        _text = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Alerts: pick a beat to receive its live alerts." };
        Add(_text);
        Show();
        ViewportChanged += (_, _) => Show();
    }

    /// <summary>Alerts received this session, newest first.</summary>
    public IReadOnlyList<AlertEntry> Received => _received;

    public AlertWatchStatus Status => _status;

    public string Line => _text.Text;

    public AlertWatch? Watch { get; private set; }

    /// <summary>Watches the beat's alerts (stopping the previous beat's), from now on.</summary>
    public void Follow(string areaCode)
    {
        Stop();
        var watching = _watching = new CancellationTokenSource();
        var watch = Watch = _context.Gateways.Alerts.Watch(AlertFilter.ForArea(areaCode), Purpose.Briefing);
        _ = Task.Run(() => watch.RunAsync(
            alert => _context.Ui.Run(() => Arrived(alert, watching)),
            status => _context.Ui.Run(() => Changed(status, watching)),
            watching.Token));
    }

    public void Stop()
    {
        _watching?.Cancel();
        _watching?.Dispose();
        _watching = null;
        Watch = null;
    }

    private void Arrived(AlertEntry alert, CancellationTokenSource from)
    {
        if (from == _watching) Take(alert);
    }

    /// <summary>Shows an alert from the watch (the watch's callback; tests call it directly).</summary>
    internal void Take(AlertEntry alert)
    {
        _received.Insert(0, alert);
        Show();
    }

    internal void Take(AlertWatchStatus status)
    {
        _status = status;
        Show();
    }

    private void Changed(AlertWatchStatus status, CancellationTokenSource from)
    {
        if (from == _watching) Take(status);
    }

    private void Show()
    {
        var state = _status.State switch
        {
            AlertWatchState.Live => "● live",
            AlertWatchState.Connecting => "… connecting",
            AlertWatchState.Reconnecting => "○ reconnecting",
            _ => "○ off",
        };
        if (_received.Count > 0)
        {
            var latest = _received[0];
            var at = latest.At is { } time ? _context.Local(time).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
            var more = _received.Count > 1 ? $" (+{_received.Count - 1} more, F12)" : "";
            // The feed's state and the person come first, so a narrow line never cuts them off (issue 20, point 6).
            var who = latest.PersonName is { Length: > 0 } name ? $"{name} · " : "";
            _text.Text = TextWrap.Fit($"[{state}] ⚠ {at} {who}{latest.Kind}{more}: {latest.Summary}", LineWidth);
            // With the feed down, the line says so in the warning colour even over a breach alert.
            _text.SetScheme(Theme.Line(_status.State != AlertWatchState.Live ? Theme.WarningText : latest.IsBreach ? Theme.ErrorText : Theme.WarningText));
        }
        else
        {
            var message = _status.State is AlertWatchState.Live ? "no alerts for this beat since you picked it" : _status.Message;
            _text.Text = TextWrap.Fit($"Alerts [{state}]: {message}", LineWidth);
            _text.SetScheme(Theme.Line(_status.State == AlertWatchState.Stopped && _watching is not null ? Theme.WarningText : Theme.InfoText));
        }
    }

    private int LineWidth => Viewport.Width > 0 ? Viewport.Width : 118;

    protected override void Dispose(bool disposing)
    {
        if (disposing) Stop();
        base.Dispose(disposing);
    }
}
