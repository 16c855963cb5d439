using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>Caseloads and workloads of the demo force through the API.</summary>
public sealed class WorkloadApiTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private async Task<Guid> VsomtTeam() => await server.WithDb(db =>
        db.Officers.Where(o => db.UserAccounts.Any(a => a.Username == "demo.supervisor" && a.OfficerId == o.Id)).Select(o => o.TeamId).SingleAsync());

    [Fact]
    public async Task An_offender_managers_caseload_lists_each_case_with_what_is_next_and_overdue()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var rows = (await caseload.ListCaseloadAsync(new ListCaseloadRequest { OfficerId = manager.ToString(), PageSize = 500 })).Cases;
        Assert.InRange(rows.Count, 50, 54);
        Assert.All(rows, r => Assert.Equal(manager.ToString(), r.ResponsibleOfficerId));
        // Registered sex offenders always have a visit or notification coming; violent offenders may not.
        Assert.True(rows.Count(r => r.NextCheckDue != "") >= rows.Count - 3);
        Assert.Equal(rows.Select(r => r.PersonName).Order(StringComparer.Ordinal).Count(), rows.Count);
        var overdue = await server.WithDb(db => db.ComplianceChecks.CountAsync(c => c.Status == Server.Compliance.CheckStatus.Open && c.DueOn < new DateOnly(2026, 11, 26) &&
                                                                                     db.Managements.Any(m => m.PersonId == c.PersonId && m.ResponsibleOfficerId == manager)));
        Assert.Equal(overdue, rows.Sum(r => r.OverdueChecks));
    }

    [Fact]
    public async Task The_vsomt_team_carries_about_fifty_cases_each_and_some_are_over_capacity()
    {
        var caseload = new Caseload.CaseloadClient(await server.As("demo.supervisor", "supervision"));
        var team = await caseload.GetTeamWorkloadAsync(new GetTeamWorkloadRequest { TeamId = (await VsomtTeam()).ToString() });
        Assert.True(team.Officers.Count >= 9);
        Assert.Contains(team.Officers, o => o.Utilisation > 100);
        Assert.All(team.Officers.Where(o => o.Cases > 0), o => Assert.InRange(o.Cases, 50, 54));
        Assert.True(team.OrphanedItems == 0);
        // The officer who left weeks ago still holds their cases, and the team view says so.
        var leaver = Assert.Single(team.Officers, o => o.OutOfPost);
        Assert.True(leaver.Cases >= 50);
        Assert.NotEqual("", leaver.LeftOn);
        Assert.Equal(Math.Round(team.Officers.Sum(o => o.Points), 1), Math.Round(team.Points, 1));
    }

    [Fact]
    public async Task An_officers_workload_explains_every_point_and_shows_the_weeks_behind_it()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var workload = await caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = manager.ToString(), Weeks = 8 });
        Assert.Equal(Math.Round(workload.Items.Sum(i => i.Points), 2), workload.Points);
        Assert.All(workload.Items, i => Assert.NotEmpty(i.Reasons));
        Assert.All(workload.Items, i => Assert.NotEqual("", i.PersonName));
        Assert.Equal(9, workload.Weeks.Count);
        Assert.Equal("2026-11-26", workload.Weeks[^1].WeekEnding);
        Assert.Equal(workload.Utilisation, workload.Weeks[^1].Utilisation);
        Assert.Contains("capacity", workload.Explanation);
    }

    [Fact]
    public async Task An_analyst_sees_workload_figures_without_the_people_behind_them()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.analyst", "reason: caseload pressure analysis for the chief"));
        var workload = await caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = manager.ToString() });
        Assert.NotEmpty(workload.Items);
        Assert.All(workload.Items, i => Assert.Equal(("", ""), (i.PersonName, i.PersonId)));
    }

    [Fact]
    public async Task Another_officers_caseload_needs_a_reason()
    {
        var someone = await server.Officer(Server.Officers.TeamKind.Iom, Server.Officers.OfficerRole.OffenderManager);
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => caseload.ListCaseloadAsync(new ListCaseloadRequest { OfficerId = someone.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task Caseload_requests_are_checked()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        await RpcAssert.FailsOnField("officer_id", () => caseload.ListCaseloadAsync(new ListCaseloadRequest()).ResponseAsync);
        await RpcAssert.FailsOnField("weeks", () => caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = manager.ToString(), Weeks = 500 }).ResponseAsync);
        await RpcAssert.FailsOnField("on", () => caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = manager.ToString(), On = "2030-01-01" }).ResponseAsync);
    }
}
