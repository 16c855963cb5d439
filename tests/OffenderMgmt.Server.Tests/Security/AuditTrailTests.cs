using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>Every call is on record, with its purpose and outcome, in a chain that shows tampering.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    private async Task<IReadOnlyList<AuditEntry>> EntriesFor(string recordId)
    {
        var audit = new Audit.AuditClient(await _server.As("demo.admin", "audit"));
        return (await audit.QueryAsync(new QueryAuditRequest { RecordId = recordId, PageSize = 500 })).Entries;
    }

    [Fact]
    public async Task Reads_and_writes_are_audited_with_who_why_what_and_how_it_ended()
    {
        await _server.CreateAccountAsync("reading.service", Server.Security.Role.Service, scopes: "people:write people:read");
        var people = new People.PeopleClient(await _server.As("reading.service", "case-management"));
        var created = await people.CreatePersonAsync(new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { FamilyName = "Audited" } } });
        await people.GetPersonAsync(new GetPersonRequest { Id = created.Id });

        var entries = await EntriesFor(created.Id);
        var create = Assert.Single(entries, e => e.Rpc == "/offendermgmt.v1.People/CreatePerson");
        Assert.Equal(("reading.service", "service", "create", "case-management", "OK"), (create.Subject, create.Role, create.Action, create.Purpose, create.Outcome));
        var read = Assert.Single(entries, e => e.Rpc == "/offendermgmt.v1.People/GetPerson");
        Assert.Equal("disclose", read.Action);  // a service is another organisation's system
    }

    [Fact]
    public async Task A_refused_call_is_audited_too()
    {
        var rso = await _server.WithDb(db => db.People.FirstAsync());
        var people = new People.PeopleClient(await _server.As("demo.admin", "audit"));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => people.GetPersonAsync(new GetPersonRequest { Id = rso.Id.ToString() }).ResponseAsync);

        var entries = await _server.WithDb(db => db.AuditEntries.Where(e => e.Subject == "demo.admin" && e.Rpc.EndsWith("GetPerson")).ToListAsync());
        Assert.Contains(entries, e => e.Outcome.StartsWith("PermissionDenied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_call_is_audited_as_anonymous()
    {
        var areas = new Areas.AreasClient(_server.Anonymous());
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => areas.ListAreasAsync(new ListAreasRequest()).ResponseAsync);
        Assert.True(await _server.WithDb(db => db.AuditEntries.AnyAsync(e => e.Subject == "anonymous" && e.Outcome.StartsWith("Unauthenticated"))));
    }

    [Fact]
    public async Task The_chain_verifies_intact_and_altering_a_stored_entry_breaks_it_at_that_entry()
    {
        var people = new People.PeopleClient(await _server.As("demo.manager", "case-management"));
        for (var i = 0; i < 3; i++)
            await people.SearchPeopleAsync(new SearchPeopleRequest { Name = "smith" });
        var audit = new Audit.AuditClient(await _server.As("demo.supervisor", "audit"));
        var before = await audit.VerifyChainAsync(new VerifyChainRequest());
        Assert.True(before.Intact, before.Problem);
        Assert.True(before.EntriesChecked >= 4);

        // Someone with the database drops the guard and rewrites history. Each engine's guard
        // is its own trigger (SQLite: migration SecurityAndAudit; PostgreSQL: AuditAppendOnly).
        var victim = await _server.WithDb(db => db.AuditEntries.Where(e => e.Rpc.EndsWith("SearchPeople")).OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync());
        await _server.WithDb(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
                ? """DROP TRIGGER "AuditEntries_NoUpdateOrDelete" ON "AuditEntries" """
                : "DROP TRIGGER AuditEntries_NoUpdate");
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Purpose" = 'nothing to see' WHERE "Sequence" = {victim}""");
        });

        var after = await audit.VerifyChainAsync(new VerifyChainRequest());
        Assert.False(after.Intact);
        Assert.Equal(victim, after.FirstBrokenSequence);
        Assert.Contains("altered", after.Problem);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry()
    {
        await new Auth.AuthClient(await _server.As("demo.analyst")).WhoAmIAsync(new WhoAmIRequest());
        await _server.WithDb(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Outcome" = 'x'"""));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));
        });
    }

    [Fact]
    public async Task Audit_queries_filter_by_account_and_time()
    {
        await new Auth.AuthClient(await _server.As("demo.analyst")).WhoAmIAsync(new WhoAmIRequest());
        var audit = new Audit.AuditClient(await _server.As("demo.admin", "audit"));
        var byAnalyst = await audit.QueryAsync(new QueryAuditRequest { Subject = "demo.analyst" });
        Assert.NotEmpty(byAnalyst.Entries);
        Assert.All(byAnalyst.Entries, e => Assert.Equal("demo.analyst", e.Subject));
        var later = await audit.QueryAsync(new QueryAuditRequest { From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddDays(1)) });
        Assert.Empty(later.Entries);
        await RpcAssert.FailsOnField("to", () => audit.QueryAsync(new QueryAuditRequest
        {
            From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(ServerFactory.StartTime),
            To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(ServerFactory.StartTime.AddDays(-1)),
        }).ResponseAsync);
    }

    public void Dispose() => _server.Dispose();
}
