using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Testing;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// Issue 19, need to know: analysts read aggregates unless a supervisor grants them named
/// people; the IOM agenda is for the IOM team, its supervisors and partners; service accounts
/// do only what their scopes say. DPA 2018 s.35(3) and s.36(1) (personal data adequate,
/// relevant and not excessive for the purpose) is the rule these specify.
/// </summary>
public sealed class NeedToKnowTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string Because = "reason: problem profile of burglary offending in Luton";

    private Task<(Guid Person, string Pnc)> SomeoneWithAPncId(int skip = 0) =>
        server.WithDb(async db =>
        {
            var p = await db.People.Where(p => p.PncId != null && db.Managements.Any(m => m.PersonId == p.Id && m.Status == ManagementStatus.Active))
                .OrderBy(p => p.Id).Skip(skip).FirstAsync();
            return (p.Id, p.PncId!);
        });

    private async Task<AnalystGrant> Grant(params Guid[] people)
    {
        var access = new Access.AccessClient(await server.As("demo.supervisor", "supervision"));
        return await access.GrantAnalystAccessAsync(new GrantAnalystAccessRequest
        {
            Analyst = "demo.analyst", Purpose = "Burglary problem profile, Luton", Reason = "These people are the profile's known offenders",
            Days = 7, PersonIds = { people.Select(p => p.ToString()) },
        });
    }

    [Fact]
    public async Task A_supervisor_lists_the_enabled_analysts_a_grant_may_name_and_nothing_else_of_their_accounts()
    {
        await server.CreateAccountAsync("listed.analyst", Server.Security.Role.Analyst);
        await server.CreateAccountAsync("disabled.analyst", Server.Security.Role.Analyst);
        await server.WithDb(async db =>
        {
            (await db.UserAccounts.SingleAsync(a => a.Username == "disabled.analyst")).Disabled = true;
            await db.SaveChangesAsync();
        });
        var access = new Access.AccessClient(await server.As("demo.supervisor", "supervision"));
        var analysts = (await access.ListAnalystsAsync(new ListAnalystsRequest())).Analysts;
        var expected = await server.WithDb(db => db.UserAccounts.Where(a => a.Role == Server.Security.Role.Analyst && !a.Disabled).Select(a => a.Username).ToListAsync());
        Assert.Equal(expected.Order(), analysts.Select(a => a.Username).Order());
        Assert.Contains(analysts, a => a.Username == "demo.analyst" && a.DisplayName.Length > 0);
        Assert.Contains(analysts, a => a.Username == "listed.analyst");
        Assert.DoesNotContain(analysts, a => a.Username == "disabled.analyst" || a.Username == "demo.manager");
        Assert.Equal(["username", "display_name"], AnalystAccount.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name));   // the smallest read: no role, officer, scopes or sign-in facts
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED",
            async () => await new Access.AccessClient(await server.As("demo.analyst")).ListAnalystsAsync(new ListAnalystsRequest()));
    }

    [Fact]
    public async Task An_analyst_is_refused_a_person_without_a_grant_whatever_reason_they_give_and_is_told_plainly_why()
    {
        var (person, _) = await SomeoneWithAPncId(skip: 40);
        var people = new People.PeopleClient(await server.As("demo.analyst", Because));

        var error = await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);
        Assert.Contains("Analysts read aggregates; a supervisor can grant access to named people for a stated purpose", error.Status.Detail);
        var orders = new Orders.OrdersClient(await server.As("demo.analyst", Because));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => orders.ListOrdersAsync(new ListOrdersRequest { PersonId = person.ToString() }).ResponseAsync);
        var caseload = new Caseload.CaseloadClient(await server.As("demo.analyst", Because));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => caseload.ListManagementsAsync(new ListManagementsRequest { PersonId = person.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task A_supervisors_grant_lets_the_analyst_read_those_people_at_the_standard_level_and_nobody_else_and_is_audited()
    {
        var (granted, _) = await SomeoneWithAPncId(skip: 41);
        var (other, _) = await SomeoneWithAPncId(skip: 42);
        var grant = await Grant(granted);
        Assert.True(grant.Active);
        Assert.Equal("demo.supervisor", grant.GrantedBy);

        var people = new People.PeopleClient(await server.As("demo.analyst", "case-management"));
        var read = await people.GetPersonAsync(new GetPersonRequest { Id = granted.ToString() });
        Assert.Equal("", read.HealthNotes);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => people.GetPersonAsync(new GetPersonRequest { Id = other.ToString() }).ResponseAsync);

        var audit = new Audit.AuditClient(await server.As("demo.admin", "audit"));
        var entries = await audit.QueryAsync(new QueryAuditRequest { RecordId = grant.Id });
        Assert.Contains(entries.Entries, e => e.Subject == "demo.supervisor" && e.Rpc.EndsWith("/GrantAnalystAccess", StringComparison.Ordinal) && e.RecordIds.Contains(granted.ToString()));
    }

    [Fact]
    public async Task A_revoked_grant_stops_the_analysts_reads_at_once_and_stays_listed_as_ended()
    {
        var (person, _) = await SomeoneWithAPncId(skip: 43);
        var grant = await Grant(person);
        var people = new People.PeopleClient(await server.As("demo.analyst", "case-management"));
        await people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() });

        var access = new Access.AccessClient(await server.As("demo.supervisor", "supervision"));
        var revoked = await access.RevokeAnalystGrantAsync(new RevokeAnalystGrantRequest { Id = grant.Id, Reason = "The profile is finished" });
        Assert.False(revoked.Active);
        Assert.Equal("demo.supervisor", revoked.RevokedBy);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);
        var mine = new Access.AccessClient(await server.As("demo.analyst", "case-management"));
        Assert.DoesNotContain((await mine.ListAnalystGrantsAsync(new ListAnalystGrantsRequest())).Grants, g => g.Id == grant.Id);
        Assert.Contains((await mine.ListAnalystGrantsAsync(new ListAnalystGrantsRequest { IncludeEnded = true })).Grants, g => g.Id == grant.Id && !g.Active);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED",
            () => access.RevokeAnalystGrantAsync(new RevokeAnalystGrantRequest { Id = grant.Id, Reason = "Again, by mistake" }).ResponseAsync);
    }

    [Fact]
    public async Task An_analyst_sees_only_their_own_grants()
    {
        await server.CreateAccountAsync("other.analyst", Server.Security.Role.Analyst);
        var (person, _) = await SomeoneWithAPncId(skip: 44);
        var access = new Access.AccessClient(await server.As("demo.supervisor", "supervision"));
        var theirs = await access.GrantAnalystAccessAsync(new GrantAnalystAccessRequest
        {
            Analyst = "other.analyst", Purpose = "Organised crime network chart", Reason = "Named in the network's intelligence", Days = 1, PersonIds = { person.ToString() },
        });

        var mine = new Access.AccessClient(await server.As("demo.analyst", "case-management"));
        Assert.DoesNotContain((await mine.ListAnalystGrantsAsync(new ListAnalystGrantsRequest { IncludeEnded = true })).Grants, g => g.Id == theirs.Id);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "NOT_YOUR_CASE",
            () => mine.ListAnalystGrantsAsync(new ListAnalystGrantsRequest { Analyst = "other.analyst" }).ResponseAsync);
        Assert.Contains((await access.ListAnalystGrantsAsync(new ListAnalystGrantsRequest { Analyst = "other.analyst" })).Grants, g => g.Id == theirs.Id);
    }

    [Fact]
    public async Task A_grant_is_bounded_in_time_and_people_and_only_for_analysts_and_a_refused_grant_changes_nothing()
    {
        var (person, _) = await SomeoneWithAPncId(skip: 45);
        var access = new Access.AccessClient(await server.As("demo.supervisor", "supervision"));
        GrantAnalystAccessRequest Request() => new()
        {
            Analyst = "demo.analyst", Purpose = "Burglary problem profile", Reason = "Known offenders in the area", Days = 30, PersonIds = { person.ToString() },
        };
        var before = await server.WithDb(db => db.AnalystGrants.CountAsync());

        await RpcAssert.FailsOnField("days", () => access.GrantAnalystAccessAsync(Request().With(r => r.Days = 91)).ResponseAsync);
        await RpcAssert.FailsOnField("days", () => access.GrantAnalystAccessAsync(Request().With(r => r.Days = 0)).ResponseAsync);
        await RpcAssert.FailsOnField("person_ids", () => access.GrantAnalystAccessAsync(Request().With(r =>
            r.PersonIds.AddRange(Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7().ToString())))).ResponseAsync);
        await RpcAssert.FailsOnField("person_ids", () => access.GrantAnalystAccessAsync(Request().With(r => r.PersonIds.Clear())).ResponseAsync);
        await RpcAssert.FailsOnField("reason", () => access.GrantAnalystAccessAsync(Request().With(r => r.Reason = "")).ResponseAsync);
        await RpcAssert.FailsOnField("purpose", () => access.GrantAnalystAccessAsync(Request().With(r => r.Purpose = "x")).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => access.GrantAnalystAccessAsync(Request().With(r => r.PersonIds.Add(Guid.CreateVersion7().ToString()))).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => access.GrantAnalystAccessAsync(Request().With(r => r.Analyst = "nobody.here")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED",
            () => access.GrantAnalystAccessAsync(Request().With(r => r.Analyst = "demo.manager")).ResponseAsync);

        Assert.Equal(before, await server.WithDb(db => db.AnalystGrants.CountAsync()));
    }

    [Fact]
    public async Task A_grant_ends_when_it_expires()
    {
        var (person, _) = await SomeoneWithAPncId(skip: 46);
        await server.WithDb(async db =>
        {
            db.AnalystGrants.Add(new Server.Access.AnalystGrant
            {
                Analyst = "demo.analyst", Purpose = "Expired profile", Reason = "Known offenders in the area", GrantedBy = "demo.supervisor",
                GrantedAt = server.Clock.GetUtcNow().AddDays(-31), ExpiresAt = server.Clock.GetUtcNow().AddSeconds(-1),
                People = [new Server.Access.AnalystGrantPerson { PersonId = person }],
            });
            await db.SaveChangesAsync();
        });
        var people = new People.PeopleClient(await server.As("demo.analyst", "case-management"));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task An_analysts_search_finds_only_granted_people()
    {
        var (person, pnc) = await SomeoneWithAPncId(skip: 47);
        var (other, otherPnc) = await SomeoneWithAPncId(skip: 48);
        await Grant(person);
        var people = new People.PeopleClient(await server.As("demo.analyst", "case-management"));

        Assert.Equal([person.ToString()], (await people.SearchPeopleAsync(new SearchPeopleRequest { PncId = pnc })).People.Select(p => p.Id));
        Assert.Empty((await people.SearchPeopleAsync(new SearchPeopleRequest { PncId = otherPnc })).People);
    }

    [Fact]
    public async Task An_analyst_with_no_grant_is_refused_a_search()
    {
        await server.CreateAccountAsync("new.analyst", Server.Security.Role.Analyst);
        var people = new People.PeopleClient(await server.As("new.analyst", "case-management"));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ANALYST_GRANT_REQUIRED",
            () => people.SearchPeopleAsync(new SearchPeopleRequest { Name = "Smith" }).ResponseAsync);
    }

    /// <summary>The IOM cohort is managed jointly by police, probation and partners (Neighbourhood Crime IOM Strategy, Home Office and MoJ, 2020).</summary>
    [Fact]
    public async Task The_iom_agenda_is_for_the_iom_team_and_partners_and_anyone_else_must_state_a_reason()
    {
        var request = new GetIomReviewAgendaRequest { On = "2026-11-26" };
        var vsomt = new Caseload.CaseloadClient(await server.As("demo.manager", "case-management"));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "REASON_REQUIRED", () => vsomt.GetIomReviewAgendaAsync(request).ResponseAsync);
        var withReason = new Caseload.CaseloadClient(await server.As("demo.manager", "reason: standing in at this week's IOM review"));
        Assert.NotEmpty((await withReason.GetIomReviewAgendaAsync(request)).Items);

        var iomManager = await server.WithDb(db => db.Officers.Where(o => o.Role == Server.Officers.OfficerRole.OffenderManager &&
            db.Teams.Any(t => t.Id == o.TeamId && t.Kind == Server.Officers.TeamKind.Iom) && o.InPostTo == null).Select(o => o.Id).FirstAsync());
        await server.CreateAccountAsync("iom.manager", Server.Security.Role.OffenderManager, iomManager);
        var iom = new Caseload.CaseloadClient(await server.As("iom.manager", "case-management"));
        Assert.NotEmpty((await iom.GetIomReviewAgendaAsync(request)).Items);
        var partner = new Caseload.CaseloadClient(await server.As("demo.partner", "case-management"));
        Assert.NotEmpty((await partner.GetIomReviewAgendaAsync(request)).Items);
    }

    [Fact]
    public async Task A_court_system_reads_and_changes_the_orders_it_recorded_and_no_others()
    {
        var (person, _) = await SomeoneWithAPncId(skip: 49);
        var lead = await server.OfficerOfAccount("demo.manager");
        var court = new Orders.OrdersClient(await server.As("demo.court", "case-management"));
        var made = await court.CreateOrderAsync(OrderRequests.Scpo(person, lead));

        Assert.Equal(made.Id, (await court.GetOrderAsync(new GetOrderRequest { Id = made.Id })).Id);
        var listed = await court.ListOrdersAsync(new ListOrdersRequest { PageSize = 100 });
        Assert.Equal([made.Id], listed.Orders.Select(o => o.Id));

        var someoneElses = await server.WithDb(db => db.Orders.Where(o => o.RecordedBy != "demo.court").Select(o => o.Id).FirstAsync());
        var error = await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => court.GetOrderAsync(new GetOrderRequest { Id = someoneElses.ToString() }).ResponseAsync);
        Assert.Contains("only the orders it recorded", error.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => court.DischargeOrderAsync(new DischargeOrderRequest { Id = someoneElses.ToString(), ExpectedVersion = 1, Reason = "Quashed on appeal" }).ResponseAsync);
    }

    [Fact]
    public async Task A_service_account_calls_only_what_its_scopes_allow_and_is_told_which_scope_would()
    {
        var (person, pnc) = await SomeoneWithAPncId(skip: 50);
        var custody = await server.As("demo.custody", "case-management");

        var matched = await new People.PeopleClient(custody).SearchPeopleAsync(new SearchPeopleRequest { PncId = pnc });
        Assert.Equal([person.ToString()], matched.People.Select(p => p.Id));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => new People.PeopleClient(custody).SearchPeopleAsync(new SearchPeopleRequest { Name = "Smith" }).ResponseAsync);

        var error = await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => new People.PeopleClient(custody).GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);
        Assert.Contains("people:read", error.Status.Detail);
        Assert.DoesNotContain("may not call", error.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => new Caseload.CaseloadClient(custody).ListManagementsAsync(new ListManagementsRequest { PersonId = person.ToString() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => new Orders.OrdersClient(custody).ListOrdersAsync(new ListOrdersRequest()).ResponseAsync);
        // What touches no personal data needs no scope.
        Assert.NotEmpty((await new Areas.AreasClient(custody).ListAreasAsync(new ListAreasRequest())).Areas);
    }

    [Fact]
    public async Task Scopes_are_set_when_a_service_account_is_created_and_unknown_scopes_or_scopes_for_people_are_refused()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Server.Security.AccountService>();
        var created = await accounts.CreateAsync("magistrates.court", "Magistrates' court system", Server.Security.Role.Service, null, ServerFactory.Password,
            CancellationToken.None, "orders:write, orders:read-own");
        Assert.Equal("orders:read-own orders:write", created.Scopes);

        var unknown = await Assert.ThrowsAsync<Server.Common.ValidationException>(() => accounts.CreateAsync("bad.system", "", Server.Security.Role.Service, null,
            ServerFactory.Password, CancellationToken.None, "orders:write everything:read"));
        Assert.Contains(unknown.Violations, v => v.Field == "scopes" && v.Description.Contains("everything:read", StringComparison.Ordinal));
        var forPerson = await Assert.ThrowsAsync<Server.Common.ValidationException>(() => accounts.CreateAsync("scoped.manager", "", Server.Security.Role.OffenderManager, null,
            ServerFactory.Password, CancellationToken.None, "orders:write"));
        Assert.Contains(forPerson.Violations, v => v.Field == "scopes");
        Assert.False(await server.WithDb(db => db.UserAccounts.AnyAsync(a => a.Username == "bad.system" || a.Username == "scoped.manager")));
    }

    [Fact]
    public async Task A_service_accounts_scopes_changed_after_creation_hold_on_its_next_call_with_the_token_it_has_and_the_change_is_audited()
    {
        var (person, pnc) = await SomeoneWithAPncId(skip: 51);
        var id = await server.CreateAccountAsync("county.custody", Server.Security.Role.Service, scopes: "people:match");
        var custody = new People.PeopleClient(await server.As("county.custody", "case-management"));
        Assert.Single((await custody.SearchPeopleAsync(new SearchPeopleRequest { PncId = pnc })).People);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => custody.GetPersonAsync(new GetPersonRequest { Id = person.ToString() }).ResponseAsync);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Server.Security.AccountService>();
            var (changed, before) = await accounts.SetScopesAsync("county.custody", "people:read,releases:write", "admin-command:test", CancellationToken.None);
            Assert.Equal(("people:match", "people:read releases:write"), (before, changed.Scopes));
        }

        // The same token, issued with the old scopes: the account's scopes now are what count.
        Assert.Equal(person.ToString(), (await custody.GetPersonAsync(new GetPersonRequest { Id = person.ToString() })).Id);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "SCOPE_REQUIRED",
            () => custody.SearchPeopleAsync(new SearchPeopleRequest { PncId = pnc }).ResponseAsync);

        var audit = new Audit.AuditClient(await server.As("demo.admin", "audit"));
        var entries = await audit.QueryAsync(new QueryAuditRequest { RecordId = id.ToString() });
        Assert.Contains(entries.Entries, e => e.Subject == "admin-command:test" && e.Rpc == "accounts scopes" && e.Outcome.Contains("'people:match' -> 'people:read releases:write'", StringComparison.Ordinal));
        Assert.True((await audit.VerifyChainAsync(new VerifyChainRequest())).Intact);
    }

    [Fact]
    public async Task Scopes_cannot_be_changed_to_unknown_names_nor_given_to_a_person_nor_to_an_account_that_does_not_exist_and_a_refusal_changes_nothing()
    {
        await server.CreateAccountAsync("shire.court", Server.Security.Role.Service, scopes: "orders:write");
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Server.Security.AccountService>();
        var auditBefore = await server.WithDb(db => db.AuditEntries.CountAsync(e => e.Rpc == "accounts scopes"));

        var unknown = await Assert.ThrowsAsync<Server.Common.ValidationException>(() => accounts.SetScopesAsync("shire.court", "orders:write everything:read", "t", CancellationToken.None));
        Assert.Contains(unknown.Violations, v => v.Field == "scopes" && v.Description.Contains("everything:read", StringComparison.Ordinal));
        var person = await Assert.ThrowsAsync<Server.Common.RuleViolationException>(() => accounts.SetScopesAsync("demo.manager", "orders:write", "t", CancellationToken.None));
        Assert.Equal("SCOPES_FOR_SERVICES", person.Rule);
        await Assert.ThrowsAsync<Server.Common.NotFoundException>(() => accounts.SetScopesAsync("no.such.system", "orders:write", "t", CancellationToken.None));

        Assert.Equal("orders:write", await server.WithDb(db => db.UserAccounts.Where(a => a.Username == "shire.court").Select(a => a.Scopes).SingleAsync()));
        Assert.Equal("", await server.WithDb(db => db.UserAccounts.Where(a => a.Username == "demo.manager").Select(a => a.Scopes).SingleAsync()));
        Assert.Equal(auditBefore, await server.WithDb(db => db.AuditEntries.CountAsync(e => e.Rpc == "accounts scopes")));
    }
}

internal static class RequestExtensions
{
    public static T With<T>(this T request, Action<T> change) where T : Google.Protobuf.IMessage<T>
    {
        var copy = request.Clone();
        change(copy);
        return copy;
    }
}
