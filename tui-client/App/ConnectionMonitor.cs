using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// While the server is unreachable, asks its health service every few seconds; the first
/// answer marks the connection online again, which clears the status line and lets screens
/// reload what failed. Nothing polls while the server answers.
/// </summary>
public sealed class ConnectionMonitor : IDisposable
{
    private readonly ClientContext _context;
    private readonly TimeSpan _interval;
    private object? _timer;
    private bool _checking;

    public ConnectionMonitor(ClientContext context, TimeSpan? interval = null)
    {
        _context = context;
        _interval = interval ?? TimeSpan.FromSeconds(5);
        context.Connection.HealthChanged += OnHealthChanged;
    }

    private void OnHealthChanged(object? sender, ConnectionHealth health) => _context.Ui.Run(() =>
    {
        if (health == ConnectionHealth.Unreachable && _timer is null)
            _timer = _context.App.AddTimeout(_interval, Poll);
    });

    private bool Poll()
    {
        if (_context.Connection.Health != ConnectionHealth.Unreachable)
        {
            _timer = null;
            return false;
        }
        if (!_checking) _ = CheckAsync();
        return true;
    }

    private async Task CheckAsync()
    {
        _checking = true;
        try
        {
            await _context.Gateways.Status.CheckAsync(CancellationToken.None);  // marks the connection online when it answers
        }
        finally
        {
            _checking = false;
        }
    }

    public void Dispose()
    {
        _context.Connection.HealthChanged -= OnHealthChanged;
        if (_timer is not null) _context.App.RemoveTimeout(_timer);
    }
}
