using System.Security.Claims;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// Issue 19 item 2 with an external identity provider: a service's scopes are read from the
/// token's scope claim, as the standard <c>scope</c> claim (RFC 8693 s.4.2, RFC 9068 s.2.2.3:
/// space-separated), Microsoft Entra ID's <c>scp</c> (also under the long name .NET's inbound
/// claim mapping gives it), a JSON array (one claim per element), or a claim named in
/// Auth:ScopeClaim.
/// </summary>
public sealed class ServiceScopeClaimsTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void The_standard_scope_claim_is_read_as_space_separated_names()
    {
        var scopes = ServiceScopes.FromClaims(Token(("scope", "orders:write  orders:read-own")), "scope");
        Assert.Equal(["orders:read-own", "orders:write"], scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Microsofts_scp_claim_is_read_by_its_short_and_its_mapped_name()
    {
        Assert.Equal(["people:match"], ServiceScopes.FromClaims(Token(("scp", "people:match")), "scope"));
        Assert.Equal(["releases:write"], ServiceScopes.FromClaims(Token((ServiceScopes.MappedMicrosoftScopeClaim, "releases:write")), "scope"));
    }

    [Fact]
    public void A_scope_array_and_a_configured_claim_are_read_and_other_claims_are_not()
    {
        var scopes = ServiceScopes.FromClaims(Token(
            ("scope", "orders:write"), ("scope", "orders:read-own"), ("omscopes", "people:match"), ("roles", "people:read"), ("role", "service")), "omscopes");
        Assert.Equal(["orders:read-own", "orders:write", "people:match"], scopes.Order(StringComparer.Ordinal));
        Assert.Empty(ServiceScopes.FromClaims(Token(("role", "service")), "scope"));
    }
}
