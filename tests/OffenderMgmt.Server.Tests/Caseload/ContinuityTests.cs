using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Testing;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;
using OrderStatus = OffenderMgmt.Server.Orders.OrderStatus;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>When an officer leaves, nothing they held is left without an owner.</summary>
public sealed class ContinuityTests : IAsyncLifetime, IDisposable
{
    private readonly DemoServerFactory _server = new();
    private Caseload.CaseloadClient _supervisor = null!;
    private Guid _team;

    public async Task InitializeAsync()
    {
        _supervisor = new Caseload.CaseloadClient(await _server.As("demo.supervisor", "supervision"));
        _team = await _server.WithDb(db => db.Officers.Where(o => db.UserAccounts.Any(a => a.Username == "demo.supervisor" && a.OfficerId == o.Id)).Select(o => o.TeamId).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _server.Dispose();

    /// <summary>A new accredited VSOMT officer holding 50 cases and leading 3 orders.</summary>
    private async Task<Guid> OfficerWithFiftyCasesAndThreeOrders()
    {
        var officer = new Officer
        {
            CollarNumber = "9901", Rank = "DC", GivenName = "Test", FamilyName = "Leaver", TeamId = _team, Role = OfficerRole.OffenderManager,
            Accreditations = Accreditations.ViolentAndSexualOffenders, InPostFrom = new DateOnly(2020, 1, 1),
        };
        await _server.WithDb(async db =>
        {
            db.Officers.Add(officer);
            var cases = await db.Managements.Include(m => m.Assignments)
                .Where(m => m.OwningTeamId == _team && m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null)
                .OrderBy(m => m.Id).Take(50).ToListAsync();
            foreach (var management in cases)
            {
                foreach (var spell in management.Assignments.Where(a => a.To == null)) spell.To = ServerFactory.StartTime;
                management.Assignments.Add(new Server.Caseload.ManagementAssignment { OfficerId = officer.Id, TeamId = _team, From = ServerFactory.StartTime, Reason = Server.Caseload.AssignmentReason.CaseloadAdjustment });
                management.ResponsibleOfficerId = officer.Id;
            }
            var orders = await db.Orders.Include(o => o.Assignments).Where(o => o.OwningTeamId == _team && o.LeadOfficerId != null).OrderBy(o => o.Id).Take(3).ToListAsync();
            foreach (var order in orders)
            {
                foreach (var spell in order.Assignments.Where(a => a.To == null)) spell.To = ServerFactory.StartTime;
                order.Assignments.Add(new Server.Orders.OrderAssignment { OfficerId = officer.Id, TeamId = _team, From = ServerFactory.StartTime, Reason = Server.Caseload.AssignmentReason.CaseloadAdjustment });
                order.LeadOfficerId = officer.Id;
            }
            await db.SaveChangesAsync();
        });
        return officer.Id;
    }

    [Fact]
    public async Task An_officer_leaving_with_50_cases_and_3_orders_leaves_53_items_in_the_queue_and_nothing_unowned()
    {
        var officer = await OfficerWithFiftyCasesAndThreeOrders();
        // The demo's officer who left weeks ago with cases still in their name is dealt with too.
        var demoLeaver = await _server.WithDb(db => db.Officers.Where(o => o.InPostTo != null && o.TeamId == _team).Select(o => o.Id).SingleAsync());
        await _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = demoLeaver.ToString(), Note = "Moved to Hertfordshire in October" });

        var left = await _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = officer.ToString(), Note = "Promoted to DS" });

        Assert.Equal(53, left.Orphaned.Count);
        Assert.Equal((50, 3), (left.Orphaned.Count(o => o.Kind == "case"), left.Orphaned.Count(o => o.Kind == "order")));
        Assert.All(left.Orphaned, o => Assert.Equal("DC Test Leaver", o.PreviousOfficerName));
        var queue = await _supervisor.ListOrphanedAsync(new ListOrphanedRequest { TeamId = _team.ToString(), PageSize = 500 });
        Assert.Superset(left.Orphaned.Select(o => o.Id).ToHashSet(), queue.Items.Select(i => i.Id).ToHashSet());

        // Over the whole database: every live case and order has an owner in post, or sits in its team's queue.
        var today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
        var unowned = await _server.WithDb(async db =>
            await db.Managements.CountAsync(m => m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null &&
                                                 db.Officers.Any(o => o.Id == m.ResponsibleOfficerId && o.InPostTo != null && o.InPostTo < today)) +
            await db.Orders.CountAsync(o => o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired && o.LeadOfficerId != null &&
                                            db.Officers.Any(x => x.Id == o.LeadOfficerId && x.InPostTo != null && x.InPostTo < today)));
        Assert.Equal(0, unowned);
        Assert.False(await _server.WithDb(db => db.Managements.AnyAsync(m => m.ResponsibleOfficerId == officer && m.Status == ManagementStatus.Active)));
    }

    [Fact]
    public async Task Each_orphaned_item_comes_with_a_handover_summary()
    {
        var demoLeaver = await _server.WithDb(db => db.Officers.Where(o => o.InPostTo != null && o.TeamId == _team).Select(o => o.Id).SingleAsync());
        var left = await _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = demoLeaver.ToString() });
        Assert.True(left.Orphaned.Count >= 50);
        var withChecks = left.Orphaned.First(o => o.Handover.OpenChecks > 0);
        Assert.NotEqual("", withChecks.Handover.NextCheckDue);
        Assert.Contains("open check", withChecks.Handover.Note);
        Assert.Contains(left.Orphaned, o => o.Handover.LastContactOn != "");
        Assert.All(left.Orphaned.Where(o => o.Kind == "case"), o => Assert.True(o.NeedsAccreditation));
    }

    [Fact]
    public async Task A_reallocated_case_keeps_its_history_and_goes_only_to_an_officer_who_may_hold_it()
    {
        var demoLeaver = await _server.WithDb(db => db.Officers.Where(o => o.InPostTo != null && o.TeamId == _team).Select(o => o.Id).SingleAsync());
        var left = await _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = demoLeaver.ToString() });
        var item = left.Orphaned.First(o => o.Kind == "case");

        // The suggestions put eligible officers first; the unaccredited newcomer is not eligible.
        var suggestions = await _supervisor.SuggestOwnersAsync(new SuggestOwnersRequest { Kind = "case", Id = item.Id, Limit = 20 });
        var list = suggestions.Suggestions.ToList();
        var best = list[0];
        Assert.True(best.Eligible);
        var firstIneligible = list.FindIndex(s => !s.Eligible);
        Assert.All(list.Skip(firstIneligible), s => Assert.False(s.Eligible));
        var eligible = list.Where(s => s.Eligible).ToList();
        Assert.Equal(eligible.OrderByDescending(s => s.SameArea).ThenBy(s => s.Utilisation).Select(s => s.OfficerId), eligible.Select(s => s.OfficerId));
        var unaccredited = list.Single(s => !s.Accredited);
        Assert.False(unaccredited.Eligible);
        Assert.DoesNotContain(list, s => s.OfficerId == demoLeaver.ToString() && s.Eligible);

        // All or nothing: one case the unaccredited officer may not hold stops the whole reallocation.
        var refusal = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => _supervisor.ReallocateAsync(new ReallocateRequest
        {
            OfficerId = unaccredited.OfficerId, Reason = AssignmentReason.CaseloadAdjustment,
            Items = { new ReallocationItem { Kind = "case", Id = item.Id } },
        }).ResponseAsync);
        Assert.Contains("items[0]", refusal.Status.Detail);
        Assert.Contains("not accredited", refusal.Status.Detail);

        var done = await _supervisor.ReallocateAsync(new ReallocateRequest
        {
            OfficerId = best.OfficerId, Reason = AssignmentReason.OfficerLeft, Note = "Lowest caseload",
            Items = { new ReallocationItem { Kind = "case", Id = item.Id } },
        });
        Assert.Single(done.Reallocated);
        var management = await _supervisor.GetManagementAsync(new GetManagementRequest { Id = item.Id });
        Assert.Equal(best.OfficerId, management.ResponsibleOfficerId);
        var spells = management.Assignments.ToList();
        Assert.Equal((AssignmentReason.OfficerLeft, ""), (spells[^2].Reason, spells[^2].OfficerId));  // the queue
        Assert.Equal((AssignmentReason.OfficerLeft, best.OfficerId), (spells[^1].Reason, spells[^1].OfficerId));
        Assert.All(spells.Take(spells.Count - 1), s => Assert.NotNull(s.To));
        Assert.DoesNotContain((await _supervisor.ListOrphanedAsync(new ListOrphanedRequest { TeamId = _team.ToString(), PageSize = 500 })).Items, i => i.Id == item.Id);
    }

    [Fact]
    public async Task Suggestions_show_the_load_after_the_move_and_never_offer_an_officer_it_would_take_over_capacity()
    {
        // A case held by a serving officer (moving work off an overloaded officer, not only from the queue).
        var item = await _server.WithDb(db => db.Managements.Where(m => m.OwningTeamId == _team && m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, Holder = m.ResponsibleOfficerId!.Value }).FirstAsync());
        var request = new SuggestOwnersRequest { Items = { new ReallocationItem { Kind = "case", Id = item.Id.ToString() } }, Limit = 50 };
        var first = (await _supervisor.SuggestOwnersAsync(request)).Suggestions.ToList();
        var holder = first.Single(s => s.OfficerId == item.Holder.ToString());
        Assert.False(holder.Eligible);
        Assert.Contains("holds this work now", holder.Why);
        var eligible = first.Where(s => s.Eligible).ToList();
        Assert.NotEmpty(eligible);
        Assert.All(eligible, s => Assert.True(s.UtilisationAfter > s.Utilisation && s.UtilisationAfter <= 100, $"{s.Utilisation}% now, {s.UtilisationAfter}% after"));
        Assert.Equal(eligible.OrderByDescending(s => s.SameArea).ThenBy(s => s.UtilisationAfter).Select(s => s.OfficerId), eligible.Select(s => s.OfficerId));

        // Give the best officer a capacity the case would take them over (fewer hours): under 100% now, over after.
        var best = eligible[0];
        var workload = await _supervisor.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = best.OfficerId });
        var adding = (best.UtilisationAfter - best.Utilisation) * workload.CapacityPoints / 100;
        var capacity = workload.Points + adding / 2;
        await _server.WithDb(async db =>
        {
            var officer = await db.Officers.SingleAsync(o => o.Id == Guid.Parse(best.OfficerId));
            officer.ContractedHours = officer.ContractedHours * capacity / workload.CapacityPoints;
            await db.SaveChangesAsync();
        });

        var again = (await _supervisor.SuggestOwnersAsync(request)).Suggestions.Single(s => s.OfficerId == best.OfficerId);
        Assert.True(again.Utilisation < 100 && again.UtilisationAfter > 100, $"{again.Utilisation}% now, {again.UtilisationAfter}% after");
        Assert.False(again.Eligible);
        Assert.Contains("after the move", again.Why);
        Assert.Contains($"{again.UtilisationAfter:0}%", again.Why);
    }

    [Fact]
    public async Task A_case_moved_off_an_officer_takes_the_order_they_lead_for_that_person_with_it()
    {
        var pair = await _server.WithDb(db => db.Managements
            .Where(m => m.OwningTeamId == _team && m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null)
            .SelectMany(m => db.Orders.Where(o => o.PersonId == m.PersonId && o.LeadOfficerId == m.ResponsibleOfficerId &&
                                                  o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired),
                (m, o) => new { Case = m.Id, Order = o.Id, Holder = m.ResponsibleOfficerId!.Value })
            .OrderBy(p => p.Case).FirstAsync());
        var to = (await _supervisor.SuggestOwnersAsync(new SuggestOwnersRequest { Kind = "case", Id = pair.Case.ToString() })).Suggestions.First(s => s.Eligible);

        var done = await _supervisor.ReallocateAsync(new ReallocateRequest
        {
            OfficerId = to.OfficerId, Reason = AssignmentReason.CaseloadAdjustment, Note = "Easing an overloaded caseload",
            Items = { new ReallocationItem { Kind = "case", Id = pair.Case.ToString() } },
        });

        Assert.Equal([("case", pair.Case.ToString()), ("order", pair.Order.ToString())], done.Reallocated.Select(r => (r.Kind, r.Id)).OrderBy(r => r.Kind).ToList());
        var (caseHolder, orderLead) = await _server.WithDb(async db => (
            await db.Managements.Where(m => m.Id == pair.Case).Select(m => m.ResponsibleOfficerId).SingleAsync(),
            await db.Orders.Where(o => o.Id == pair.Order).Select(o => o.LeadOfficerId).SingleAsync()));
        Assert.Equal((Guid.Parse(to.OfficerId), Guid.Parse(to.OfficerId)), (caseHolder!.Value, orderLead!.Value));

        // Naming the order too (as a supervisor who marked both rows would) moves each once.
        var back = await _supervisor.ReallocateAsync(new ReallocateRequest
        {
            OfficerId = pair.Holder.ToString(), Reason = AssignmentReason.CaseloadAdjustment,
            Items = { new ReallocationItem { Kind = "case", Id = pair.Case.ToString() }, new ReallocationItem { Kind = "order", Id = pair.Order.ToString() } },
        });
        Assert.Equal(2, back.Reallocated.Count);
    }

    [Fact]
    public async Task Work_of_an_officer_who_left_three_weeks_ago_has_waited_since_the_day_after_they_left()
    {
        var leftOn = await _server.WithDb(db => db.Officers.Where(o => o.InPostTo != null && o.TeamId == _team).Select(o => new { o.Id, o.InPostTo }).SingleAsync());
        var left = await _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = leftOn.Id.ToString() });

        var today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
        Assert.True(leftOn.InPostTo < today.AddDays(-14));
        var queue = await _supervisor.ListOrphanedAsync(new ListOrphanedRequest { TeamId = _team.ToString(), PageSize = 500 });
        var waiting = queue.Items.Where(i => left.Orphaned.Any(o => o.Id == i.Id)).Select(i => DateOnly.FromDateTime(i.OrphanedAt.ToDateTime())).Distinct().ToList();
        Assert.Equal([leftOn.InPostTo!.Value.AddDays(1)], waiting);
    }

    [Fact]
    public async Task A_supervisor_may_not_take_an_officer_of_another_team_off_post_without_a_reason()
    {
        var iomOfficer = await _server.Officer(TeamKind.Iom, OfficerRole.OffenderManager);
        var error = await RpcAssert.Fails(StatusCode.PermissionDenied, () => _supervisor.OfficerLeavesAsync(new OfficerLeavesRequest { OfficerId = iomOfficer.ToString() }).ResponseAsync);
        Assert.Contains("reason", error.Status.Detail);
        Assert.True(await _server.WithDb(db => db.Managements.AnyAsync(m => m.ResponsibleOfficerId == iomOfficer)));
    }
}
