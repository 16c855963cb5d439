using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;
using AuditEntry = OffenderMgmt.Server.Audit.AuditEntry;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// "Who looked at this person" (DPA 2018 s.62(1)(b) and (c): logs of consultation and disclosure)
/// reads record sets stored once under their digest: the same records disclosed again store no
/// rows, every entry that disclosed them is still found by each record, and the hash chain still
/// covers every id, including the reference rows entries wrote before the sets.
/// </summary>
public sealed class AuditRecordSetTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    private async Task<VerifyChainResponse> VerifyAsync() =>
        await new Audit.AuditClient(await _server.As("demo.admin", "audit")).VerifyChainAsync(new VerifyChainRequest());

    private async Task<(AuditEntry First, AuditEntry Second, string Area)> BriefingTwiceAsync()
    {
        var area = await _server.WithDb(db => db.Areas.Where(a => a.Code.StartsWith("E05")).Select(a => a.Code).FirstAsync());
        var officer = new Areas.AreasClient(await _server.As("demo.officer", "briefing"));
        await officer.GetBriefingAsync(new GetBriefingRequest { AreaCode = area });
        await officer.GetBriefingAsync(new GetBriefingRequest { AreaCode = area });
        var entries = await _server.WithDb(db => db.AuditEntries.Where(e => e.Rpc.EndsWith("GetBriefing")).OrderByDescending(e => e.Sequence).Take(2).ToListAsync());
        return (entries[1], entries[0], area);
    }

    [Fact]
    public async Task The_same_briefing_twice_stores_its_set_once_and_each_of_its_people_finds_both_calls()
    {
        var (first, second, _) = await BriefingTwiceAsync();
        Assert.True(first.RecordCount > 1);
        Assert.Equal(AuditEntry.SetFormat, second.Format);
        Assert.Equal(first.RecordsDigest, second.RecordsDigest);
        // One row per record, not one per record per call.
        Assert.Equal(first.RecordCount, await _server.WithDb(db => db.AuditRecordSets.CountAsync(s => s.Digest == first.RecordsDigest)));

        var ids = (await _server.WithDb(db => AuditLog.RecordIdsAsync(db, [first, second], CancellationToken.None)));
        Assert.Equal(first.RecordCount, ids[first.Sequence].Count());
        Assert.Equal(ids[first.Sequence].Order(StringComparer.Ordinal), ids[second.Sequence].Order(StringComparer.Ordinal));

        var audit = new Audit.AuditClient(await _server.As("demo.admin", "audit"));
        var person = ids[first.Sequence].First();
        var found = (await audit.QueryAsync(new QueryAuditRequest { RecordId = person, PageSize = 500 })).Entries.Select(e => e.Sequence).ToList();
        Assert.Contains(first.Sequence, found);
        Assert.Contains(second.Sequence, found);
        Assert.Contains(person, (await audit.QueryAsync(new QueryAuditRequest { RecordId = person, PageSize = 500 })).Entries.First(e => e.Sequence == second.Sequence).RecordIds);
        Assert.True((await VerifyAsync()).Intact);
    }

    [SqliteFact]
    public async Task A_record_added_to_a_stored_set_breaks_every_entry_that_carries_it()
    {
        var (first, second, _) = await BriefingTwiceAsync();
        Assert.True((await VerifyAsync()).Intact);

        // Someone with the database makes it look as if both calls disclosed a person they did not.
        await _server.WithDb(db => db.Database.ExecuteSqlAsync($"INSERT INTO AuditRecordSets (Digest, RecordId) VALUES ({first.RecordsDigest}, 'someone-else')"));

        var chain = await VerifyAsync();
        Assert.Equal(2, chain.BrokenCount);
        Assert.Equal(first.Sequence, chain.FirstBrokenSequence);
        Assert.Contains("record references", chain.Problem);
        Assert.Contains(chain.Broken, b => b.Sequence == second.Sequence);
    }

    [Fact]
    public async Task Entries_written_with_reference_rows_before_the_sets_are_still_found_and_verified()
    {
        // An entry as the digest format stored it: its ids in reference rows of its own.
        var ids = new[] { "older-record-a", "older-record-b" };
        var entry = await _server.WithDb(async db =>
        {
            AuditEntry? old = null;
            await db.InTransactionAsync(async () =>
            {
                var head = await AuditLog.HeadAsync(db, CancellationToken.None);
                old = AuditLog.Chain(new AuditRecord(ServerFactory.StartTime, "demo.officer", null, "LocalOfficer", "/offendermgmt.v1.Areas/GetBriefing",
                    AuditAction.Read, ids, "briefing", "OK"), head.Sequence + 1, head.Hash, out _);
                old.Format = AuditEntry.DigestFormat;
                old.Hash = AuditChain.Hash(old);
                db.AuditEntries.Add(old);
                db.AuditRecordRefs.AddRange(ids.Select(id => new AuditRecordRef { Sequence = old.Sequence, RecordId = id }));
                await db.SaveChangesAsync();
            }, CancellationToken.None);
            return old!;
        });

        Assert.Contains(entry.Sequence, await _server.WithDb(db => db.AuditEntries.Touching(db, "older-record-b").Select(e => e.Sequence).ToListAsync()));
        Assert.Equal(ids, (await _server.WithDb(db => AuditLog.RecordIdsAsync(db, [entry], CancellationToken.None)))[entry.Sequence].Order(StringComparer.Ordinal));
        Assert.True((await VerifyAsync()).Intact);
    }

    public void Dispose() => _server.Dispose();
}
