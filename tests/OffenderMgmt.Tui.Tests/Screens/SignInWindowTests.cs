using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.SignIn;
using OffenderMgmt.Tui.Tests.Support;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

[Collection(SharedDemoServer.Name)]
public sealed class SignInWindowTests(DemoServerFactory server)
{
    [Fact]
    public void Typing_a_username_and_password_and_pressing_enter_signs_in()
    {
        using var terminal = new HeadlessTerminal();
        using var client = new TestClient(server);
        using var window = new SignInWindow(client.ContextFor(terminal.App));

        terminal
            .WhenScreenShows("(up)", () =>
            {
                terminal.Type("demo.supervisor");
                terminal.Press(Key.Tab);
                terminal.Type(ServerFactory.Password);
                terminal.Press(Key.Enter);
            })
            .When("signed in", () => window.Session is not null, () => { })
            .Run(window);

        Assert.Equal(UserRole.Supervisor, window.Session!.Role);
        Assert.Same(window.Session, client.Connection.Session);
    }

    [Fact]
    public void A_wrong_password_is_explained_and_the_password_cleared()
    {
        using var terminal = new HeadlessTerminal();
        using var client = new TestClient(server);
        using var window = new SignInWindow(client.ContextFor(terminal.App), username: "demo.officer");

        terminal
            .When("the form is up", () => terminal.Screen().Contains("Password", StringComparison.Ordinal), () =>
            {
                terminal.Type("not-the-password");
                terminal.Press(Key.Enter);
            })
            .WhenScreenShows("username or password is wrong", () =>
            {
                Assert.Equal("", window.Password.Text);
                Assert.Equal("demo.officer", window.Username.Text);
                Assert.Null(client.Connection.Session);
            })
            .Run(window);
    }

    [Fact]
    public void Says_plainly_when_the_server_cannot_be_reached()
    {
        using var terminal = new HeadlessTerminal();
        using var connection = ServerConnection.Open(new Uri("http://127.0.0.1:1"));
        using var window = new SignInWindow(new App.ClientContext(terminal.App, new Gateways(connection), TimeProvider.System), "demo.officer");
        terminal
            .WhenScreenShows("is not available", () =>
            {
                Assert.Contains("server unreachable", terminal.Screen());
                terminal.Type("whatever-password");
                terminal.Press(Key.Enter);
            })
            .When("the sign-in fails", () => window.Message.Text.Contains("cannot be reached", StringComparison.Ordinal), () => { })
            .Run(window);
    }
}
