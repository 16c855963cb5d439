using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>When the server stops accepting the token, the connection gets a new session once and repeats the call.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class SessionRenewalTests(DemoServerFactory server)
{
    /// <summary>Signs in again, like the re-sign-in dialog does when the user types their password.</summary>
    private sealed class SigningInAgain(TestClient client, bool agree = true, string? asUser = null) : ISessionRenewer
    {
        public int Asked;
        public RenewalRequest? Request;

        public async Task<bool> RenewAsync(RenewalRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Asked);
            Request = request;
            await Task.Delay(50, cancellationToken);  // a person takes a moment; other calls fail meanwhile
            if (!agree) return false;
            await client.Gateways.Auth.SignInAsync(asUser ?? request.Username, ServerFactory.Password, cancellationToken);
            return true;
        }
    }

    private static void SpoilToken(ServerConnection connection) =>
        connection.Session = connection.Session! with { AccessToken = connection.Session.AccessToken[..^6] + "AAAAAA" };

    [Fact]
    public async Task A_refused_token_is_renewed_and_the_call_repeated()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var renewer = new SigningInAgain(client);
        client.Connection.Renewer = renewer;
        SpoilToken(client.Connection);

        var areas = await client.Gateways.Areas.ListAsync("luton", CancellationToken.None);

        Assert.NotEmpty(areas);
        Assert.Equal(1, renewer.Asked);
        Assert.Equal("demo.officer", renewer.Request!.Username);
        Assert.Contains("not valid", renewer.Request.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_failing_together_ask_for_the_password_once()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var renewer = new SigningInAgain(client);
        client.Connection.Renewer = renewer;
        SpoilToken(client.Connection);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Gateways.Areas.ListAsync("bedford", CancellationToken.None)));

        Assert.All(results, r => Assert.NotEmpty(r));
        Assert.Equal(1, renewer.Asked);
    }

    [Fact]
    public async Task Declining_to_sign_in_again_fails_the_call_as_sign_in_needed()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        client.Connection.Renewer = new SigningInAgain(client, agree: false);
        SpoilToken(client.Connection);

        var e = await Assert.ThrowsAsync<GatewayException>(() => client.Gateways.Areas.ListAsync("", CancellationToken.None));

        Assert.Equal(GatewayFailure.SignInNeeded, e.Failure);
    }

    [Fact]
    public async Task Someone_else_signing_in_does_not_carry_on_with_the_first_users_screen()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        client.Connection.Renewer = new SigningInAgain(client, asUser: "demo.manager");
        SpoilToken(client.Connection);

        var e = await Assert.ThrowsAsync<GatewayException>(() => client.Gateways.Areas.ListAsync("", CancellationToken.None));

        Assert.Equal(GatewayFailure.SignInNeeded, e.Failure);
    }
}

/// <summary>An expired sign-in (the server's clock moves past the token's lifetime) is renewed the same way.</summary>
public sealed class ExpiredSessionTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task An_expired_sign_in_is_renewed_and_the_call_repeated()
    {
        await _server.CreateAccountAsync("expiry.test", Server.Security.Role.LocalOfficer);
        using var client = new TestClient(_server);
        await client.SignInAsync("expiry.test");
        var asked = 0;
        client.Connection.Renewer = new Renewer(async (request, ct) =>
        {
            asked++;
            Assert.Contains("expired", request.Why, StringComparison.Ordinal);
            await client.Gateways.Auth.SignInAsync(request.Username, ServerFactory.Password, ct);
            return true;
        });
        _server.Clock.Advance(TimeSpan.FromHours(9));

        var me = await client.Gateways.Auth.WhoAmIAsync(CancellationToken.None);

        Assert.Equal("expiry.test", me.Username);
        Assert.Equal(1, asked);
    }

    private sealed class Renewer(Func<RenewalRequest, CancellationToken, Task<bool>> renew) : ISessionRenewer
    {
        public Task<bool> RenewAsync(RenewalRequest request, CancellationToken cancellationToken) => renew(request, cancellationToken);
    }

    public void Dispose() => _server.Dispose();
}
