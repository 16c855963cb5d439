using System.Buffers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Retention;

/// <summary>
/// Erases a record disposed of on review, or a whole person, in the caller's unit of work (one
/// transaction with the review row and the call's audit entry: Data Protection Act 2018
/// s.62(1)(f), erasure is logged). Rows are deleted, not blanked: the personal data goes, and a
/// record that merely cited a deleted one (a breach citing a sighting, a task raised by a
/// breach, a plan based on an assessment) is unlinked, since it is a record of its own. Entities
/// are loaded and removed through the change tracker so that <see cref="CommitSignals"/> writes
/// the change-log row: every instance's briefing view and zone index drop what was erased.
/// Audit entries, which hold ids and no content, are kept and never rewritten, so the chain
/// still verifies; so is every <see cref="RetentionReview"/> row, the record of the erasure.
/// The saved answers to retried writes (idempotency records) that name an erased row are
/// blanked in the same transaction, so a retry cannot bring the erased data back.
/// </summary>
public sealed class RecordErasure(OffenderMgmtDb db, ForceClock clock)
{
    /// <summary>The ids of every row deleted so far in this erasure (what a saved answer may name).</summary>
    private readonly HashSet<Guid> _erased = [];

    public async Task EraseAsync(RetainedRecordKind kind, Guid recordId, Guid personId, CancellationToken ct)
    {
        await EraseRowsAsync(kind, recordId, personId, ct);
        NoteDeleted();
        _erased.Add(recordId);
        if (kind == RetainedRecordKind.Person) _erased.Add(personId);
        await BlankSavedAnswersAsync(ct);
    }

    private async Task EraseRowsAsync(RetainedRecordKind kind, Guid recordId, Guid personId, CancellationToken ct)
    {
        switch (kind)
        {
            case RetainedRecordKind.Sighting:
                foreach (var breach in await db.Breaches.Where(b => b.SightingId == recordId).ToListAsync(ct)) breach.SightingId = null;
                await SaveAsync(ct);
                db.Sightings.Remove(await db.Sightings.SingleAsync(s => s.Id == recordId, ct));
                break;
            case RetainedRecordKind.ContactNote:
                db.ContactNotes.Remove(await db.ContactNotes.SingleAsync(n => n.Id == recordId, ct));
                break;
            case RetainedRecordKind.ComplianceCheck:
                await UnlinkChecksAsync([recordId], ct);
                await SaveAsync(ct);
                db.ComplianceChecks.Remove(await db.ComplianceChecks.SingleAsync(c => c.Id == recordId, ct));
                break;
            case RetainedRecordKind.Breach:
                await UnlinkBreachesAsync([recordId], ct);
                await SaveAsync(ct);
                db.AlertEvents.RemoveRange(await db.AlertEvents.Where(a => a.BreachId == recordId).ToListAsync(ct));
                db.Breaches.Remove(await db.Breaches.Include(b => b.History).SingleAsync(b => b.Id == recordId, ct));
                break;
            case RetainedRecordKind.Notification:
                db.OffenderNotifications.Remove(await db.OffenderNotifications.SingleAsync(n => n.Id == recordId, ct));
                break;
            case RetainedRecordKind.RiskAssessment:
                foreach (var plan in await db.RiskPlans.Where(p => p.BasedOnAssessmentId == recordId).ToListAsync(ct)) plan.BasedOnAssessmentId = null;
                await SaveAsync(ct);
                db.RiskAssessments.Remove(await db.RiskAssessments.SingleAsync(a => a.Id == recordId, ct));
                break;
            case RetainedRecordKind.Photo:
                // The image bytes (PhotoContents) go with the photo (ON DELETE CASCADE).
                db.PersonPhotos.Remove(await db.PersonPhotos.SingleAsync(p => p.Id == recordId, ct));
                break;
            case RetainedRecordKind.Identifier:
                db.PersonIdentifiers.Remove(await db.PersonIdentifiers.SingleAsync(i => i.Id == recordId, ct));
                break;
            case RetainedRecordKind.Person:
                await ErasePersonAsync(personId, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retained record kind");
        }
    }

    private Task SaveAsync(CancellationToken ct)
    {
        NoteDeleted();
        return db.SaveChangesAsync(ct);
    }

    /// <summary>Notes the id of every row the change tracker is about to delete (entities keyed by one Guid).</summary>
    private void NoteDeleted()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted))
            if (entry.Metadata.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid))
                _erased.Add((Guid)entry.Property(key.Name).CurrentValue!);
    }

    /// <summary>
    /// Blanks every saved answer (idempotency record) that names an erased row: the response is
    /// a protobuf message whose ids are strings, so an answer naming a row holds its id's text.
    /// The table is read once, narrow, in the call's transaction; records already blanked are
    /// skipped. The key, method and request hash stay, so a retry of the same request id is
    /// recognised and refused (REQUEST_ANSWER_ERASED) rather than done again.
    /// </summary>
    private async Task BlankSavedAnswersAsync(CancellationToken ct)
    {
        var ids = SearchValues.Create(_erased.Select(id => id.ToString("D")).ToArray(), StringComparison.Ordinal);
        var naming = new List<(string Subject, string RequestId)>();
        await foreach (var saved in db.IdempotencyRecords.AsNoTracking().Where(r => r.ErasedAt == null)
                           .Select(r => new { r.Subject, r.RequestId, r.Response }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Latin-1 maps each byte to one char, so the ASCII of an id matches wherever it is.
            if (Encoding.Latin1.GetString(saved.Response).AsSpan().ContainsAny(ids)) naming.Add((saved.Subject, saved.RequestId));
        }
        foreach (var (subject, requestId) in naming)
        {
            var record = await db.IdempotencyRecords.SingleAsync(r => r.Subject == subject && r.RequestId == requestId, ct);
            record.Response = [];
            record.ErasedAt = clock.Now;
        }
    }

    private async Task UnlinkChecksAsync(List<Guid> checks, CancellationToken ct)
    {
        foreach (var breach in await db.Breaches.Where(b => b.CheckId != null && checks.Contains(b.CheckId.Value)).ToListAsync(ct)) breach.CheckId = null;
        foreach (var device in await db.PersonIdentifiers.OfType<Identification.PersonDevice>().Where(d => d.FoundAtCheckId != null && checks.Contains(d.FoundAtCheckId.Value)).ToListAsync(ct))
            device.FoundAtCheckId = null;
        foreach (var task in await db.Tasks.Where(t => t.CheckId != null && checks.Contains(t.CheckId.Value)).ToListAsync(ct)) task.CheckId = null;
    }

    private async Task UnlinkBreachesAsync(List<Guid> breaches, CancellationToken ct)
    {
        foreach (var sighting in await db.Sightings.Where(s => s.BreachId != null && breaches.Contains(s.BreachId.Value)).ToListAsync(ct)) sighting.BreachId = null;
        foreach (var notification in await db.OffenderNotifications.Where(n => n.BreachId != null && breaches.Contains(n.BreachId.Value)).ToListAsync(ct)) notification.BreachId = null;
        foreach (var task in await db.Tasks.Where(t => t.BreachId != null && breaches.Contains(t.BreachId.Value)).ToListAsync(ct)) task.BreachId = null;
    }

    /// <summary>
    /// Every row that holds the person's personal data: the person (names, aliases, date of
    /// birth, address and its coordinates, description, health notes, name keys), marks,
    /// vehicles, devices and online identifiers, photos and their bytes, sightings, contact
    /// notes, checks and their notes, breaches and their history, notifications, releases,
    /// risk assessments and plans, MAPPA referrals, meeting cases and actions, IOM decisions,
    /// managements, orders (conditions, curfew addresses, named non-associates, zones), tasks,
    /// alerts and analysts' grants of them; and the person's id in other people's sightings.
    /// Links first (a sighting and its breach cite each other), then the rows.
    /// </summary>
    private async Task ErasePersonAsync(Guid personId, CancellationToken ct)
    {
        var managements = await db.Managements.Where(m => m.PersonId == personId).Select(m => m.Id).ToListAsync(ct);
        var orders = await db.Orders.Where(o => o.PersonId == personId).Select(o => o.Id).ToListAsync(ct);
        var checks = await db.ComplianceChecks.Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(ct);
        var breaches = await db.Breaches.Where(b => b.PersonId == personId).Select(b => b.Id).ToListAsync(ct);
        var assessments = await db.RiskAssessments.Where(a => a.PersonId == personId).Select(a => a.Id).ToListAsync(ct);

        await UnlinkChecksAsync(checks, ct);
        await UnlinkBreachesAsync(breaches, ct);
        var sightings = await db.Sightings.Where(s => s.PersonId == personId).Select(s => s.Id).ToListAsync(ct);
        foreach (var breach in await db.Breaches.Where(b => b.SightingId != null && (b.PersonId == personId || sightings.Contains(b.SightingId.Value))).ToListAsync(ct))
            breach.SightingId = null;
        foreach (var plan in await db.RiskPlans.Where(p => p.BasedOnAssessmentId != null && assessments.Contains(p.BasedOnAssessmentId.Value)).ToListAsync(ct))
            plan.BasedOnAssessmentId = null;
        foreach (var device in await db.PersonIdentifiers.OfType<Identification.PersonDevice>().Where(d => d.PersonId == personId && d.RegisteredConditionId != null).ToListAsync(ct))
            device.RegisteredConditionId = null;
        foreach (var sighting in await SightingsNamingAsync(personId, ct)) sighting.WithPersonIds = sighting.WithPersonIds.Where(id => id != personId).ToList();
        foreach (var condition in await NonAssociationsNamingAsync(personId, ct))
            condition.Associates = condition.Associates
                .Select(a => a.PersonId == personId ? new NonAssociate(null, a.Description.Length > 0 ? a.Description : DisposedAssociate) : a).ToList();
        await SaveAsync(ct);

        db.Tasks.RemoveRange(await db.Tasks.Where(t => t.PersonId == personId ||
                                                       (t.ManagementId != null && managements.Contains(t.ManagementId.Value)) ||
                                                       (t.OrderId != null && orders.Contains(t.OrderId.Value))).ToListAsync(ct));
        db.AlertEvents.RemoveRange(await db.AlertEvents.Where(a => a.PersonId == personId ||
                                                                  (a.OrderId != null && orders.Contains(a.OrderId.Value)) ||
                                                                  (a.BreachId != null && breaches.Contains(a.BreachId.Value))).ToListAsync(ct));
        db.PersonPhotos.RemoveRange(await db.PersonPhotos.Where(p => p.PersonId == personId).ToListAsync(ct));
        db.PersonIdentifiers.RemoveRange(await db.PersonIdentifiers.Where(i => i.PersonId == personId).ToListAsync(ct));
        db.Sightings.RemoveRange(await db.Sightings.Where(s => s.PersonId == personId).ToListAsync(ct));
        db.ContactNotes.RemoveRange(await db.ContactNotes.Where(n => n.PersonId == personId).ToListAsync(ct));
        db.OffenderNotifications.RemoveRange(await db.OffenderNotifications.Where(n => n.PersonId == personId).ToListAsync(ct));
        db.CustodyReleases.RemoveRange(await db.CustodyReleases.Where(r => r.PersonId == personId).ToListAsync(ct));
        db.Breaches.RemoveRange(await db.Breaches.Include(b => b.History).Where(b => b.PersonId == personId).ToListAsync(ct));
        db.ComplianceChecks.RemoveRange(await db.ComplianceChecks.Where(c => c.PersonId == personId).ToListAsync(ct));
        db.MappaActions.RemoveRange(await db.MappaActions.Where(a => a.PersonId == personId || managements.Contains(a.ManagementId)).ToListAsync(ct));
        db.MappaMeetingCases.RemoveRange(await db.MappaMeetingCases.Where(c => c.PersonId == personId || managements.Contains(c.ManagementId)).ToListAsync(ct));
        db.MappaReferrals.RemoveRange(await db.MappaReferrals.Where(r => managements.Contains(r.ManagementId)).ToListAsync(ct));
        db.IomReviewDecisions.RemoveRange(await db.IomReviewDecisions.Where(d => managements.Contains(d.ManagementId)).ToListAsync(ct));
        db.RiskPlans.RemoveRange(await db.RiskPlans.Include(p => p.Actions).Where(p => managements.Contains(p.ManagementId)).ToListAsync(ct));
        db.RiskAssessments.RemoveRange(await db.RiskAssessments.Where(a => a.PersonId == personId).ToListAsync(ct));
        await SaveAsync(ct);

        db.Managements.RemoveRange(await db.Managements.Include(m => m.Assignments).Include(m => m.RiskChanges).Where(m => m.PersonId == personId).ToListAsync(ct));
        db.Orders.RemoveRange(await db.Orders.Include(o => o.Conditions).Include(o => o.Variations).Include(o => o.Assignments)
            .Where(o => o.PersonId == personId).ToListAsync(ct));
        await SaveAsync(ct);
        db.People.Remove(await db.People.Include(p => p.NameKeys).SingleAsync(p => p.Id == personId, ct));
    }

    /// <summary>Other people's sightings that name the person as seen with them (a JSON list of ids in one text column).</summary>
    private async Task<List<Sightings.Sighting>> SightingsNamingAsync(Guid personId, CancellationToken ct)
    {
        var pattern = "%" + personId.ToString("D") + "%";
        return await db.Sightings.FromSql($"SELECT * FROM \"Sightings\" WHERE \"WithPersonIds\" LIKE {pattern}")
            .Where(s => s.PersonId != personId).ToListAsync(ct);
    }

    /// <summary>What another person's non-association condition says of an associate whose record was disposed of and who had no description.</summary>
    public const string DisposedAssociate = "a person whose record has been disposed of";

    /// <summary>Other people's non-association conditions that name the person (a JSON list in one text column), unlinked but kept: the condition is theirs.</summary>
    private async Task<List<NonAssociationCondition>> NonAssociationsNamingAsync(Guid personId, CancellationToken ct)
    {
        var pattern = "%" + personId.ToString("D") + "%";
        var orders = db.Orders.Where(o => o.PersonId != personId).Select(o => o.Id);
        return await db.Conditions.FromSql($"SELECT * FROM \"Conditions\" WHERE \"Associates\" LIKE {pattern}")
            .OfType<NonAssociationCondition>().Where(c => orders.Contains(c.OrderId)).ToListAsync(ct);
    }

    /// <summary>How many records of each kind each person holds (what disposing of them would erase), one grouped query per table.</summary>
    public async Task<Dictionary<Guid, Dictionary<RetainedRecordKind, int>>> HeldAsync(List<Guid> people, CancellationToken ct)
    {
        var held = people.ToDictionary(p => p, _ => new Dictionary<RetainedRecordKind, int>());
        async Task Count<T>(RetainedRecordKind kind, IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, Guid>> owner)
        {
            foreach (var group in await rows.GroupBy(owner).Select(g => new { Person = g.Key, Count = g.Count() }).ToListAsync(ct))
                held[group.Person][kind] = group.Count;
        }
        await Count(RetainedRecordKind.Sighting, db.Sightings.Where(s => people.Contains(s.PersonId)), s => s.PersonId);
        await Count(RetainedRecordKind.ContactNote, db.ContactNotes.Where(n => people.Contains(n.PersonId)), n => n.PersonId);
        await Count(RetainedRecordKind.ComplianceCheck, db.ComplianceChecks.Where(c => people.Contains(c.PersonId)), c => c.PersonId);
        await Count(RetainedRecordKind.Breach, db.Breaches.Where(b => people.Contains(b.PersonId)), b => b.PersonId);
        await Count(RetainedRecordKind.Notification, db.OffenderNotifications.Where(n => people.Contains(n.PersonId)), n => n.PersonId);
        await Count(RetainedRecordKind.RiskAssessment, db.RiskAssessments.Where(a => people.Contains(a.PersonId)), a => a.PersonId);
        await Count(RetainedRecordKind.Photo, db.PersonPhotos.Where(p => people.Contains(p.PersonId)), p => p.PersonId);
        await Count(RetainedRecordKind.Identifier, db.PersonIdentifiers.Where(i => people.Contains(i.PersonId)), i => i.PersonId);
        return held;
    }

    private static readonly (RetainedRecordKind Kind, string One, string Many)[] Nouns =
    [
        (RetainedRecordKind.Sighting, "sighting", "sightings"), (RetainedRecordKind.ContactNote, "contact note", "contact notes"),
        (RetainedRecordKind.ComplianceCheck, "check", "checks"), (RetainedRecordKind.Breach, "breach", "breaches"),
        (RetainedRecordKind.Notification, "notification", "notifications"), (RetainedRecordKind.RiskAssessment, "risk assessment", "risk assessments"),
        (RetainedRecordKind.Photo, "photo", "photos"), (RetainedRecordKind.Identifier, "identifier", "identifiers"),
    ];

    /// <summary>"names, date of birth, address; 3 sightings, 1 photo" — what a person's disposal erases.</summary>
    public static string Describe(Dictionary<RetainedRecordKind, int>? held)
    {
        var parts = Nouns.Select(n => (n, count: held?.GetValueOrDefault(n.Kind) ?? 0)).Where(x => x.count > 0)
            .Select(x => $"{x.count} {(x.count == 1 ? x.n.One : x.n.Many)}").ToList();
        return "names, aliases, date of birth, address, managements and orders" + (parts.Count == 0 ? "" : "; " + string.Join(", ", parts));
    }
}
