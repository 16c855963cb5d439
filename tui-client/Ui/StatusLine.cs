using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// One line above the status bar: on the left, what the screen is doing ("Loading caseload…
/// Esc cancels"), what just happened, or what went wrong; on the right, whether the server is
/// reachable. A lost connection shows here, in words, and clears itself when the server answers again.
/// The message has priority (issue 20, 100x30): when it and the connection do not fit on one line,
/// the connection shrinks to its symbol, and a message still too long wraps to a second line
/// (the line grows upwards; the content above sizes itself by <see cref="Rows"/>).
/// </summary>
public sealed class StatusLine : View
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly ClientContext _context;
    private readonly Label _message;
    private readonly Label _connection;
    private object? _spinnerTimer;
    private int _frame;
    private string _busyText = "";
    private string _text = "";
    private string _fullConnection = "";
    private string _shortConnection = "";

    public StatusLine(ClientContext context)
    {
        _context = context;
        Height = 1;
        Width = Dim.Fill();
        _connection = new Label { X = Pos.AnchorEnd(), Y = 0, Width = Dim.Auto(), Text = "" };
        _message = new Label { X = 0, Y = 0, Width = Dim.Fill(Dim.Width(_connection) + 1), Height = Dim.Fill(), Text = "" };
        Add(_message, _connection);
        FrameChanged += (_, _) => Arrange();
        SetScheme(Theme.Base);
        _context.Connection.HealthChanged += OnHealthChanged;
        ShowHealth(_context.Connection.Health);
    }

    /// <summary>The text on the left, whole and on one line, for tests and screen readers.</summary>
    public string Message => _text;

    /// <summary>How many rows the line takes now: 1, or 2 for a message too long for one.</summary>
    public int Rows { get; private set; } = 1;

    public string ConnectionText => _connection.Text;

    public StatusKind Kind { get; private set; } = StatusKind.None;

    /// <summary>Shows a spinner and what is being done, until <see cref="Clear"/> or another message.</summary>
    public void Busy(string doing)
    {
        _busyText = $"{doing}  (Esc cancels)";
        Set(StatusKind.Busy, $"{Spinner[0]} {_busyText}", Theme.BusyText);
        _spinnerTimer ??= App?.AddTimeout(TimeSpan.FromMilliseconds(120), () =>
        {
            if (Kind != StatusKind.Busy)
            {
                _spinnerTimer = null;
                return false;
            }
            _frame = (_frame + 1) % Spinner.Length;
            _text = $"{Spinner[_frame]} {_busyText}";
            Arrange();
            return true;
        });
    }

    public void Info(string text) => Set(StatusKind.Info, text, Theme.InfoText);

    public void Success(string text) => Set(StatusKind.Success, $"✔ {text}", Theme.GoodText);

    public void Warning(string text) => Set(StatusKind.Warning, $"⚠ {text}", Theme.WarningText);

    public void Error(string text) => Set(StatusKind.Error, $"✖ {text}", Theme.ErrorText);

    public void Clear() => Set(StatusKind.None, "", Theme.InfoText);

    private void Set(StatusKind kind, string text, Attribute attribute)
    {
        Kind = kind;
        _text = OneLine(text);
        _message.SetScheme(Theme.Line(attribute));
        Arrange();
    }

    /// <summary>Lays the message and the connection out for the line's width (see the class summary).</summary>
    private void Arrange()
    {
        var width = Frame.Width;
        if (width <= 0)
        {
            _message.Text = _text;
            _connection.Text = _fullConnection;
            return;
        }
        var connection = _text.Length + 1 + _fullConnection.Length <= width ? _fullConnection : _shortConnection;
        var room = Math.Max(10, width - connection.Length - 1);
        var lines = _text.Length <= room ? [_text] : TextWrap.Lines(_text, room);
        _connection.Text = connection;
        _message.Width = Dim.Fill(connection.Length + 1);
        _message.Text = string.Join("\n", lines.Take(2));
        var rows = Math.Min(2, lines.Count);
        if (rows == Rows) return;
        Rows = rows;
        Height = rows;
        Y = Pos.AnchorEnd(rows + 1);  // above the one-row status bar
        SuperView?.SetNeedsLayout();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private void OnHealthChanged(object? sender, ConnectionHealth health)
    {
        _context.Ui.Run(() => ShowHealth(health));
    }

    private void ShowHealth(ConnectionHealth health)
    {
        var who = _context.Connection.Session?.Username;
        var (text, attribute) = health switch
        {
            ConnectionHealth.Unreachable => ("○ server unreachable, retrying", Theme.ErrorText),
            ConnectionHealth.Online => ($"● online{(who is null ? "" : $" · {who}")}", Theme.InfoText),
            _ => ($"{_context.Connection.Address.Authority}{(who is null ? "" : $" · {who}")}", Theme.InfoText),
        };
        _fullConnection = $" {text} ";
        // At a narrow width the message has priority: the connection keeps its symbol (and the word when it is down).
        _shortConnection = health == ConnectionHealth.Unreachable ? " ○ unreachable " : health == ConnectionHealth.Online ? " ● " : _fullConnection;
        Arrange();
        _connection.SetScheme(Theme.Line(attribute));
        // A message about the server being down is stale once it is back.
        if (health == ConnectionHealth.Online && Kind == StatusKind.Error && Message.Contains("cannot be reached", StringComparison.Ordinal))
            Info("The server is reachable again.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _context.Connection.HealthChanged -= OnHealthChanged;
            if (_spinnerTimer is not null) App?.RemoveTimeout(_spinnerTimer);
        }
        base.Dispose(disposing);
    }
}

public enum StatusKind
{
    None,
    Busy,
    Info,
    Success,
    Warning,
    Error,
}
