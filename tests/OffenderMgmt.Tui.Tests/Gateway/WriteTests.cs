using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>Writes through the gateways, and what a retry of the same request does.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class WriteTests(DemoServerFactory server)
{
    [Fact]
    public async Task Recording_an_outcome_closes_the_check_plans_the_next_and_a_retry_is_applied_once()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var (checkId, personId) = await server.RecordableCheckOf("demo.manager", skip: 1);
        var requestId = new WriteIntent().IdFor(checkId);

        var first = await client.Gateways.Compliance.RecordOutcomeAsync(checkId, CheckResult.Compliant, "Seen at home, all in order.", null, null, requestId, Purpose.CaseManagement, CancellationToken.None);
        var retry = await client.Gateways.Compliance.RecordOutcomeAsync(checkId, CheckResult.Compliant, "Seen at home, all in order.", null, null, requestId, Purpose.CaseManagement, CancellationToken.None);

        Assert.False(first.Closed.IsOpen);
        Assert.Equal("Compliant", first.Closed.Outcome);
        Assert.NotNull(first.Next);
        Assert.Equal(first.Next!.Id, retry.Next!.Id);
        var open = (await client.Gateways.Compliance.HistoryAsync(personId, Purpose.CaseManagement, CancellationToken.None))
            .Where(c => c.IsOpen && c.Kind == first.Closed.Kind).ToList();
        Assert.Single(open);
    }
}
