using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>Signing in, tokens and lockout.</summary>
public sealed class AuthenticationTests : IClassFixture<DemoServerFactory>
{
    private readonly DemoServerFactory _server;

    public AuthenticationTests(DemoServerFactory server) => _server = server;

    public static TheoryData<string> EveryMethodButSignIn()
    {
        var data = new TheoryData<string>();
        foreach (var method in RawCalls.AllMethods().Where(m => RawCalls.FullName(m) != "/offendermgmt.v1.Auth/SignIn"))
            data.Add(RawCalls.FullName(method));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMethodButSignIn))]
    public async Task Every_method_without_a_token_is_unauthenticated(string fullName)
    {
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == fullName);
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => RawCalls.CallAsync(_server.Anonymous(), method));
        Assert.Contains("Sign in", error.Status.Detail);
    }

    [Fact]
    public void Every_method_in_the_contracts_has_an_access_rule()
    {
        var missing = RawCalls.AllMethods().Select(RawCalls.FullName).Where(m => RpcAccessPolicy.Find(m) is null).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Signing_in_returns_a_token_that_identifies_the_caller_and_what_they_may_call()
    {
        var auth = new Auth.AuthClient(_server.Channel());
        var signIn = await auth.SignInAsync(new SignInRequest { Username = "Demo.Supervisor", Password = ServerFactory.Password });
        Assert.Equal(Contracts.V1.Role.Supervisor, signIn.Caller.Role);
        Assert.Equal(ServerFactory.StartTime.AddHours(8), signIn.ExpiresAt.ToDateTimeOffset());

        var me = await new Auth.AuthClient(_server.WithHeaders(("authorization", $"Bearer {signIn.AccessToken}"))).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("demo.supervisor", me.Username);
        Assert.Equal("Violent and Sexual Offender Management Team", me.TeamName);
        Assert.Contains("/offendermgmt.v1.Audit/VerifyChain", me.AllowedMethods);
        Assert.DoesNotContain("/offendermgmt.v1.People/SearchPeople", (await WhoAmI("demo.partner")).AllowedMethods);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var auth = new Auth.AuthClient(_server.Channel());
        var wrongPassword = await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => auth.SignInAsync(new SignInRequest { Username = "demo.analyst", Password = "not the password" }).ResponseAsync);
        var unknownUser = await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => auth.SignInAsync(new SignInRequest { Username = "nobody.here", Password = "not the password" }).ResponseAsync);
        Assert.Equal(wrongPassword.Status.Detail, unknownUser.Status.Detail);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _server.CreateAccountAsync("lockout.subject", Server.Security.Role.Analyst);
        var auth = new Auth.AuthClient(_server.Channel());
        for (var i = 0; i < 5; i++)
        {
            await RpcAssert.Fails(StatusCode.Unauthenticated,
                () => auth.SignInAsync(new SignInRequest { Username = "lockout.subject", Password = $"guess number {i}" }).ResponseAsync);
        }
        var locked = await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => auth.SignInAsync(new SignInRequest { Username = "lockout.subject", Password = ServerFactory.Password }).ResponseAsync);
        Assert.Contains("locked", locked.Status.Detail);
    }

    [Fact]
    public async Task Sign_ins_to_one_account_at_the_same_moment_all_succeed()
    {
        await _server.CreateAccountAsync("many.instances", Server.Security.Role.Service);
        var auth = new Auth.AuthClient(_server.Channel());
        var signIns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            auth.SignInAsync(new SignInRequest { Username = "many.instances", Password = ServerFactory.Password }).ResponseAsync));
        Assert.All(signIns, s => Assert.Equal("many.instances", s.Caller.Username));
    }

    [Fact]
    public async Task Five_wrong_passwords_at_the_same_moment_still_lock_the_account()
    {
        await _server.CreateAccountAsync("parallel.guesses", Server.Security.Role.Analyst);
        var auth = new Auth.AuthClient(_server.Channel());
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => RpcAssert.Fails(StatusCode.Unauthenticated,
            () => auth.SignInAsync(new SignInRequest { Username = "parallel.guesses", Password = $"guess number {i}" }).ResponseAsync)));
        var locked = await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => auth.SignInAsync(new SignInRequest { Username = "parallel.guesses", Password = ServerFactory.Password }).ResponseAsync);
        Assert.Contains("locked", locked.Status.Detail);
    }

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var token = await _server.TokenFor("demo.analyst");
        var parts = token.Split('.');
        // Re-encode the payload claiming the admin role, keeping the old signature.
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"analyst\"", "\"admin\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var auth = new Auth.AuthClient(_server.WithHeaders(("authorization", $"Bearer {forged}")));
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Contains("not valid", error.Status.Detail);
    }

    [Fact]
    public async Task Sign_in_input_is_checked()
    {
        var auth = new Auth.AuthClient(_server.Channel());
        await RpcAssert.FailsOnField("username", () => auth.SignInAsync(new SignInRequest { Password = "x" }).ResponseAsync);
        await RpcAssert.FailsOnField("password", () => auth.SignInAsync(new SignInRequest { Username = "demo.admin" }).ResponseAsync);
    }

    private async Task<CallerIdentity> WhoAmI(string username) =>
        await new Auth.AuthClient(await _server.As(username)).WhoAmIAsync(new WhoAmIRequest());
}

/// <summary>Tokens run out after their lifetime, by the server's clock (a server of its own, as it moves time on).</summary>
public sealed class TokenExpiryTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    [Fact]
    public async Task An_expired_token_is_rejected_with_a_prompt_to_sign_in_again()
    {
        var auth = new Auth.AuthClient(await _server.As("demo.analyst"));
        await auth.WhoAmIAsync(new WhoAmIRequest());

        _server.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Contains("expired", error.Status.Detail);
    }

    [Fact]
    public async Task A_disabled_account_stops_working_at_once()
    {
        var auth = new Auth.AuthClient(await _server.As("demo.partner"));
        await auth.WhoAmIAsync(new WhoAmIRequest());
        // As the admin command does it.
        await using (var scope = _server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync("demo.partner", disabled: true, CancellationToken.None);
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Contains("disabled", error.Status.Detail);
        Assert.Equal("ACCOUNT_DISABLED", RpcAssert.Reason(error));
    }

    [Fact]
    public async Task An_account_disabled_behind_the_servers_back_stops_working_once_its_remembered_status_lapses()
    {
        await _server.CreateAccountAsync("lapse.partner", OffenderMgmt.Server.Security.Role.PartnerAgency);
        var auth = new Auth.AuthClient(await _server.As("lapse.partner"));
        await auth.WhoAmIAsync(new WhoAmIRequest());
        // Another process (or a hand on the database) disables it: this server is not told.
        await _server.WithDb(async db =>
        {
            var account = db.UserAccounts.Single(a => a.Username == "lapse.partner");
            account.Disabled = true;
            await db.SaveChangesAsync();
        });
        _server.Clock.Advance(new AuthOptions().AccountStatusLifetime);
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal("ACCOUNT_DISABLED", RpcAssert.Reason(error));
    }

    public void Dispose() => _server.Dispose();
}

/// <summary>Sign-in attempts are limited per account, on a server with a low limit.</summary>
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly LowLimitServer _server = new();

    [Fact]
    public async Task Too_many_attempts_in_a_minute_are_refused_as_resource_exhausted()
    {
        var auth = new Auth.AuthClient(_server.Channel());
        for (var i = 0; i < 3; i++)
            await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.SignInAsync(new SignInRequest { Username = "demo.service", Password = "wrong-password" }).ResponseAsync);
        var error = await RpcAssert.Fails(StatusCode.ResourceExhausted,
            () => auth.SignInAsync(new SignInRequest { Username = "demo.service", Password = ServerFactory.Password }).ResponseAsync);
        Assert.Contains("Too many sign-in attempts", error.Status.Detail);
    }

    public void Dispose() => _server.Dispose();

    private sealed class LowLimitServer : ServerFactory
    {
        protected override int SignInLimit => 3;
    }
}
