using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>Failures reach the screens as a kind the screen can act on and words a user can read.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class ErrorMappingTests(DemoServerFactory server)
{
    [Fact]
    public async Task Another_officers_case_needs_a_reason_and_a_stated_reason_opens_it()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var someoneElse = await server.SomeoneElsesCase("demo.manager");

        var refused = await Assert.ThrowsAsync<GatewayException>(() =>
            client.Gateways.People.GetAsync(someoneElse, Purpose.CaseManagement, CancellationToken.None));
        var person = await client.Gateways.People.GetAsync(someoneElse, Purpose.Because("covering for a colleague on leave"), CancellationToken.None);

        Assert.Equal(GatewayFailure.ReasonNeeded, refused.Failure);
        Assert.Contains("not one of your cases", refused.Message, StringComparison.Ordinal);
        Assert.Equal(someoneElse, person.Id);
    }

    [Fact]
    public async Task A_refusal_no_reason_can_lift_is_not_mistaken_for_one_that_can()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.officer");
        var someone = await server.SomeoneElsesCase("demo.officer");

        var e = await Assert.ThrowsAsync<GatewayException>(() =>
            client.Gateways.Compliance.HistoryAsync(someone, Purpose.Briefing, CancellationToken.None));

        Assert.Equal(GatewayFailure.Refused, e.Failure);
    }

    [Fact]
    public async Task An_unknown_record_is_not_found()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");

        var e = await Assert.ThrowsAsync<GatewayException>(() =>
            client.Gateways.People.GetAsync(Guid.NewGuid().ToString(), Purpose.Because("testing an unknown record"), CancellationToken.None));

        Assert.Equal(GatewayFailure.NotFound, e.Failure);
    }

    [Fact]
    public async Task Bad_input_names_each_field_the_server_refused()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");

        var e = await Assert.ThrowsAsync<GatewayException>(() => client.Gateways.Compliance.RecordOutcomeAsync(
            "not-an-id", CheckResult.Compliant, "", breachOrderId: "also-not-an-id", breachConditionId: null, "tui-test-1",
            Purpose.CaseManagement, CancellationToken.None));

        Assert.Equal(GatewayFailure.Rejected, e.Failure);
        Assert.Contains(e.FieldProblems, p => p.Field == "check_id");
        Assert.Contains(e.FieldProblems, p => p.Field == "breach_order_id");
        Assert.Contains("check id:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_unreachable_and_the_connection_says_so()
    {
        using var connection = ServerConnection.Open(new Uri("http://127.0.0.1:1"));
        var health = new List<ConnectionHealth>();
        connection.HealthChanged += (_, h) => health.Add(h);

        var e = await Assert.ThrowsAsync<GatewayException>(() =>
            new Gateways(connection).Auth.SignInAsync("demo.manager", "x", CancellationToken.None));

        Assert.Equal(GatewayFailure.Unreachable, e.Failure);
        Assert.Contains("cannot be reached", e.Message, StringComparison.Ordinal);
        Assert.Equal([ConnectionHealth.Unreachable], health);
    }

    [Fact]
    public async Task A_call_cancelled_by_the_user_is_cancelled_not_a_failure_of_the_server()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var e = await Assert.ThrowsAsync<GatewayException>(() =>
            client.Gateways.Areas.ListAsync("", cancel.Token));

        Assert.Equal(GatewayFailure.Cancelled, e.Failure);
        Assert.NotEqual(ConnectionHealth.Unreachable, client.Connection.Health);
    }
}
