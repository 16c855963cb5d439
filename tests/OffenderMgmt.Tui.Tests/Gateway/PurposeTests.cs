using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>What the server's audit log says the client sent as its purpose.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class PurposeTests(DemoServerFactory server)
{
    [Fact]
    public async Task A_reason_reaches_the_audit_log_in_the_users_words()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var someoneElse = await server.SomeoneElsesCase("demo.manager", skip: 1);

        await client.Gateways.People.GetAsync(someoneElse, Purpose.Because("Intelligence about a car seen at the address: café visit"), CancellationToken.None);

        Assert.Equal("reason: Intelligence about a car seen at the address: café visit",
            await AuditTrail.LatestPurposeAsync(server, "demo.manager", "People/GetPerson"));
    }

    [Fact]
    public async Task Each_gateway_sends_the_purpose_of_its_screen()
    {
        using var client = new TestClient(server);
        var session = await client.SignInAsync("demo.supervisor");

        await client.Gateways.Compliance.OverdueAsync(CheckScope.Team(session.TeamId), Purpose.Supervision, CancellationToken.None);
        await client.Gateways.Areas.ListAsync("", CancellationToken.None);
        Assert.Equal("supervision", await AuditTrail.LatestPurposeAsync(server, "demo.supervisor", "Compliance/ListOverdue"));
        Assert.Equal("briefing", await AuditTrail.LatestPurposeAsync(server, "demo.supervisor", "Areas/ListAreas"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("too short", false)]
    [InlineData("a reason long enough", true)]
    [InlineData("two\nlines of reasoning", false)]
    public void A_reason_is_checked_before_it_is_sent(string reason, bool acceptable)
    {
        Assert.Equal(acceptable, Purpose.ProblemWithReason(reason) is null);
        if (acceptable) Assert.StartsWith("reason: ", Purpose.Because(reason).Header, StringComparison.Ordinal);
        else Assert.Throws<ArgumentException>(() => Purpose.Because(reason));
    }

    [Fact]
    public void A_reason_in_any_language_travels_as_ascii()
    {
        var purpose = Purpose.Because("Überprüfung der Adresse für Ärztin");

        Assert.All(purpose.Header, c => Assert.True(c < 128));
        Assert.Equal("reason: Überprüfung der Adresse für Ärztin", purpose.Description);
    }
}
