using System.Security.Claims;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// The validated-token cache on its own, without a host: a repeat token is not validated again,
/// and the cache never lets through what validation would refuse.
/// </summary>
public sealed class ValidatedTokensTests
{
    private static readonly DateTime Start = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Start));
    private readonly CountingHandler _inner = new();
    private readonly ValidatedTokens _cache;
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "a" };

    public ValidatedTokensTests() => _cache = new ValidatedTokens(_inner, new ForceClock(_time, TimeZoneInfo.Utc), capacity: 3);

    /// <summary>Counts the validations that reach the real handler.</summary>
    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _real = new() { MapInboundClaims = false };
        public int Validations;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref Validations);
            return _real.ValidateTokenAsync(token, validationParameters);
        }
    }

    private static string Token(SymmetricSecurityKey key, string subject = "someone") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "offendermgmt", Audience = "offendermgmt",
        Subject = new ClaimsIdentity([new Claim("name", subject), new Claim("role", "analyst")]),
        IssuedAt = Start, NotBefore = Start, Expires = Start.AddHours(8),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private TokenValidationParameters Parameters(SymmetricSecurityKey key) => new()
    {
        ValidIssuer = "offendermgmt", ValidAudience = "offendermgmt", IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256], ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, _) => expires is { } exp && _time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(30) < exp,
    };

    [Fact]
    public async Task A_repeat_token_is_answered_without_validating_it_again_each_call_with_its_own_identity()
    {
        var token = Token(_key);
        var first = await _cache.ValidateTokenAsync(token, Parameters(_key));
        var second = await _cache.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("someone", second.ClaimsIdentity.FindFirst("name")?.Value);
    }

    [Fact]
    public async Task A_token_with_its_signature_altered_is_validated_afresh_and_refused()
    {
        var token = Token(_key);
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{parts[1]}.{new string(signature)}";

        Assert.False((await _cache.ValidateTokenAsync(tampered, Parameters(_key))).IsValid);
        Assert.Equal(2, _inner.Validations);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task A_remembered_token_past_its_expiry_is_refused()
    {
        var token = Token(_key);
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        Assert.False((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task When_the_signing_key_changes_tokens_remembered_under_the_old_key_are_forgotten()
    {
        var token = Token(_key);
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var rotated = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "b" };

        Assert.False((await _cache.ValidateTokenAsync(token, Parameters(rotated))).IsValid);
        Assert.True((await _cache.ValidateTokenAsync(Token(rotated), Parameters(rotated))).IsValid);
    }

    [Fact]
    public async Task The_cache_holds_no_more_tokens_than_its_capacity()
    {
        for (var i = 0; i < 10; i++)
            Assert.True((await _cache.ValidateTokenAsync(Token(_key, $"caller {i}"), Parameters(_key))).IsValid);
        Assert.InRange(_cache.Count, 1, 3);
    }

    [Fact]
    public async Task A_remembered_token_signs_in_from_memory_each_time_with_its_own_identity_until_it_expires()
    {
        var token = Token(_key);
        Assert.Null(_cache.Remembered(token));
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var first = _cache.Remembered(token);
        var second = _cache.Remembered(token);
        Assert.Equal("someone", first?.FindFirst("name")?.Value);
        Assert.NotSame(first, second);
        // Expiry is the token's, by the server's clock, with the validation's skew (30 s).
        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(20));
        Assert.NotNull(_cache.Remembered(token));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(_cache.Remembered(token));
    }

    [Fact]
    public async Task A_token_remembered_under_a_key_since_replaced_does_not_sign_in_from_memory()
    {
        var token = Token(_key);
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var rotated = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "b" };
        Assert.True((await _cache.ValidateTokenAsync(Token(rotated), Parameters(rotated))).IsValid);

        Assert.Null(_cache.Remembered(token));
        Assert.NotNull(_cache.Remembered(Token(rotated)));
    }

    [Fact]
    public async Task Only_a_local_token_sent_as_a_bearer_token_signs_in_from_memory()
    {
        var token = Token(_key);
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        static Microsoft.AspNetCore.Http.DefaultHttpContext Sending(string authorization)
        {
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            http.Request.Headers.Authorization = authorization;
            return http;
        }
        var local = new RememberedSignIn(_cache, Microsoft.Extensions.Options.Options.Create(new AuthOptions { Mode = "Local" }));
        var external = new RememberedSignIn(_cache, Microsoft.Extensions.Options.Options.Create(new AuthOptions { Mode = "External" }));

        var signedIn = Sending($"bearer {token} ");
        Assert.True(local.TrySignIn(signedIn));
        Assert.Equal("someone", signedIn.User.FindFirst("name")?.Value);
        Assert.True(signedIn.User.Identity?.IsAuthenticated);
        // The identity provider's keys are refreshed, which only the JWT bearer handler sees.
        Assert.False(external.TrySignIn(Sending($"Bearer {token}")));
        Assert.False(local.TrySignIn(Sending($"Basic {token}")));
        Assert.False(local.TrySignIn(Sending($"Bearer {Token(_key, "another")}")));
    }
}

/// <summary>Through the server: a token the cache remembers is still refused as soon as it should be (its own server, as it moves time on).</summary>
public sealed class CachedTokenTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    private async Task<Auth.AuthClient> CachedAs(string username)
    {
        var auth = new Auth.AuthClient(await _server.As(username));
        await auth.WhoAmIAsync(new WhoAmIRequest());
        Assert.True(_server.Services.GetRequiredService<ValidatedTokens>().Count > 0);
        return auth;
    }

    [Fact]
    public async Task A_disabled_accounts_remembered_token_is_refused_on_its_next_call()
    {
        var auth = await CachedAs("demo.partner");
        await using (var scope = _server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync("demo.partner", disabled: true, CancellationToken.None);
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal("ACCOUNT_DISABLED", RpcAssert.Reason(error));
    }

    [Fact]
    public async Task A_remembered_token_is_refused_as_expired_once_it_expires()
    {
        var auth = await CachedAs("demo.analyst");
        _server.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal("TOKEN_EXPIRED", RpcAssert.Reason(error));
    }

    [Fact]
    public async Task A_remembered_token_with_its_signature_altered_is_refused()
    {
        await CachedAs("demo.analyst");
        var parts = (await _server.TokenFor("demo.analyst")).Split('.');
        var signature = parts[2].ToCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        var auth = new Auth.AuthClient(_server.WithHeaders(("authorization", $"Bearer {parts[0]}.{parts[1]}.{new string(signature)}")));
        var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Contains("not valid", error.Status.Detail);
    }

    public void Dispose() => _server.Dispose();
}
