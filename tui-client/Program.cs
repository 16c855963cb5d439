using OffenderMgmt.Tui;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.App;

ClientOptions options;
try
{
    options = ClientOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.ShowHelp)
{
    Console.WriteLine(ClientOptions.Usage);
    return 0;
}

using var log = ClientLog.Open(options.LogPath);
log.Note("client-started");
using var connection = ServerConnection.Open(options.Server, log, options.CertificateAuthority);
using (var app = Application.Create().Init())
{
    var context = new ClientContext(app, new Gateways(connection), TimeProvider.System) { Settings = ClientSettings.Open(ClientSettings.DefaultPath()) };
    new ClientShell(context, options.Username).Run();
}
log.Note("client-stopped");
return 0;
