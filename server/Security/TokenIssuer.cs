using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Security;

/// <summary>Issues the standard JWTs that ASP.NET Core's JWT bearer handler validates.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, AuthOptions options, ForceClock clock)
{
    public const string OfficerClaim = "officer_id";
    public const string AccountClaim = "sub";
    /// <summary>The standard OAuth claim (RFC 8693 s.4.2): space-separated scopes.</summary>
    public const string ScopeClaim = "scope";

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserAccount account)
    {
        var now = clock.Now;
        var expires = now + options.TokenLifetime;
        var claims = new List<Claim>
        {
            new(AccountClaim, account.Id.ToString()),
            new("name", account.Username),
            new("role", account.Role.ToClaim()),
            new("jti", Guid.NewGuid().ToString("N")),
        };
        if (account.OfficerId is { } officer) claims.Add(new Claim(OfficerClaim, officer.ToString()));
        if (account.Scopes.Length > 0) claims.Add(new Claim(ScopeClaim, account.Scopes));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
