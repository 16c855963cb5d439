using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.SignIn;

/// <summary>
/// Sign in with a username and password. It says first whether the server is there at all; on
/// success the session is on the connection and the window closes; a failure says why and keeps
/// the username (never the password).
/// </summary>
public sealed class SignInWindow : Window
{
    private readonly ClientContext _context;
    private readonly Calls _calls;

    public SignInWindow(ClientContext context, string? username = null)
    {
        _context = context;
        Title = "OffenderMgmt · sign in";
        SetScheme(Theme.Base);

        var form = new View { X = Pos.Center(), Y = Pos.Center(), Width = 64, Height = 17, CanFocus = true };
        var heading = new Label { X = 0, Y = 0, Text = "OffenderMgmt: offender management for police forces" };
        ServerLine = new Label { X = 0, Y = 2, Width = Dim.Fill(), Height = 2, Text = $"Server: {context.Connection.Address}" };
        var userLabel = new Label { X = 0, Y = 5, Text = "_Username:" };
        Username = new TextField { X = 11, Y = 5, Width = 30, Text = username ?? "" };
        var passwordLabel = new Label { X = 0, Y = 7, Text = "_Password:" };
        Password = new TextField { X = 11, Y = 7, Width = 30, Secret = true };
        SignInButton = new Button { X = 11, Y = 9, Text = "_Sign in", IsDefault = true };
        SignInButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            _ = SignInAsync();
        };
        Message = new Label { X = 0, Y = 12, Width = Dim.Fill(), Height = 4, Text = "" };
        form.Add(heading, ServerLine, userLabel, Username, passwordLabel, Password, SignInButton, Message);
        // Enter in a field signs in, although the button sits inside the form view.
        DefaultAcceptView = SignInButton;

        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(2) };
        _calls = new Calls(context, new StatusLineFeedback(StatusLine));
        var statusBar = new StatusBar([
            new Shortcut(Key.Enter, "Sign in", () => _ = SignInAsync()),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestStop()),
        ]);
        statusBar.SetScheme(Theme.Bars);
        Add(form, StatusLine, statusBar);
        (username is { Length: > 0 } ? Password : Username).SetFocus();

        KeyDown += (_, key) =>
        {
            if (key != Key.Esc || !_calls.IsBusy) return;  // Esc otherwise closes the window: quitting at sign-in
            _calls.CancelAll();
            key.Handled = true;
        };
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) _ = CheckServerAsync();
        };
    }

    public TextField Username { get; }
    public TextField Password { get; }
    public Button SignInButton { get; }
    public Label Message { get; }
    public Label ServerLine { get; }
    public StatusLine StatusLine { get; }

    /// <summary>The session, once signed in.</summary>
    public Session? Session { get; private set; }

    private async Task CheckServerAsync()
    {
        var status = await _context.Gateways.Status.CheckAsync(CancellationToken.None);
        ServerLine.Text = status.Serving
            ? $"Server: {_context.Connection.Address} (up)"
            : TextWrap.Wrap($"Server: {_context.Connection.Address} is not available. {status.Text}", 64);
    }

    private async Task SignInAsync()
    {
        if (_calls.IsBusy) return;
        if (Username.Text.Trim().Length == 0 || Password.Text.Length == 0)
        {
            Message.Text = "Enter your username and password.";
            return;
        }
        Message.Text = "";
        var done = await _calls.TryAsync("Signing in", ct => _context.Gateways.Auth.SignInAsync(Username.Text.Trim(), Password.Text, ct));
        if (done.Ok)
        {
            Session = done.Value;
            RequestStop();
            return;
        }
        Message.Text = TextWrap.Wrap(done.Error!.Message, 64);
        Password.Text = "";
        Password.SetFocus();
    }
}
