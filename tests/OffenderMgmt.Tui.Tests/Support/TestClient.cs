using OffenderMgmt.Testing;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.App;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>The client's gateways over the in-process server, on the server's fake clock.</summary>
public sealed class TestClient : IDisposable
{
    public TestClient(ServerFactory server, ICallLog? log = null)
    {
        Server = server;
        Connection = new ServerConnection(server.Channel(), new Uri("http://test"), log);
        Gateways = new Gateways(Connection);
    }

    public ServerFactory Server { get; }
    public ServerConnection Connection { get; }
    public Gateways Gateways { get; }

    /// <summary>Signs in a demo account (all have the tests' password).</summary>
    public async Task<Session> SignInAsync(string username) =>
        await Gateways.Auth.SignInAsync(username, ServerFactory.Password, CancellationToken.None);

    /// <summary>A context for screens on <paramref name="app"/>, with the server's clock as the client's.</summary>
    public ClientContext ContextFor(IApplication app) => new(app, Gateways, Server.Clock);

    /// <summary>A context that remembers with <paramref name="settings"/> (a later run of the client sees them).</summary>
    public ClientContext ContextFor(IApplication app, ClientSettings settings) => new(app, Gateways, Server.Clock) { Settings = settings };

    public void Dispose() => Connection.Dispose();
}
