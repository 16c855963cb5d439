using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Audit;

/// <summary>What one audit entry says, before it is chained.</summary>
public sealed record AuditRecord(
    DateTimeOffset At, string Subject, Guid? OfficerId, string Role, string Rpc,
    AuditAction Action, IReadOnlyList<string> RecordIds, string Purpose, string Outcome);

/// <summary>One entry that does not fit the chain, and why.</summary>
public sealed record BrokenEntry(long Sequence, string Problem);

/// <summary>The result of walking the chain: every entry that does not fit (the first <see cref="AuditLog.MaxBrokenListed"/> listed), and how many.</summary>
public sealed record ChainVerification(long EntriesChecked, long BrokenCount, IReadOnlyList<BrokenEntry> Broken)
{
    public bool Intact => BrokenCount == 0;
    public long? FirstBrokenSequence => Broken.Count > 0 ? Broken[0].Sequence : null;
    public string Problem => Broken.Count > 0 ? Broken[0].Problem : "";
}

/// <summary>
/// Appends to and checks the hash-chained audit log. Appends must be serialised, since each
/// entry takes the newest entry's hash: in process the <see cref="AuditWriter"/> does that (its
/// batches, and the write turns it grants); across instances on PostgreSQL the append takes
/// <see cref="AuditChainLock"/>, held to commit.
/// </summary>
public static class AuditLog
{
    public const int MaxRecordIdsText = 8000;
    public const int MaxBrokenListed = 100;
    public const int MaxSubject = 100, MaxRole = 50, MaxRpc = 200, MaxPurpose = 600, MaxOutcome = 600, MaxRecordId = 64;

    /// <summary>The newest entry: the next one takes sequence + 1 and links to its hash.</summary>
    public sealed record Tail(long Sequence, string Hash)
    {
        public static Tail Empty { get; } = new(0, AuditChain.Genesis);
    }

    private static readonly Func<OffenderMgmtDb, CancellationToken, Task<Tail?>> NewestEntry =
        EF.CompileAsyncQuery((OffenderMgmtDb db, CancellationToken _) =>
            db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new Tail(e.Sequence, e.Hash)).FirstOrDefault());

    /// <summary>
    /// The chain's newest committed entry, read inside the caller's transaction after taking
    /// <see cref="AuditChainLock"/> (on PostgreSQL another instance may have appended since).
    /// </summary>
    public static async Task<Tail> HeadAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        await AuditChainLock.TakeAsync(db, cancellationToken);
        return await NewestEntry(db, cancellationToken) ?? Tail.Empty;
    }

    /// <summary>
    /// Chains the records in order after <paramref name="head"/>, without adding them to the
    /// context (the audit writer inserts them itself, <see cref="AuditInserts"/>). The record
    /// sets are those the batch needs that <paramref name="stored"/> does not say are stored
    /// already, each once; a set said not to be stored may be all the same (another instance
    /// stored it), so they are inserted with conflicts ignored.
    /// </summary>
    public static (List<AuditEntry> Entries, List<AuditRecordSet> Sets) ChainAll(IReadOnlyList<AuditRecord> records, Tail head, Func<string, bool>? stored = null)
    {
        var entries = new List<AuditEntry>(records.Count);
        var sets = new List<AuditRecordSet>();
        HashSet<string>? added = null;
        foreach (var record in records)
        {
            var entry = Chain(record, head.Sequence + 1, head.Hash, out var ids);
            entries.Add(entry);
            if (ids.Count > 0 && stored?.Invoke(entry.RecordsDigest) != true && (added ??= new(StringComparer.Ordinal)).Add(entry.RecordsDigest))
                foreach (var id in ids) sets.Add(new AuditRecordSet { Digest = entry.RecordsDigest, RecordId = id });
            head = new Tail(entry.Sequence, entry.Hash);
        }
        return (entries, sets);
    }

    /// <summary>Adds the entry to the context, chained after the newest one; it is stored when the context saves.</summary>
    public static async Task<AuditEntry> AppendAsync(OffenderMgmtDb db, AuditRecord record, CancellationToken cancellationToken) =>
        (await AppendAllAsync(db, [record], cancellationToken))[0];

    /// <summary>Adds the entries to the context in order, each chained to the one before.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AppendAllAsync(OffenderMgmtDb db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        // The newest entry may be one added in this unit of work and not yet saved.
        var pending = db.AuditEntries.Local.OrderByDescending(e => e.Sequence).FirstOrDefault();
        // Across instances: the chain is this transaction's until it commits (a no-op on SQLite).
        var tail = pending is not null ? new Tail(pending.Sequence, pending.Hash) : await HeadAsync(db, cancellationToken);
        var pendingSets = db.AuditRecordSets.Local.Select(set => set.Digest).ToHashSet(StringComparer.Ordinal);
        var (entries, sets) = ChainAll(records, tail, pendingSets.Contains);
        // A set already stored is not added again (its rows are the table's key). The write holds
        // the write turn and, across instances, the chain lock, so nothing stores it in between.
        foreach (var digest in sets.Select(set => set.Digest).Distinct().ToList())
            if (await db.AuditRecordSets.AnyAsync(set => set.Digest == digest, cancellationToken))
                sets.RemoveAll(set => set.Digest == digest);
        db.AuditEntries.AddRange(entries);
        db.AuditRecordSets.AddRange(sets);
        return entries;
    }

    /// <summary>
    /// The entry for a record, every text cleaned and clipped first, so the hash is taken over
    /// exactly what will be stored; <paramref name="ids"/> are its record set's ids.
    /// </summary>
    public static AuditEntry Chain(AuditRecord record, long sequence, string previousHash, out IReadOnlyList<string> ids)
    {
        ids = record.RecordIds.Select(id => AuditText.Clean(id, MaxRecordId)).Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        var entry = new AuditEntry
        {
            Sequence = sequence,
            // To the microsecond, the finest time PostgreSQL keeps, so the hash taken now matches the stored entry on either engine.
            At = new DateTimeOffset(record.At.UtcTicks - record.At.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero),
            Subject = AuditText.Clean(record.Subject, MaxSubject),
            OfficerId = record.OfficerId,
            Role = AuditText.Clean(record.Role, MaxRole),
            Rpc = AuditText.Clean(record.Rpc, MaxRpc),
            Action = record.Action,
            RecordIds = Summary(ids),
            RecordCount = ids.Count,
            RecordsDigest = AuditChain.RecordsDigest(ids),
            Format = AuditEntry.SetFormat,
            Purpose = AuditText.Clean(record.Purpose, MaxPurpose),
            Outcome = AuditText.Clean(record.Outcome, MaxOutcome),
            PreviousHash = previousHash,
        };
        entry.Hash = AuditChain.Hash(entry);
        return entry;
    }

    /// <summary>As many whole ids as fit the readable column; the record set holds them all.</summary>
    private static string Summary(IReadOnlyList<string> ids)
    {
        var length = 0;
        var fit = ids.TakeWhile(id => (length += id.Length + 1) <= MaxRecordIdsText + 1).ToList();
        return string.Join(' ', fit);
    }

    /// <summary>
    /// Walks the whole chain from the first entry and reports every entry that does not fit:
    /// a gap in the sequence, a broken link, content that no longer matches its hash, or
    /// reference rows that do not match the record digest the hash covers.
    /// </summary>
    public static async Task<ChainVerification> VerifyAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        const int VerifyPageSize = 2_000;
        var broken = new List<BrokenEntry>();
        long brokenCount = 0, expectedSequence = 1, checkedCount = 0;
        var previous = AuditChain.Genesis;
        void Report(long sequence, string problem)
        {
            brokenCount++;
            if (broken.Count < MaxBrokenListed) broken.Add(new BrokenEntry(sequence, problem));
        }

        // A page of entries at a time, then the reference rows of that page's range: one open
        // reader at a time (PostgreSQL runs one command per connection, and a walk with two open
        // readers failed whenever EF did not buffer the first), and memory bounded by the page.
        var after = long.MinValue;
        while (true)
        {
            var from = after;
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence)
                .Take(VerifyPageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            var to = page[^1].Sequence;
            var refs = await db.AuditRecordRefs.AsNoTracking().Where(r => r.Sequence > from && r.Sequence <= to)
                .OrderBy(r => r.Sequence).ThenBy(r => r.RecordId).Select(r => new { r.Sequence, r.RecordId }).ToListAsync(cancellationToken);
            var sets = await RecordSetsAsync(db, page, cancellationToken);
            var next = 0;
            foreach (var entry in page)
            {
                // Reference rows are read alongside, in the same order: those of this entry, and any
                // left over from before it (rows whose entry is missing).
                var ids = new List<string>();
                var orphans = false;
                while (next < refs.Count && refs[next].Sequence <= entry.Sequence)
                {
                    if (refs[next].Sequence == entry.Sequence) ids.Add(refs[next].RecordId);
                    else orphans = true;
                    next++;
                }
                // An entry of the set format has no reference rows of its own: its ids are its set's
                // (a reference row naming it is one that should not be there, and shows as a mismatch).
                if (entry.Format == AuditEntry.SetFormat) ids.AddRange(sets[entry.RecordsDigest]);

                checkedCount++;
                var gap = entry.Sequence != expectedSequence;
                if (gap) Report(expectedSequence, $"entries {expectedSequence} to {entry.Sequence - 1} are missing (the next entry is {entry.Sequence})");
                else if (entry.PreviousHash != previous) Report(entry.Sequence, $"entry {entry.Sequence} does not link to entry {entry.Sequence - 1}");
                if (AuditChain.Hash(entry) != entry.Hash)
                    Report(entry.Sequence, $"entry {entry.Sequence} has been altered: its content no longer matches its hash");
                else if (entry.Format != AuditEntry.LegacyFormat && (ids.Count != entry.RecordCount || AuditChain.RecordsDigest(ids) != entry.RecordsDigest))
                    Report(entry.Sequence, $"entry {entry.Sequence}'s record references have been altered: they no longer match the records its hash covers");
                if (orphans) Report(entry.Sequence, $"record references before entry {entry.Sequence} belong to no entry");
                // The next entry links to this one's stored hash, so one altered entry shows once.
                previous = entry.Hash;
                expectedSequence = entry.Sequence + 1;
            }
            after = to;
        }
        var newest = after;
        var leftOver = await db.AuditRecordRefs.AsNoTracking().Where(r => r.Sequence > newest).OrderBy(r => r.Sequence)
            .Select(r => (long?)r.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (leftOver is { } orphan) Report(orphan, $"record references after the newest entry ({expectedSequence - 1}) belong to no entry");
        return new ChainVerification(checkedCount, brokenCount, broken);
    }

    /// <summary>How many record sets one query reads by digest.</summary>
    private const int SetsPerQuery = 500;

    /// <summary>The record ids of each record set the entries of the set format carry, by digest.</summary>
    private static async Task<ILookup<string, string>> RecordSetsAsync(OffenderMgmtDb db, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var digests = entries.Where(e => e.Format == AuditEntry.SetFormat && e.RecordCount > 0).Select(e => e.RecordsDigest)
            .Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<AuditRecordSet>();
        foreach (var chunk in digests.Chunk(SetsPerQuery))
            rows.AddRange(await db.AuditRecordSets.AsNoTracking().Where(set => chunk.Contains(set.Digest)).ToListAsync(cancellationToken));
        return rows.ToLookup(set => set.Digest, set => set.RecordId, StringComparer.Ordinal);
    }

    /// <summary>Every record each entry touched, by sequence: its reference rows, or its record set.</summary>
    public static async Task<ILookup<long, string>> RecordIdsAsync(OffenderMgmtDb db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var sequences = entries.Where(e => e.Format != AuditEntry.SetFormat).Select(e => e.Sequence).ToList();
        var refs = sequences.Count == 0 ? [] : await db.AuditRecordRefs.AsNoTracking().Where(r => sequences.Contains(r.Sequence))
            .Select(r => new { r.Sequence, r.RecordId }).ToListAsync(cancellationToken);
        var sets = await RecordSetsAsync(db, entries, cancellationToken);
        return refs.Select(r => (r.Sequence, r.RecordId))
            .Concat(entries.Where(e => e.Format == AuditEntry.SetFormat).SelectMany(e => sets[e.RecordsDigest].Select(id => (e.Sequence, RecordId: id))))
            .ToLookup(r => r.Sequence, r => r.RecordId);
    }

    /// <summary>The entries that touched the record: those whose record set holds it, and older ones with a reference row for it.</summary>
    public static IQueryable<AuditEntry> Touching(this IQueryable<AuditEntry> entries, OffenderMgmtDb db, string recordId) =>
        entries.Where(e =>
            (e.Format == AuditEntry.SetFormat && e.RecordCount > 0 && db.AuditRecordSets.Any(s => s.Digest == e.RecordsDigest && s.RecordId == recordId)) ||
            (e.Format != AuditEntry.SetFormat && db.AuditRecordRefs.Any(r => r.Sequence == e.Sequence && r.RecordId == recordId)));
}
