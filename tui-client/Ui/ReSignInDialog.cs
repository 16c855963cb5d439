using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Shown over whatever the user was doing when the server stopped accepting their sign-in
/// (it expired, or the server restarted with a new key). Only the same user may sign in here:
/// the screen behind holds their work and their records.
/// </summary>
public sealed class ReSignInDialog : FormDialog
{
    private readonly string _username;

    public ReSignInDialog(ClientContext context, RenewalRequest request) : base(context, "Sign in again", "_Sign in", 70)
    {
        _username = request.Username;
        var why = string.IsNullOrWhiteSpace(request.Why) ? "The server no longer accepts your sign-in." : request.Why;
        var explanation = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1),
            Text = TextWrap.Wrap($"{why}\nSign in again to carry on: what is on your screen is kept, and what you were doing is retried.", InnerWidth),
        };
        var userLabel = new Label { X = 1, Y = Pos.Bottom(explanation) + 1, Text = "Username:" };
        var user = new Label { X = 12, Y = Pos.Top(userLabel), Text = request.Username };
        var passwordLabel = new Label { X = 1, Y = Pos.Bottom(userLabel) + 1, Text = "_Password:" };
        Password = new TextField { X = 12, Y = Pos.Top(passwordLabel), Width = 30, Secret = true };
        Add(explanation, userLabel, user, passwordLabel, Password);
        AddProblemLine(Pos.Bottom(Password) + 1);
        StartIn(Password);
    }

    public TextField Password { get; }

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (Password.Text.Length == 0)
        {
            ShowProblem("Enter your password.");
            return false;
        }
        var done = await Calls.RunAsync("Signing in", ct => Context.Gateways.Auth.SignInAsync(_username, Password.Text, ct));
        if (!done.Ok) Password.Text = "";
        return done.Ok;
    }
}

/// <summary>
/// Renews the session with <see cref="ReSignInDialog"/> on the UI thread, whichever thread the
/// failed call was on; the connection makes sure only one dialog shows however many calls failed.
/// </summary>
public sealed class DialogSessionRenewer(ClientContext context) : ISessionRenewer
{
    public Task<bool> RenewAsync(RenewalRequest request, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Ui.Run(() =>
        {
            try
            {
                using var dialog = new ReSignInDialog(context, request);
                context.App.Run(dialog);
                answer.TrySetResult(dialog.Completed);
            }
            catch (Exception e)
            {
                answer.TrySetException(e);
            }
        });
        return answer.Task;
    }
}
