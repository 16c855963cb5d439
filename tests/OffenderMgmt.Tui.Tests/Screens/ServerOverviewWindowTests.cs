using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Screens;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>The first screen, against the in-process demo server.</summary>
public sealed class ServerOverviewWindowTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task Shows_the_server_serving_and_all_77_areas_then_filters_by_name()
    {
        using var terminal = new HeadlessTerminal();
        using var connection = new ServerConnection(server.Channel(), new Uri("http://test"));
        await new AuthGateway(connection).SignInAsync("demo.officer", ServerFactory.Password, CancellationToken.None);
        using var window = new ServerOverviewWindow(connection);
        terminal
            .When("the window is up", () => true, () => _ = window.RefreshAsync())
            .WhenScreenShows("77 areas", () =>
            {
                Assert.Contains("Server: SERVING", terminal.Screen());
                Assert.Contains("Barnfield", terminal.Screen());
                terminal.Type("dunst");
            })
            .WhenScreenShows("5 areas", () =>
            {
                var screen = terminal.Screen();
                Assert.Contains("Dunstable-Central", screen);
                Assert.DoesNotContain("Barnfield", screen);
            })
            .Run(window);
    }

    [Fact]
    public void Says_plainly_when_the_server_cannot_be_reached()
    {
        using var terminal = new HeadlessTerminal();
        using var connection = ServerConnection.Open(new Uri("http://127.0.0.1:1"));
        using var window = new ServerOverviewWindow(connection);
        terminal
            .When("the window is up", () => true, () => _ = window.RefreshAsync())
            .WhenScreenShows("not available", () =>
                Assert.Contains("cannot be reached", terminal.Screen()))
            .Run(window);
    }
}
