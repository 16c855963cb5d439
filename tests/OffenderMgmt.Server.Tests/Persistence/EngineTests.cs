using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OffenderMgmt.Contracts.V1;
using Management = OffenderMgmt.Server.Caseload.Management;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;
using OffenderMgmt.Server.Grpc;
using OffenderMgmt.Server.Idempotency;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Common;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Persistence;

/// <summary>
/// What must hold on whichever engine the run uses (SQLite by default, PostgreSQL with
/// OFFENDERMGMT_TEST_PROVIDER=postgres): the audit chain verifies after a mixed load, the audit
/// tables refuse change, and a key someone else took first answers ALREADY_EXISTS.
/// </summary>
public sealed class EngineTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_audit_chain_verifies_after_a_mixed_load_of_reads_writes_refusals_and_retries()
    {
        var service = new People.PeopleClient(await _server.As("demo.service", "case-management"));
        var manager = new People.PeopleClient(await _server.As("demo.manager", "case-management"));
        var admin = new People.PeopleClient(await _server.As("demo.admin", "audit"));
        var someone = (await _server.WithDb(db => db.People.OrderBy(p => p.Id).FirstAsync())).Id.ToString();

        for (var round = 0; round < 4; round++)
        {
            // Instants with sub-microsecond parts: PostgreSQL keeps microseconds, so the hash
            // must be taken over the time as it will be stored.
            _server.Clock.Advance(TimeSpan.FromTicks(1_234_567));
            var requestId = $"mixed-load-{round}";
            CreatePersonRequest Create() => new() { RequestId = requestId, Person = new PersonInput { Name = new PersonName { FamilyName = "Loadtest", GivenName = $"Round{round}" } } };
            await Task.WhenAll(
                service.CreatePersonAsync(Create()).ResponseAsync,
                service.CreatePersonAsync(Create()).ResponseAsync,  // the same request again: a retry
                manager.SearchPeopleAsync(new SearchPeopleRequest { Name = "smith" }).ResponseAsync,
                RpcAssert.Fails(StatusCode.PermissionDenied, () => admin.GetPersonAsync(new GetPersonRequest { Id = someone }).ResponseAsync),
                RpcAssert.Fails(StatusCode.InvalidArgument, () => manager.GetPersonAsync(new GetPersonRequest { Id = "not-an-id" }).ResponseAsync));
        }

        var audit = new Audit.AuditClient(await _server.As("demo.supervisor", "audit"));
        var verdict = await audit.VerifyChainAsync(new VerifyChainRequest());
        Assert.True(verdict.Intact, verdict.Problem);
        var stored = await _server.WithDb(db => db.AuditEntries.CountAsync());
        Assert.True(verdict.EntriesChecked >= stored - 1, $"checked {verdict.EntriesChecked} of {stored}");  // VerifyChain's own entry may land after its walk
        Assert.True(await _server.WithDb(db => db.AuditEntries.AnyAsync(e => e.Outcome.StartsWith("OK (retry of request"))));
    }

    [Fact]
    public async Task A_key_already_taken_is_a_unique_violation_and_answers_already_exists()
    {
        var record = () => new IdempotencyRecord { Subject = "demo.service", RequestId = "taken", Method = "/m", RequestHash = "h", CreatedAt = ServerFactory.StartTime };
        await _server.WithDb(async db => { db.IdempotencyRecords.Add(record()); await db.SaveChangesAsync(); });

        var failure = await _server.WithDb(db =>
        {
            db.IdempotencyRecords.Add(record());
            return Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.True(DatabaseErrors.IsUniqueViolation(failure));
        Assert.False(DatabaseErrors.IsTransient(failure));
        var answer = new ErrorMapper(NullLogger<ErrorMapper>.Instance).Map(failure, new OutsideCallContext("/offendermgmt.v1.People/CreatePerson"));
        Assert.Equal(StatusCode.AlreadyExists, answer.StatusCode);
        var info = answer.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("ALREADY_EXISTS", info.Reason);
    }

    [Fact]
    public async Task The_database_holds_one_active_management_per_person_and_scheme_whoever_checks_in_code()
    {
        // Two instances enrolling the same person at once could both pass the enrolment check
        // in code; the partial unique index makes the second insert a unique violation.
        var active = await _server.WithDb(db => db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active).OrderBy(m => m.Id).FirstAsync());
        Management Another(ManagementStatus status) => new()
        {
            PersonId = active.PersonId, Scheme = active.Scheme, Status = status, StartedOn = active.StartedOn,
            OwningTeamId = active.OwningTeamId, RiskLevel = active.RiskLevel, CreatedAt = ServerFactory.StartTime,
        };

        var failure = await _server.WithDb(db =>
        {
            db.Managements.Add(Another(ManagementStatus.Active));
            return Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.True(DatabaseErrors.IsUniqueViolation(failure));
        // An ended management of the same scheme is history, not a second owner: allowed.
        await _server.WithDb(async db => { db.Managements.Add(Another(ManagementStatus.Ended)); await db.SaveChangesAsync(); });
    }

    [Fact]
    public async Task Of_two_accounts_of_one_username_created_at_once_the_database_keeps_one_and_the_other_is_told_it_exists()
    {
        // Two operators (or two instances) adding the same name at once can both pass the check
        // in code; the unique index on Username refuses the second insert (issue 15, point 10).
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        var rivalAdded = false;
        db.SavingChanges += (_, _) =>
        {
            if (rivalAdded) return;
            rivalAdded = true;
            // The rival commits between this call's check and its insert.
            using var rivalScope = _server.Services.CreateScope();
            rivalScope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("same.name", "Rival", OffenderMgmt.Server.Security.Role.Analyst, null, "a-long-enough-password", CancellationToken.None).GetAwaiter().GetResult();
        };

        var refusal = await Assert.ThrowsAsync<AlreadyExistsException>(() => scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync("same.name", "Second", OffenderMgmt.Server.Security.Role.Analyst, null, "a-long-enough-password", CancellationToken.None));

        Assert.True(rivalAdded);
        Assert.Contains("same.name", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["Rival"], await _server.WithDb(d => d.UserAccounts.Where(a => a.Username == "same.name").Select(a => a.DisplayName).ToListAsync()));
    }

    [Fact]
    public async Task A_broken_rule_other_than_a_unique_key_is_not_taken_for_one()
    {
        // A row whose required column is missing: a NOT NULL violation, not a key already taken.
        var failure = await _server.WithDb(async db =>
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() =>
                db.Database.ExecuteSqlRawAsync("""INSERT INTO "IdempotencyRecords" ("Subject", "RequestId") VALUES ('a', 'b')"""));
            return error;
        });
        Assert.False(DatabaseErrors.IsUniqueViolation(failure));
    }

    [Fact]
    public async Task The_database_itself_refuses_to_update_delete_or_empty_the_audit_tables()
    {
        await new Auth.AuthClient(await _server.As("demo.analyst")).WhoAmIAsync(new WhoAmIRequest());
        // A call that discloses records, so the record sets have rows to refuse to change (a trigger on rows fires only for rows there).
        var area = await _server.WithDb(db => db.Areas.Where(a => a.Code.StartsWith("E05")).Select(a => a.Code).FirstAsync());
        await new Areas.AreasClient(await _server.As("demo.officer", "briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = area });
        Assert.True(await _server.WithDb(db => db.AuditRecordSets.AnyAsync()));
        // Reference rows are no longer written by calls (the sets are); one as older entries have, for the same reason.
        await _server.WithDb(db => db.Database.ExecuteSqlRawAsync("""INSERT INTO "AuditRecordRefs" ("Sequence", "RecordId") SELECT MAX("Sequence"), 'older-record' FROM "AuditEntries" """));
        var before = await _server.WithDb(db => db.AuditEntries.CountAsync());
        foreach (var sql in new[]
                 {
                     """UPDATE "AuditEntries" SET "Outcome" = 'x'""",
                     """DELETE FROM "AuditEntries" """,
                     """UPDATE "AuditRecordRefs" SET "RecordId" = 'x'""",
                     """DELETE FROM "AuditRecordRefs" """,
                     """UPDATE "AuditRecordSets" SET "RecordId" = 'x'""",
                     """DELETE FROM "AuditRecordSets" """,
                 })
        {
            await _server.WithDb(db => Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql)));
        }
        Assert.Equal(before, await _server.WithDb(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>PostgreSQL: the append-only triggers (migration AuditAppendOnly) refuse even a superuser, TRUNCATE included.</summary>
    [PostgresFact]
    public async Task On_postgres_the_audit_triggers_refuse_update_delete_and_truncate_with_insufficient_privilege()
    {
        await new Auth.AuthClient(await _server.As("demo.analyst")).WhoAmIAsync(new WhoAmIRequest());
        foreach (var sql in new[] { """UPDATE "AuditEntries" SET "Outcome" = 'x'""", """DELETE FROM "AuditEntries" """, """TRUNCATE "AuditEntries" CASCADE""", """TRUNCATE "AuditRecordRefs" """, """TRUNCATE "AuditRecordSets" """, """DELETE FROM "AuditRecordSets" """ })
        {
            var refused = await _server.WithDb(db => Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("append-only", refused.MessageText);
        }
    }

    /// <summary>
    /// A list of ids is one parameter on either engine (JSON read with json_each on SQLite, an
    /// array compared with = ANY on PostgreSQL), so the SQL text is the same whatever the
    /// list's length and is prepared once.
    /// </summary>
    [Fact]
    public async Task A_list_of_ids_goes_to_the_database_as_one_parameter_on_either_engine()
    {
        var sql = await _server.WithDb(db =>
        {
            string For(int count)
            {
                var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
                return db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToQueryString();
            }
            return Task.FromResult((Two: For(2), Fifty: For(50)));
        });

        // ToQueryString declares the parameters first: "-- @ids=..." (Npgsql) or ".param set @ids ..." (SQLite).
        static bool Declares(string line) => line.StartsWith("-- @", StringComparison.Ordinal) || line.StartsWith(".param set @", StringComparison.Ordinal);
        static string Statement(string sql) => string.Join('\n', sql.Split('\n').Where(line => !Declares(line)));
        Assert.Equal(Statement(sql.Two), Statement(sql.Fifty));
        Assert.Contains(TestDatabase.IsPostgres ? "= ANY (@" : "json_each(@", sql.Fifty, StringComparison.Ordinal);
        Assert.Single(sql.Fifty.Split('\n'), Declares);
    }
}
