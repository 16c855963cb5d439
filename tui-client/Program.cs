using OffenderMgmt.Tui;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Screens;
using Terminal.Gui.App;

var options = ClientOptions.Parse(args);
if (options.ShowHelp)
{
    Console.WriteLine(ClientOptions.Usage);
    return 0;
}

using var connection = ServerConnection.Open(options.Server);
using var app = Application.Create().Init();

using (var signIn = new SignInWindow(connection))
{
    app.Run(signIn);
    if (signIn.Session is null) return 0;
}

using var window = new ServerOverviewWindow(connection);
app.AddTimeout(TimeSpan.Zero, () =>
{
    _ = window.RefreshAsync();
    return false;
});
app.Run(window);
return 0;
