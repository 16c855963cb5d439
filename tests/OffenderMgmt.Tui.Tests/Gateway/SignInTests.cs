using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

[Collection(SharedDemoServer.Name)]
public sealed class SignInTests(DemoServerFactory server)
{
    [Theory]
    [InlineData("demo.manager", UserRole.OffenderManager, true)]
    [InlineData("demo.supervisor", UserRole.Supervisor, true)]
    [InlineData("demo.officer", UserRole.LocalOfficer, true)]
    [InlineData("demo.analyst", UserRole.Analyst, true)]
    [InlineData("demo.partner", UserRole.PartnerAgency, false)]
    [InlineData("demo.admin", UserRole.Admin, false)]
    public async Task Signing_in_gives_the_role_the_officer_and_what_the_role_may_call(string username, UserRole role, bool isOfficer)
    {
        using var client = new TestClient(server);

        var session = await client.SignInAsync(username);

        Assert.Equal(role, session.Role);
        Assert.Equal(username, session.Username);
        Assert.Equal(isOfficer, session.IsOfficer);
        Assert.True(session.ExpiresAt > ServerFactory.StartTime);
        Assert.Same(session, client.Connection.Session);
        Assert.Contains("/offendermgmt.v1.Auth/WhoAmI", session.AllowedMethods);
        Assert.Equal(role == UserRole.Supervisor, session.May("/offendermgmt.v1.Caseload/ListOrphaned"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_servers_words_and_no_session()
    {
        using var client = new TestClient(server);

        var e = await Assert.ThrowsAsync<GatewayException>(() =>
            client.Gateways.Auth.SignInAsync("demo.manager", "not-the-password", CancellationToken.None));

        Assert.Equal(GatewayFailure.SignInNeeded, e.Failure);
        Assert.Contains("username or password is wrong", e.Message, StringComparison.Ordinal);
        Assert.Null(client.Connection.Session);
    }

    [Fact]
    public async Task Who_am_i_asks_the_server_with_the_session_token()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.supervisor");

        var now = await client.Gateways.Auth.WhoAmIAsync(CancellationToken.None);

        Assert.Equal(session.OfficerId, now.OfficerId);
        Assert.Equal(session.TeamName, now.TeamName);
        Assert.Equal(UserRole.Supervisor, now.Role);
    }

    [Fact]
    public async Task The_session_token_never_appears_in_its_text()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.officer");

        Assert.DoesNotContain(session.AccessToken, session.ToString(), StringComparison.Ordinal);
    }
}
