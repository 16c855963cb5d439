using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// The JWT bearer handler's token handler, remembering each token it has validated until the
/// token expires, so a caller's repeat calls do no signature check, parsing or claim building
/// (token validation was 3 to 10% of a cheap call's server time, docs/benchmarks.md).
/// <list type="bullet">
/// <item>Only a token that validated is remembered, by its exact text: a token altered in any
/// way is another text, so it is validated afresh (and refused).</item>
/// <item>A remembered token past its expiry (by the server's clock, with the same skew as the
/// validation) is forgotten and validated again, which refuses it as expired.</item>
/// <item>Whether the account is still enabled is not part of this: the identity part asks
/// <see cref="AccountStatuses"/> on every call, so disabling takes effect on the next call.</item>
/// <item>When the signing keys change (another key configured, or the identity provider's keys
/// refreshed) everything remembered is forgotten.</item>
/// <item>At most <see cref="AuthOptions.ValidatedTokenCacheSize"/> tokens are kept: when full,
/// the expired ones are dropped, and if that is not enough, all of them.</item>
/// </list>
/// </summary>
public sealed class ValidatedTokens(TokenHandler inner, ForceClock clock, int capacity) : TokenHandler
{
    private sealed record Validated(TokenValidationResult Result, DateTime Expires, TimeSpan ClockSkew, object?[] Keys);

    private readonly ConcurrentDictionary<string, Validated> _known = new(StringComparer.Ordinal);
    // The same entries, looked up by the header's characters without making a string of them.
    private ConcurrentDictionary<string, Validated>.AlternateLookup<ReadOnlySpan<char>> KnownByText => _known.GetAlternateLookup<ReadOnlySpan<char>>();
    private object?[] _keys = [];

    /// <summary>How many tokens are remembered now (for tests).</summary>
    public int Count => _known.Count;

    /// <summary>Over the handler the JWT bearer handler uses by default, with claims as they are in the token.</summary>
    public static ValidatedTokens OverJsonWebTokens(ForceClock clock, int capacity) =>
        new(new JsonWebTokenHandler { MapInboundClaims = false }, clock, capacity);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var keys = await KeysInForceAsync(validationParameters);
        if (_known.TryGetValue(token, out var known))
        {
            // Validated under the keys in force now (one validated under keys since replaced is not
            // trusted, even if it was added after they changed), and not yet expired.
            if (ReferenceEquals(known.Keys, keys) && Unexpired(known, validationParameters.ClockSkew))
                return Copy(known.Result);
            _known.TryRemove(token, out _);
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated && validated.ValidTo > DateTime.MinValue)
        {
            if (_known.Count >= capacity) MakeRoom();
            _known[token] = new Validated(result, validated.ValidTo, validationParameters.ClockSkew, keys);
        }
        return result;
    }

    /// <summary>
    /// The caller's identity (a copy of its own) when <paramref name="token"/> validated under the
    /// keys in force when last checked and has not expired; otherwise null, and the token must go
    /// through the JWT bearer handler. Only for keys that cannot change while the server runs (the
    /// local signing key): an identity provider's keys are refreshed, which only the handler sees.
    /// </summary>
    public ClaimsIdentity? Remembered(ReadOnlySpan<char> token) =>
        KnownByText.TryGetValue(token, out var known) && ReferenceEquals(known.Keys, Volatile.Read(ref _keys)) && Unexpired(known, known.ClockSkew)
            ? known.Result.ClaimsIdentity.Clone()
            : null;

    private bool Unexpired(Validated known, TimeSpan skew) => clock.Now.UtcDateTime - skew < known.Expires;

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    /// <summary>Each call gets its own identity, so nothing one call does to its claims reaches another.</summary>
    private static TokenValidationResult Copy(TokenValidationResult known) => new()
    {
        IsValid = true,
        ClaimsIdentity = known.ClaimsIdentity.Clone(),
        SecurityToken = known.SecurityToken,
        TokenType = known.TokenType,
        Issuer = known.Issuer,
    };

    /// <summary>The keys in force, the same array while they stay the same; when they change, everything remembered is forgotten.</summary>
    private async ValueTask<object?[]> KeysInForceAsync(TokenValidationParameters parameters)
    {
        // The keys in force: the configured one(s), and the identity provider's current
        // configuration (the same object until it is refreshed).
        var configuration = parameters.ConfigurationManager is { } manager
            ? await manager.GetBaseConfigurationAsync(CancellationToken.None)
            : null;
        var current = Volatile.Read(ref _keys);
        if (Same(current, parameters, configuration)) return current;
        object?[] keys = [parameters.IssuerSigningKey, configuration, .. parameters.IssuerSigningKeys ?? []];
        if (Interlocked.CompareExchange(ref _keys, keys, current) == current) _known.Clear();
        return keys;
    }

    private static bool Same(object?[] keys, TokenValidationParameters parameters, object? configuration)
    {
        if (keys.Length < 2 || !ReferenceEquals(keys[0], parameters.IssuerSigningKey) || !ReferenceEquals(keys[1], configuration)) return false;
        var i = 2;
        if (parameters.IssuerSigningKeys is { } more)
            foreach (var key in more)
                if (i >= keys.Length || !ReferenceEquals(keys[i++], key)) return false;
        return i == keys.Length;
    }

    private void MakeRoom()
    {
        var now = clock.Now.UtcDateTime;
        foreach (var (token, known) in _known)
            if (known.Expires <= now) _known.TryRemove(token, out _);
        if (_known.Count >= capacity) _known.Clear();
    }
}
