using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Screens;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

public sealed class SignInWindowTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public void Typing_a_username_and_password_and_pressing_enter_signs_in()
    {
        using var terminal = new HeadlessTerminal();
        using var connection = new ServerConnection(server.Channel(), new Uri("http://test"));
        using var window = new SignInWindow(connection);

        terminal
            .When("the form is up", () => terminal.Screen().Contains("Username", StringComparison.Ordinal), () =>
            {
                terminal.Type("demo.supervisor");
                terminal.Press(Key.Tab);
                terminal.Type(ServerFactory.Password);
                terminal.Press(Key.Enter);
            })
            .When("signed in", () => window.Session is not null, () => { })
            .Run(window);

        Assert.Equal(UserRole.Supervisor, window.Session!.Role);
        Assert.Same(window.Session, connection.Session);
    }

    [Fact]
    public void A_wrong_password_is_explained_and_the_password_cleared()
    {
        using var terminal = new HeadlessTerminal();
        using var connection = new ServerConnection(server.Channel(), new Uri("http://test"));
        using var window = new SignInWindow(connection, username: "demo.officer");

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
                Assert.Null(connection.Session);
            })
            .Run(window);
    }
}
