using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// Sign-in by the force's identity provider (Auth:Mode External), end to end through the real
/// bearer pipeline: the server finds the provider's keys from its discovery document, checks
/// each token's signature, issuer, audience and lifetime, and takes the role, the officer (by
/// collar number) and a service's scopes from the token's claims.
/// </summary>
public sealed class ExternalIdentityProviderTests(ExternalIdentityServerFactory server) : IClassFixture<ExternalIdentityServerFactory>
{
    private ForceIdentityProvider Provider => server.Provider;

    private Task<(Guid Id, string Collar)> AnOfficer() =>
        server.WithDb(async db =>
        {
            var officer = await db.Officers.OrderBy(o => o.CollarNumber).FirstAsync();
            return (officer.Id, officer.CollarNumber);
        });

    [Fact]
    public async Task A_token_from_the_force_provider_signs_the_officer_in_with_the_role_and_collar_number_it_carries()
    {
        var (officerId, collar) = await AnOfficer();
        var token = Provider.Issue(new Dictionary<string, object>
        {
            ["name"] = "officer.from.idp", ["roles"] = "offender-manager", ["collar_number"] = collar,
        });

        var me = await new Auth.AuthClient(server.WithToken(token)).WhoAmIAsync(new WhoAmIRequest());

        Assert.Equal("officer.from.idp", me.Username);
        Assert.Equal(Role.OffenderManager, me.Role);
        Assert.Equal(officerId.ToString(), me.OfficerId);
        Assert.Contains("/offendermgmt.v1.Caseload/ListCaseload", me.AllowedMethods);
        Assert.True(Provider.KeySetFetches >= 1);
    }

    public static TheoryData<string> NotForThisServer() => ["another key", "another issuer", "another audience", "expired", "no role"];

    [Theory]
    [MemberData(nameof(NotForThisServer))]
    public async Task A_token_the_provider_did_not_sign_for_this_server_now_is_refused_as_unauthenticated(string what)
    {
        using var otherKey = RSA.Create(2048);
        var claims = new Dictionary<string, object> { ["name"] = "someone", ["roles"] = "offender-manager" };
        var token = what switch
        {
            "another key" => Provider.Issue(claims, signedWith: otherKey),
            "another issuer" => Provider.Issue(claims, issuer: "https://idp.elsewhere.test/realms/force"),
            "another audience" => Provider.Issue(claims, audience: "some-other-system"),
            "expired" => Provider.Issue(claims, lifetime: TimeSpan.FromHours(-1)),
            _ => Provider.Issue(new Dictionary<string, object> { ["name"] = "someone" }),
        };

        var auth = new Auth.AuthClient(server.WithToken(token));
        // A token without a role is valid but gives no access: refused with its reason.
        var expected = what == "no role" ? StatusCode.PermissionDenied : StatusCode.Unauthenticated;
        await RpcAssert.Fails(expected, () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_service_token_is_held_to_the_scopes_in_its_scp_claim()
    {
        var (person, pnc) = await server.WithDb(async db =>
        {
            var p = await db.People.Where(p => p.PncId != null && db.Managements.Any(m => m.PersonId == p.Id && m.Status == ManagementStatus.Active))
                .OrderBy(p => p.Id).FirstAsync();
            return (p.Id, p.PncId!);
        });
        var token = Provider.Issue(new Dictionary<string, object>
        {
            ["name"] = "custody.system", ["roles"] = "service", ["scp"] = "people:match",
        });
        var people = new People.PeopleClient(server.WithToken(token));

        Assert.Single((await people.SearchPeopleAsync(new SearchPeopleRequest { PncId = pnc })).People);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task Local_sign_in_is_switched_off_when_the_force_provider_signs_people_in()
    {
        var auth = new Auth.AuthClient(server.Channel());
        await RpcAssert.Fails(StatusCode.FailedPrecondition,
            () => auth.SignInAsync(new SignInRequest { Username = "demo.manager", Password = ServerFactory.Password }).ResponseAsync);
    }
}
