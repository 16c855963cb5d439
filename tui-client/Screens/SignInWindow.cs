using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Screens;

/// <summary>
/// Sign in with a username and password. On success the session is on the connection and the
/// window closes; a failure says why and keeps what was typed (but the password).
/// </summary>
public sealed class SignInWindow : Window
{
    private readonly AuthGateway _auth;
    private CancellationTokenSource? _signingIn;

    public SignInWindow(ServerConnection connection, string? username = null)
    {
        _auth = new AuthGateway(connection);
        Title = "OffenderMgmt — sign in";

        var intro = new Label { X = 2, Y = 1, Text = $"Server: {connection.Address}" };
        var userLabel = new Label { X = 2, Y = 3, Text = "_Username:" };
        Username = new TextField { X = 13, Y = 3, Width = 30, Text = username ?? "" };
        var passwordLabel = new Label { X = 2, Y = 5, Text = "_Password:" };
        Password = new TextField { X = 13, Y = 5, Width = 30, Secret = true };
        SignInButton = new Button { X = 13, Y = 7, Text = "_Sign in", IsDefault = true };
        SignInButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            _ = SignInAsync();
        };
        Message = new Label { X = 2, Y = 9, Width = Dim.Fill(2), Height = 3, Text = "" };
        var statusBar = new StatusBar([new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestStop())]);
        Add(intro, userLabel, Username, passwordLabel, Password, SignInButton, Message, statusBar);
        (username is { Length: > 0 } ? Password : Username).SetFocus();
    }

    public TextField Username { get; }
    public TextField Password { get; }
    public Button SignInButton { get; }
    public Label Message { get; }

    /// <summary>The session, once signed in.</summary>
    public Session? Session { get; private set; }

    private async Task SignInAsync()
    {
        if (_signingIn is not null) return;
        if (Username.Text.Trim().Length == 0 || Password.Text.Length == 0)
        {
            Message.Text = "Enter your username and password.";
            return;
        }
        _signingIn = new CancellationTokenSource();
        Message.Text = "Signing in…";
        try
        {
            Session = await _auth.SignInAsync(Username.Text.Trim(), Password.Text, _signingIn.Token);
            RequestStop();
        }
        catch (GatewayException e)
        {
            Message.Text = e.Message;
            Password.Text = "";
            Password.SetFocus();
        }
        finally
        {
            _signingIn.Dispose();
            _signingIn = null;
        }
    }
}
