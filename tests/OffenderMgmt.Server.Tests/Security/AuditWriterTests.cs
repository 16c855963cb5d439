using OffenderMgmt.Tests.Persistence;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// The group-commit audit writer under concurrent reads and writes, and the chain against
/// hostile text and tampering (DPA 2018 s.62: consultation and disclosure logs).
/// </summary>
public sealed class AuditWriterTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    private async Task<VerifyChainResponse> VerifyAsync() =>
        await new Audit.AuditClient(await _server.As("demo.admin", "audit")).VerifyChainAsync(new VerifyChainRequest());

    [Fact]
    public async Task Every_answered_call_of_many_concurrent_reads_and_writes_is_in_one_unbroken_chain()
    {
        var person = (await _server.CaseOf("demo.manager")).ToString();
        // No purpose of their own: each call states its own.
        var manager = new Caseload.CaseloadClient(await _server.As("demo.manager", ""));
        var areas = new Areas.AreasClient(await _server.As("demo.officer", ""));
        var area = await _server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());

        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        var calls = Enumerable.Range(0, 120).Select(async i =>
        {
            var purpose = $"reason: concurrency check number {i:D3}";
            var headers = new Metadata { { "x-access-purpose", purpose } };
            if (i % 4 == 0)
                await manager.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = $"call {i}" }, headers);
            else
                await areas.GetAreaAsync(new GetAreaRequest { Code = area }, headers);
            answered.Add(purpose);
        }).ToList();
        await Task.WhenAll(calls);

        var onRecord = await _server.WithDb(db => db.AuditEntries.Where(e => e.Purpose.StartsWith("reason: concurrency check")).Select(e => e.Purpose).ToListAsync());
        Assert.Equal(answered.Order(), onRecord.Order());
        Assert.Equal(30, await _server.WithDb(db => db.ContactNotes.CountAsync(n => n.Text.StartsWith("call "))));
        var chain = await VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    /// <summary>A note saying "cannot be kept" cannot be kept: the database refuses it (a trigger), as a full disk would.</summary>
    private Task RefuseNotesSayingCannotBeKept() => _server.WithDb(async db =>
    {
        if (TestDatabase.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                CREATE FUNCTION fail_contact() RETURNS trigger AS $$ BEGIN IF NEW."Text" = 'cannot be kept' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER "FailContact" BEFORE INSERT ON "ContactNotes" FOR EACH ROW EXECUTE FUNCTION fail_contact();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER FailContact BEFORE INSERT ON ContactNotes WHEN NEW.Text = 'cannot be kept' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }
    });

    [Fact]
    public async Task An_entry_appended_outside_the_writer_does_not_make_the_next_batch_fail()
    {
        // As the admin command does from another process (accounts scopes): its own transaction,
        // under the chain lock, with nothing of the server's writer involved.
        var areas = new Areas.AreasClient(await _server.As("demo.officer", "briefing"));
        var area = await _server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());
        await areas.GetAreaAsync(new GetAreaRequest { Code = area });
        await _server.WithDb(db => db.InTransactionAsync(async () =>
        {
            await Server.Audit.AuditChainLock.TakeAsync(db, CancellationToken.None);
            await Server.Audit.AuditLog.AppendAsync(db, new Server.Audit.AuditRecord(DateTimeOffset.UtcNow, "admin-command:test", null, "admin",
                "accounts scopes", Server.Audit.AuditAction.Update, [], "appended outside the writer", "OK"), CancellationToken.None);
            await db.SaveChangesAsync();
        }, CancellationToken.None));

        await areas.GetAreaAsync(new GetAreaRequest { Code = area });
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task One_failing_write_among_many_concurrent_reads_and_writes_answers_its_error_while_the_rest_succeed_in_one_unbroken_chain()
    {
        var person = (await _server.CaseOf("demo.manager")).ToString();
        await RefuseNotesSayingCannotBeKept();
        var manager = new Caseload.CaseloadClient(await _server.As("demo.manager", ""));
        var areas = new Areas.AreasClient(await _server.As("demo.officer", ""));
        var area = await _server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());

        var answered = new System.Collections.Concurrent.ConcurrentDictionary<string, StatusCode>();
        var calls = Enumerable.Range(0, 90).Select(async i =>
        {
            var purpose = $"reason: mixed batch number {i:D3}";
            var headers = new Metadata { { "x-access-purpose", purpose } };
            try
            {
                if (i % 3 == 0)
                    await manager.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = i == 45 ? "cannot be kept" : $"mixed {i}" }, headers);
                else
                    await areas.GetAreaAsync(new GetAreaRequest { Code = area }, headers);
                answered[purpose] = StatusCode.OK;
            }
            catch (RpcException e)
            {
                answered[purpose] = e.StatusCode;
            }
        }).ToList();
        await Task.WhenAll(calls);

        // The failing write answers its error; every other call succeeds.
        Assert.Equal(StatusCode.Internal, answered["reason: mixed batch number 045"]);
        Assert.All(answered.Where(a => a.Key != "reason: mixed batch number 045"), a => Assert.Equal(StatusCode.OK, a.Value));
        // Every answered call is on record once, with its outcome: the failed write as a failure.
        var onRecord = await _server.WithDb(db => db.AuditEntries.Where(e => e.Purpose.StartsWith("reason: mixed batch")).ToListAsync());
        Assert.Equal(answered.Keys.Order(), onRecord.Select(e => e.Purpose).Order());
        Assert.StartsWith("Internal", onRecord.Single(e => e.Purpose.EndsWith("045", StringComparison.Ordinal)).Outcome);
        Assert.All(onRecord.Where(e => !e.Purpose.EndsWith("045", StringComparison.Ordinal)), e => Assert.StartsWith("OK", e.Outcome));
        Assert.Equal(29, await _server.WithDb(db => db.ContactNotes.CountAsync(n => n.Text.StartsWith("mixed "))));
        Assert.Equal(0, await _server.WithDb(db => db.ContactNotes.CountAsync(n => n.Text == "cannot be kept")));
        var chain = await VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    [Fact]
    public async Task A_write_whose_commit_fails_answers_an_error_and_leaves_no_entry_claiming_success()
    {
        var person = (await _server.CaseOf("demo.manager")).ToString();
        await RefuseNotesSayingCannotBeKept();
        var manager = new Caseload.CaseloadClient(await _server.As("demo.manager"));

        await RpcAssert.FailsWith(StatusCode.Internal, "SERVER_ERROR", () => manager.RecordContactAsync(
            new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = "cannot be kept" }).ResponseAsync);

        var entries = await _server.WithDb(db => db.AuditEntries.Where(e => e.Subject == "demo.manager" && e.Rpc.EndsWith("RecordContact")).ToListAsync());
        Assert.Equal("Internal", Assert.Single(entries).Outcome.Split(':')[0]);
        Assert.Equal(0, await _server.WithDb(db => db.ContactNotes.CountAsync(n => n.Text == "cannot be kept")));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Hostile_text_in_every_audited_field_is_stored_as_hashed_and_the_chain_verifies()
    {
        var hostile = "a\0b\u0001\u202e\u2066" + "\ud800" + "x" + "\udfff" + new string('z', 10_000);
        // Subject and outcome: a sign-in under a hostile name (refused, echoing it back). A NUL in a
        // request field is refused before the call is identified (RequestText), so the name keeps
        // every other hostile character; NUL still reaches the audit through the purpose below.
        var auth = new Auth.AuthClient(_server.Channel());
        await Assert.ThrowsAsync<RpcException>(() => auth.SignInAsync(new SignInRequest { Username = hostile.Replace("\0", ""), Password = "x" }).ResponseAsync);
        // Purpose: a stated reason with NUL and a lone surrogate, percent-encoded as a header must be.
        var reason = "reason: " + Uri.EscapeDataString("because\0of this one " + new string('r', 30)) + "%ED%A0%80";
        var people = new People.PeopleClient(await _server.As("demo.manager", reason));
        await Assert.ThrowsAsync<RpcException>(() => people.GetPersonAsync(new GetPersonRequest { Id = hostile }).ResponseAsync);
        var malformedPurpose = new People.PeopleClient(await _server.As("demo.manager", Uri.EscapeDataString(hostile[..600])));
        await Assert.ThrowsAsync<RpcException>(() => malformedPurpose.SearchPeopleAsync(new SearchPeopleRequest { Name = hostile }).ResponseAsync);
        // Record ids and outcome: a write naming hostile text (refused by validation, echoing it).
        var caseload = new Caseload.CaseloadClient(await _server.As("demo.manager"));
        await Assert.ThrowsAsync<RpcException>(() => caseload.RecordContactAsync(new RecordContactRequest { PersonId = hostile, Text = hostile }).ResponseAsync);

        var chain = await VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
        var stored = await _server.WithDb(db => db.AuditEntries.OrderByDescending(e => e.Sequence).Take(10).ToListAsync());
        Assert.All(stored, e => Assert.DoesNotContain(e.Subject + e.Purpose + e.Outcome, c => c == '\0' || char.IsSurrogate(c) && !char.IsSurrogatePair(e.Subject + e.Purpose + e.Outcome, (e.Subject + e.Purpose + e.Outcome).IndexOf(c))));
        Assert.Contains(stored, e => e.Subject.Contains("ab\\u0001\\u202e", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task Verification_reports_every_altered_entry_with_a_count_not_only_the_first()
    {
        var areas = new Areas.AreasClient(await _server.As("demo.officer"));
        for (var i = 0; i < 5; i++) await areas.ListAreasAsync(new ListAreasRequest());
        var victims = await _server.WithDb(db => db.AuditEntries.Where(e => e.Rpc.EndsWith("ListAreas")).OrderBy(e => e.Sequence).Select(e => e.Sequence).Take(3).ToListAsync());
        await _server.WithDb(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate");
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET Purpose = 'nothing to see' WHERE Sequence = {victims[0]}");
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET Outcome = 'OK, nothing refused' WHERE Sequence = {victims[2]}");
        });

        var chain = await VerifyAsync();
        Assert.False(chain.Intact);
        Assert.Equal(2, chain.BrokenCount);
        Assert.Equal([victims[0], victims[2]], chain.Broken.Select(b => b.Sequence));
        Assert.Equal(victims[0], chain.FirstBrokenSequence);
    }

    [SqliteFact]
    public async Task A_reference_row_removed_or_added_breaks_the_entry_it_belongs_to()
    {
        var area = await _server.WithDb(db => db.Areas.Where(a => a.Code.StartsWith("E05")).Select(a => a.Code).FirstAsync());
        var briefing = await new Areas.AreasClient(await _server.As("demo.officer", "briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = area });
        var entry = await _server.WithDb(db => db.AuditEntries.Where(e => e.Rpc.EndsWith("GetBriefing")).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.True(entry.RecordCount > 0);
        Assert.True((await VerifyAsync()).Intact);

        await _server.WithDb(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditRecordSets_NoDelete");
            await db.Database.ExecuteSqlAsync($"DELETE FROM AuditRecordSets WHERE Digest = {entry.RecordsDigest} AND RecordId = (SELECT MIN(RecordId) FROM AuditRecordSets WHERE Digest = {entry.RecordsDigest})");
        });
        var chain = await VerifyAsync();
        Assert.Equal(entry.Sequence, Assert.Single(chain.Broken).Sequence);
        Assert.Contains("record references", chain.Problem);
    }

    public void Dispose() => _server.Dispose();
}
