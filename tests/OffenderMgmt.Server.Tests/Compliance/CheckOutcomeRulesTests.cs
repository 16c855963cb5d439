using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using CheckKind = OffenderMgmt.Server.Compliance.CheckKind;
using CheckStatus = OffenderMgmt.Server.Compliance.CheckStatus;

namespace OffenderMgmt.Tests.ComplianceTests;

/// <summary>What an outcome must carry (issue 20, point 7: a breach saved with no details).</summary>
public sealed class CheckOutcomeRulesTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task A_suspected_breach_without_notes_is_refused_on_notes_and_changes_nothing_and_with_notes_it_opens_a_breach_with_them()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
        // A check of one of the manager's own cases that may be recorded today.
        var checkId = await server.WithDb(db => db.ComplianceChecks
            .Where(c => c.Status == CheckStatus.Open && c.Kind != CheckKind.DeviceInspection && c.OpensOn <= today
                        && db.Managements.Any(m => m.PersonId == c.PersonId && m.ResponsibleOfficerId == manager && m.Status == Server.Caseload.ManagementStatus.Active))
            .OrderBy(c => c.DueOn).Skip(3).Select(c => c.Id).FirstAsync());
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));

        await RpcAssert.FailsOnField("notes", () => compliance.RecordOutcomeAsync(
            new RecordOutcomeRequest { CheckId = checkId.ToString(), Outcome = CheckOutcome.BreachSuspected, Notes = "  " }).ResponseAsync);
        Assert.Equal(CheckStatus.Open, await server.WithDb(db => db.ComplianceChecks.Where(c => c.Id == checkId).Select(c => c.Status).SingleAsync()));
        Assert.False(await server.WithDb(db => db.Breaches.AnyAsync(b => b.CheckId == checkId)));

        var recorded = await compliance.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = checkId.ToString(), Outcome = CheckOutcome.BreachSuspected, Notes = "A child's bicycle in the hallway; he said it was a neighbour's.",
        });
        Assert.Equal(CheckOutcome.BreachSuspected, recorded.Closed.Outcome);
        Assert.Contains("bicycle in the hallway", recorded.Breach.Details, StringComparison.Ordinal);
        // How it was found is said in the details; the check gives no place, so none is claimed.
        Assert.StartsWith("Found at a compliance check (", recorded.Breach.Details, StringComparison.Ordinal);
        Assert.Equal("", recorded.Breach.LocationText);
        Assert.Equal(BreachSource.ComplianceCheck, recorded.Breach.Source);
    }
}
