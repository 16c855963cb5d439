using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Audit;

/// <summary>What one audit entry says, before it is chained.</summary>
public sealed record AuditRecord(
    DateTimeOffset At, string Subject, Guid? OfficerId, string Role, string Rpc,
    AuditAction Action, IReadOnlyList<string> RecordIds, string Purpose, string Outcome);

public sealed record ChainVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string Problem);

/// <summary>
/// Appends to and checks the hash-chained audit log. Appends must be serialised (the
/// <see cref="Hosting.WriteGate"/> does that for calls): each takes the newest entry's hash.
/// </summary>
public static class AuditLog
{
    private const int MaxRecordIdsText = 8000;

    /// <summary>Adds the entry to the context; it is stored when the context saves.</summary>
    public static async Task<AuditEntry> AppendAsync(OffenderMgmtDb db, AuditRecord record, CancellationToken cancellationToken)
    {
        // The newest entry may be one added in this unit of work and not yet saved.
        var pending = db.AuditEntries.Local.OrderByDescending(e => e.Sequence).FirstOrDefault();
        var last = pending is not null
            ? new { pending.Sequence, pending.Hash }
            : await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
        var ids = record.RecordIds.Distinct().ToList();
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            // To the microsecond, the finest time PostgreSQL keeps, so the hash taken now matches the stored entry on either engine.
            At = new DateTimeOffset(record.At.UtcTicks - record.At.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero),
            Subject = Clip(record.Subject, 100),
            OfficerId = record.OfficerId,
            Role = record.Role,
            Rpc = Clip(record.Rpc, 200),
            Action = record.Action,
            RecordIds = Clip(string.Join(' ', ids), MaxRecordIdsText),
            Purpose = Clip(record.Purpose, 600),
            Outcome = Clip(record.Outcome, 600),
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
        };
        entry.Hash = AuditChain.Hash(entry);
        db.AuditEntries.Add(entry);
        db.AuditRecordRefs.AddRange(ids.Select(id => new AuditRecordRef { Sequence = entry.Sequence, RecordId = Clip(id, 64) }));
        return entry;
    }

    /// <summary>Walks the chain from the first entry; reports the first entry that does not fit.</summary>
    public static async Task<ChainVerification> VerifyAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        var previous = AuditChain.Genesis;
        long expectedSequence = 1, checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence)
                return Broken(checkedCount, expectedSequence, $"entry {expectedSequence} is missing (the next entry is {entry.Sequence})");
            if (entry.PreviousHash != previous)
                return Broken(checkedCount, entry.Sequence, $"entry {entry.Sequence} does not link to entry {entry.Sequence - 1}");
            if (AuditChain.Hash(entry) != entry.Hash)
                return Broken(checkedCount, entry.Sequence, $"entry {entry.Sequence} has been altered: its content no longer matches its hash");
            previous = entry.Hash;
            expectedSequence++;
            checkedCount++;
        }
        return new ChainVerification(true, checkedCount, null, "");
    }

    private static ChainVerification Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
