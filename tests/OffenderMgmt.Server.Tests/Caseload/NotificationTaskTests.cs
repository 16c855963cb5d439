using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>Releases and charges notified by other services raise the right tasks, once.</summary>
public sealed class NotificationTaskTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<Caseload.CaseloadClient> Service() => new(await server.As("demo.service", "case-management"));

    [Fact]
    public async Task A_pending_release_raises_a_pre_release_review_for_the_responsible_officer_once()
    {
        var person = await server.CaseOf("demo.manager", skip: 8);
        var manager = await server.OfficerOfAccount("demo.manager");
        var request = new NotifyReleaseRequest { PersonId = person.ToString(), ExpectedReleaseDate = "2026-12-20", Establishment = "HMP Bedford", RequestId = "custody-8812" };
        var caseload = await Service();

        var first = await caseload.NotifyReleaseAsync(request);
        var retry = await caseload.NotifyReleaseAsync(request);
        var again = await caseload.NotifyReleaseAsync(new NotifyReleaseRequest(request) { RequestId = "custody-8813" });

        var review = Assert.Single(first.Tasks);
        Assert.Equal((TaskKind.PendingReleaseReview, manager.ToString(), "2026-12-06"), (review.Kind, review.AssignedOfficerId, review.DueOn));
        Assert.Equal(first, retry);
        Assert.Equal(review.Id, Assert.Single(again.Tasks).Id);
        Assert.Equal(1, await server.WithDb(db => db.Tasks.CountAsync(t => t.PersonId == person && t.Kind == Server.Tasks.TaskKind.PendingReleaseReview)));
        var stored = await server.WithDb(db => db.People.SingleAsync(p => p.Id == person));
        Assert.Equal((Server.People.CustodyStatus.InCustody, new DateOnly(2026, 12, 20)), (stored.CustodyStatus, stored.ExpectedReleaseDate!.Value));
    }

    [Fact]
    public async Task The_release_of_an_organised_criminal_also_prompts_ancillary_orders()
    {
        var person = await server.WithDb(db => db.Managements.Where(m => m.Scheme == Scheme.SocLifetime).OrderBy(m => m.Id).Select(m => m.PersonId).FirstAsync());
        var result = await (await Service()).NotifyReleaseAsync(new NotifyReleaseRequest { PersonId = person.ToString(), ExpectedReleaseDate = "2027-01-15" });
        Assert.Contains(result.Tasks, t => t.Kind == TaskKind.ConsiderAncillaryOrders);
        Assert.Contains(result.Tasks, t => t.Kind == TaskKind.PendingReleaseReview);
    }

    [Fact]
    public async Task A_serious_crime_charge_asks_the_soc_team_to_consider_an_scpo_once()
    {
        var person = await server.CaseOf("demo.manager", skip: 9);
        var caseload = await Service();
        var charge = new NotifyChargeRequest { PersonId = person.ToString(), CaseReference = "OP-KESTREL-22", Offence = "conspiracy to supply class A drugs", SeriousCrime = true, ChargedOn = "2026-11-25", RequestId = "cms-1" };
        var first = await caseload.NotifyChargeAsync(charge);
        var second = await caseload.NotifyChargeAsync(new NotifyChargeRequest(charge) { RequestId = "cms-2" });

        var task = Assert.Single(first.Tasks);
        Assert.Equal(TaskKind.ConsiderScpo, task.Kind);
        Assert.Equal("", task.AssignedOfficerId);
        Assert.Equal(task.Id, Assert.Single(second.Tasks).Id);
        var socTeam = await server.WithDb(db => db.Teams.Where(t => t.Kind == Server.Officers.TeamKind.SeriousOrganisedCrime).Select(t => t.Id).SingleAsync());
        Assert.Equal(socTeam.ToString(), task.AssignedTeamId);
    }

    [Fact]
    public async Task A_charge_that_is_not_serious_crime_raises_nothing()
    {
        var person = await server.CaseOf("demo.manager", skip: 9);
        var result = await (await Service()).NotifyChargeAsync(new NotifyChargeRequest { PersonId = person.ToString(), CaseReference = "BD-1", Offence = "shoplifting", SeriousCrime = false });
        Assert.Empty(result.Tasks);
    }

    [Fact]
    public async Task Notifications_are_checked()
    {
        var caseload = await Service();
        await RpcAssert.FailsOnField("expected_release_date", () => caseload.NotifyReleaseAsync(new NotifyReleaseRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.Fails(Grpc.Core.StatusCode.NotFound, () => caseload.NotifyReleaseAsync(new NotifyReleaseRequest { PersonId = Guid.NewGuid().ToString(), ExpectedReleaseDate = "2026-12-20" }).ResponseAsync);
        await RpcAssert.FailsOnField("offence", () => caseload.NotifyChargeAsync(new NotifyChargeRequest { PersonId = Guid.NewGuid().ToString(), CaseReference = "X" }).ResponseAsync);
    }
}
