using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// The audit writer inserts its batches with multi-row commands of its own, not through EF's
/// change tracking: the rows must be exactly those EF writes, whatever the batch's size (DPA 2018
/// s.62: the consultation and disclosure logs, which VerifyChain and "who looked at X" read).
/// </summary>
public sealed class AuditBatchInsertTests : IDisposable
{
    private readonly ServerFactory _server = new();

    private AuditWriter Writer()
    {
        _ = _server.Server;
        return _server.Services.GetRequiredService<AuditWriter>();
    }

    private static AuditRecord Record(string purpose, IReadOnlyList<string> ids, Guid? officer = null) =>
        new(ServerFactory.StartTime.AddTicks(1234567), "subject.of.test", officer, "LocalOfficer", "/offendermgmt.v1.Areas/GetBriefing",
            AuditAction.Disclose, ids, purpose, "OK");

    [Fact]
    public async Task A_batch_with_more_reference_rows_than_one_command_may_carry_is_stored_whole_and_verifies()
    {
        // 40,000 ids: two reference columns each is more parameters than either engine allows in one command.
        var ids = Enumerable.Range(0, 40_000).Select(i => $"person-{i:D6}").ToList();
        Assert.True(ids.Count * 2 > AuditInserts.PostgresMaxParameters);
        var writer = Writer();
        await Task.WhenAll(writer.AppendAsync(Record("reason: many records", ids)), writer.AppendAsync(Record("reason: one record", ["person-000001"])));

        var entry = await _server.WithDb(db => db.AuditEntries.SingleAsync(e => e.Purpose == "reason: many records"));
        Assert.Equal(40_000, entry.RecordCount);
        Assert.Equal(40_000, await _server.WithDb(db => db.AuditRecordSets.CountAsync(s => s.Digest == entry.RecordsDigest)));
        var chain = await _server.WithDb(db => AuditLog.VerifyAsync(db, CancellationToken.None));
        Assert.True(chain.Intact, chain.Problem);
    }

    [Fact]
    public async Task An_entry_written_by_the_batch_reads_back_field_for_field_as_it_was_chained()
    {
        var officer = Guid.Parse("0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b");
        await Writer().AppendAsync(Record("reason: read back", ["b", "a"], officer));

        var stored = await _server.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Purpose == "reason: read back"));
        var expected = AuditLog.Chain(Record("reason: read back", ["b", "a"], officer), stored.Sequence, stored.PreviousHash, out _);
        Assert.Equivalent(expected, stored, strict: true);
        Assert.Equal(["a", "b"], (await _server.WithDb(db => AuditLog.RecordIdsAsync(db, [stored], CancellationToken.None)))[stored.Sequence].Order(StringComparer.Ordinal));
    }

    [SqliteFact]
    public async Task On_sqlite_the_batch_stores_every_column_in_the_same_form_as_EF_does()
    {
        // The writer binds SQLite's statements itself (Persistence/SqliteStatement); EF's own insert is the
        // reference for every column's stored type and value, with and without an officer's id,
        // so "who looked at X" and VerifyChain read the writer's rows exactly as EF's.
        var officer = Guid.Parse("0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b");
        foreach (var (label, who) in new[] { ("with officer", (Guid?)officer), ("no officer", null) })
        {
            await Writer().AppendAsync(Record($"reason: by the writer, {label}", ["x", "y"], who));
            // The same entry added through EF, as a write's unit of work adds its own.
            await _server.WithDb(db => db.InTransactionAsync(async () =>
            {
                // Other ids than the writer's: the writer has stored the set of x and y, and a set is stored once.
                await AuditLog.AppendAsync(db, Record($"reason: through EF, {label}", ["x", "z"], who), CancellationToken.None);
                await db.SaveChangesAsync();
            }, CancellationToken.None));
        }

        var (entryColumns, setColumns) = await _server.WithDb(db => Task.FromResult((Columns<AuditEntry>(db), Columns<AuditRecordSet>(db))));
        // Columns whose values differ between two entries by their nature: position in the chain, the purpose
        // and the records told apart (so the set's two columns are compared by their stored type only).
        string[] ownToEach = ["Sequence", "PreviousHash", "Hash", "Purpose", "RecordIds", "RecordsDigest", "Digest", "RecordId"];
        string Forms(IEnumerable<string> columns, string alias) => string.Join(" || '|' || ", columns.Select(c =>
            ownToEach.Contains(c) ? $"typeof({alias}.\"{c}\")" : $"typeof({alias}.\"{c}\") || ':' || quote({alias}.\"{c}\")"));
        foreach (var label in new[] { "with officer", "no officer" })
        {
            object[] purposes = [$"reason: by the writer, {label}", $"reason: through EF, {label}"];
            // Column names from the model, the purposes as parameters.
            var entrySql = $"SELECT {Forms(entryColumns, "e")} AS \"Value\" FROM \"AuditEntries\" e WHERE e.\"Purpose\" IN ({{0}}, {{1}}) ORDER BY e.\"Sequence\"";
            var entries = await _server.WithDb(db => db.Database.SqlQueryRaw<string>(entrySql, purposes).ToListAsync());
            Assert.Equal(2, entries.Count);
            Assert.Equal(entries[1], entries[0]);
            var refSql = $"SELECT {Forms(setColumns, "s")} AS \"Value\" FROM \"AuditRecordSets\" s JOIN \"AuditEntries\" e ON e.\"RecordsDigest\" = s.\"Digest\" " +
                         "WHERE e.\"Purpose\" IN ({0}, {1}) ORDER BY e.\"Sequence\", s.\"RecordId\"";
            var refs = await _server.WithDb(db => db.Database.SqlQueryRaw<string>(refSql, purposes).ToListAsync());
            Assert.Equal(4, refs.Count);
            Assert.Equal(refs[2..], refs[..2]);
        }
        var withOfficer = await _server.WithDb(db => db.Database.SqlQueryRaw<string>(
            "SELECT \"OfficerId\" AS \"Value\" FROM \"AuditEntries\" WHERE \"Purpose\" = 'reason: by the writer, with officer'").SingleAsync());
        Assert.Equal(officer.ToString().ToUpperInvariant(), withOfficer);
        var chain = await _server.WithDb(db => AuditLog.VerifyAsync(db, CancellationToken.None));
        Assert.True(chain.Intact, chain.Problem);
    }

    private static string[] Columns<T>(OffenderMgmtDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return entity.GetProperties().Select(p => p.GetColumnName(table)!).ToArray();
    }

    [Fact]
    public void A_command_carries_no_more_parameters_than_the_engine_allows()
    {
        foreach (var limit in new[] { AuditInserts.SqliteMaxParameters, AuditInserts.PostgresMaxParameters, 10 })
            foreach (var columns in new[] { 2, 15, 100 })
                Assert.True(AuditInserts.RowsPerCommand(columns, limit) * columns <= Math.Max(limit, columns));
        Assert.Equal(1, AuditInserts.RowsPerCommand(100, 10));
        // A power of two near the target: the rest of a batch is covered by smaller powers of two.
        Assert.Equal(2, AuditInserts.RowsPerCommand(15, AuditInserts.SqliteMaxParameters));
        Assert.Equal(16, AuditInserts.RowsPerCommand(2, AuditInserts.SqliteMaxParameters));
    }

    [Fact]
    public void Every_batch_size_is_covered_exactly_by_commands_of_a_few_fixed_sizes()
    {
        foreach (var perCommand in new[] { 1, 2, 16 })
            for (var rows = 0; rows <= 100; rows++)
            {
                var chunks = AuditInserts.Chunks(rows, perCommand).ToList();
                Assert.Equal(rows, chunks.Sum());
                Assert.All(chunks, c => Assert.True(c <= perCommand && (c & (c - 1)) == 0, $"{c} rows in a command of at most {perCommand}"));
                // Full commands first, then at most one of each smaller size.
                Assert.Equal(chunks.Count(c => c < perCommand), chunks.Where(c => c < perCommand).Distinct().Count());
            }
    }

    [Fact]
    public async Task Batches_of_every_size_one_after_another_on_the_writer_s_kept_commands_store_every_entry_and_reference_row()
    {
        // Sizes that use every kept command, and each again with different values in the same parameters.
        var writer = Writer();
        var expected = new Dictionary<string, string[]>();
        var round = 0;
        foreach (var size in new[] { 1, 2, 3, 7, 16, 33, 1, 5 })
        {
            var batch = Enumerable.Range(0, size).Select(i => (Purpose: $"reason: kept commands {round}/{i}", Ids: new[] { $"person-{round}-{i}", $"person-{i}" })).ToList();
            foreach (var (purpose, ids) in batch) expected[purpose] = ids;
            await Task.WhenAll(batch.Select(b => writer.AppendAsync(Record(b.Purpose, b.Ids))));
            round++;
        }
        var stored = await _server.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Purpose.StartsWith("reason: kept commands")).ToListAsync());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored.Select(e => e.Purpose).Order(StringComparer.Ordinal));
        foreach (var entry in stored)
        {
            var refs = (await _server.WithDb(db => AuditLog.RecordIdsAsync(db, [entry], CancellationToken.None)))[entry.Sequence];
            Assert.Equal(expected[entry.Purpose].Order(StringComparer.Ordinal), refs.Order(StringComparer.Ordinal));
        }
        var chain = await _server.WithDb(db => AuditLog.VerifyAsync(db, CancellationToken.None));
        Assert.True(chain.Intact, chain.Problem);
    }

    public void Dispose() => _server.Dispose();
}
