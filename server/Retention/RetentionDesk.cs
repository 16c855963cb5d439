using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Retention;

/// <summary>A record due for review, as the reviewer sees it.</summary>
public sealed record DueRecord(
    RetainedRecordKind Kind, Guid RecordId, Guid PersonId, string PersonName, DateOnly RecordedOn, MopiGroup Group, DateOnly DueOn,
    string Summary, string LastDecision);

/// <summary>
/// Review and disposal of records on the MoPI schedule (College of Policing APP "Information
/// management: retention, review and disposal"). A record is due when its group's years have
/// passed since it was made, or the next review a reviewer set has come, and the person it is
/// about is under no active management and no live order: a managed person's records are kept
/// while the management lasts. Disposal deletes the record's row (its text, place, time and
/// the people named in it), unlinks a breach that cited it (the breach is a record of its own),
/// and adds a review row with the reviewer and reason, in the call's one transaction with its
/// audit entry (Data Protection Act 2018 s.62(1)(f): erasure is logged). Audit entries that
/// referred to the record keep its id and their hashes: the chain is never rewritten.
/// </summary>
public sealed class RetentionDesk(OffenderMgmtDb db, RecordErasure erasure, IOptions<RetentionOptions> options, ForceClock clock, Caller caller)
{
    private RetentionOptions Options => options.Value;

    private static readonly RetainedRecordKind[] Kinds = Enum.GetValues<RetainedRecordKind>();

    private sealed class Candidate
    {
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public DateTimeOffset At { get; init; }
    }

    private sealed class Assessed
    {
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public DateTimeOffset At { get; init; }
        public bool PublicProtection { get; init; }
        public bool Serious { get; init; }
        public bool Active { get; init; }
        public bool NotificationLive { get; init; }
        public DateOnly? RetainedUntil { get; init; }
    }

    /// <summary>Each kind's records, with the instant each was made (a person: when their record last changed).</summary>
    private IQueryable<Candidate> Records(RetainedRecordKind kind) => kind switch
    {
        RetainedRecordKind.Sighting => db.Sightings.AsNoTracking().Select(s => new Candidate { Id = s.Id, PersonId = s.PersonId, At = s.SeenAt }),
        RetainedRecordKind.ContactNote => db.ContactNotes.AsNoTracking().Select(n => new Candidate { Id = n.Id, PersonId = n.PersonId, At = n.At }),
        RetainedRecordKind.ComplianceCheck => db.ComplianceChecks.AsNoTracking().Select(c => new Candidate { Id = c.Id, PersonId = c.PersonId, At = c.CreatedAt }),
        RetainedRecordKind.Breach => db.Breaches.AsNoTracking().Select(b => new Candidate { Id = b.Id, PersonId = b.PersonId, At = b.RecordedAt }),
        RetainedRecordKind.Notification => db.OffenderNotifications.AsNoTracking().Select(n => new Candidate { Id = n.Id, PersonId = n.PersonId, At = n.RecordedAt }),
        RetainedRecordKind.RiskAssessment => db.RiskAssessments.AsNoTracking().Select(a => new Candidate { Id = a.Id, PersonId = a.PersonId, At = a.RecordedAt }),
        RetainedRecordKind.Photo => db.PersonPhotos.AsNoTracking().Select(p => new Candidate { Id = p.Id, PersonId = p.PersonId, At = p.AddedAt }),
        RetainedRecordKind.Identifier => db.PersonIdentifiers.AsNoTracking().Select(i => new Candidate { Id = i.Id, PersonId = i.PersonId, At = i.RecordedAt }),
        RetainedRecordKind.Person => db.People.AsNoTracking().Select(p => new Candidate { Id = p.Id, PersonId = p.Id, At = p.UpdatedAt }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retained record kind"),
    };

    /// <summary>Each record with what decides its review, worked out in the database (EXISTS subqueries).</summary>
    private IQueryable<Assessed> Assess(IQueryable<Candidate> records)
    {
        var ppOrders = MopiSchedule.PublicProtectionOrders;
        var today = clock.Today;
        return records.Select(c => new Assessed
        {
            Id = c.Id, PersonId = c.PersonId, At = c.At,
            PublicProtection = db.Managements.Any(m => m.PersonId == c.PersonId && m.Scheme == MopiSchedule.PublicProtectionScheme) ||
                               db.Orders.Any(o => o.PersonId == c.PersonId && ppOrders.Contains(o.Type)),
            Serious = db.Managements.Any(m => m.PersonId == c.PersonId && m.Scheme == MopiSchedule.SeriousOffendingScheme) ||
                      db.Orders.Any(o => o.PersonId == c.PersonId && o.Type == MopiSchedule.SeriousOffendingOrder),
            Active = db.Managements.Any(m => m.PersonId == c.PersonId && m.Status == ManagementStatus.Active) ||
                     db.Orders.Any(o => o.PersonId == c.PersonId && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired),
            // Sexual Offences Act 2003 s.80-s.82: the notification requirement lasts for its
            // period (indefinite when none is set, until a review under s.91A-91F ends it).
            NotificationLive = db.Managements.Any(m => m.PersonId == c.PersonId && m.Notification != null &&
                                                       (m.Notification.PeriodEndsOn == null || m.Notification.PeriodEndsOn >= today)),
            RetainedUntil = db.RetentionReviews.Where(r => r.RecordId == c.Id && r.NextReviewOn != null).Max(r => r.NextReviewOn),
        });
    }

    /// <summary>The first instant after which a record made then is past its group's first review.</summary>
    private DateTimeOffset CutOff(RetainedRecordKind kind, MopiGroup group) =>
        clock.ToInstant(clock.Today.AddYears(-Options.YearsFor(kind, group)).AddDays(1), TimeOnly.MinValue);

    private IQueryable<Assessed> Due(RetainedRecordKind kind)
    {
        var today = clock.Today;
        var pp = CutOff(kind, MopiGroup.PublicProtection);
        var serious = CutOff(kind, MopiGroup.SeriousOffending);
        var other = CutOff(kind, MopiGroup.OtherOffending);
        return Assess(Records(kind)).Where(a => !a.Active &&
            (a.RetainedUntil != null
                ? a.RetainedUntil <= today
                : (a.PublicProtection ? a.At < pp : a.Serious ? a.At < serious : a.At < other)));
    }

    public async Task<(IReadOnlyList<DueRecord> Records, string Next)> ListDueAsync(RetainedRecordKind? only, int requestedPageSize, string? pageToken, CancellationToken ct)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 3);
        var kinds = only is { } k ? [k] : Kinds;
        (RetainedRecordKind Kind, long Ticks, Guid Id)? cursor = null;
        if (after is not null)
        {
            if (!Enum.TryParse<RetainedRecordKind>(after[0], out var kind) || !kinds.Contains(kind) ||
                !long.TryParse(after[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks ||
                !Guid.TryParse(after[2], out var id))
                throw new ValidationException("page_token", "is not a page token this list returned; start again without one");
            cursor = (kind, ticks, id);
        }

        var page = new List<DueRecord>();
        var next = "";
        foreach (var kind in kinds.SkipWhile(k => cursor is { } c && k != c.Kind))
        {
            var due = Due(kind);
            if (cursor is { } c && c.Kind == kind && c.Id != Guid.Empty)
            {
                var at = new DateTimeOffset(c.Ticks, TimeSpan.Zero);
                due = due.Where(a => a.At > at || (a.At == at && a.Id.CompareTo(c.Id) > 0));
            }
            var wanted = pageSize - page.Count;
            if (wanted == 0)
            {
                // The page filled up exactly at the end of the kind before: the next page starts at this kind's first record.
                if (await due.AnyAsync(ct))
                    next = Paging.Encode(kind.ToString(), DateTimeOffset.MinValue.UtcTicks.ToString(CultureInfo.InvariantCulture), Guid.Empty.ToString());
                break;
            }
            var rows = await due.OrderBy(a => a.At).ThenBy(a => a.Id).Take(wanted + 1).ToListAsync(ct);
            page.AddRange(await DescribeAsync(kind, rows.Take(wanted).ToList(), ct));
            if (rows.Count > wanted)
            {
                var last = rows[wanted - 1];
                next = Paging.Encode(kind.ToString(), last.At.UtcTicks.ToString(CultureInfo.InvariantCulture), last.Id.ToString());
                break;
            }
        }
        return (page, next);
    }

    private async Task<IReadOnlyList<DueRecord>> DescribeAsync(RetainedRecordKind kind, List<Assessed> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}".Trim(), ct);
        var summaries = await SummariesAsync(kind, ids, ct);
        var decisions = (await db.RetentionReviews.AsNoTracking().Where(r => ids.Contains(r.RecordId)).ToListAsync(ct))
            .GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReviewedAt)!.Reason);
        return rows.Select(r =>
        {
            var group = MopiSchedule.GroupOf(r.PublicProtection, r.Serious);
            var recordedOn = DateOnly.FromDateTime(clock.ToLocal(r.At).DateTime);
            return new DueRecord(kind, r.Id, r.PersonId, names.GetValueOrDefault(r.PersonId, ""), recordedOn, group,
                MopiSchedule.DueOn(kind, group, recordedOn, r.RetainedUntil, Options), summaries.GetValueOrDefault(r.Id, ""), decisions.GetValueOrDefault(r.Id, ""));
        }).ToList();
    }

    /// <summary>What each record is, for the reviewer; for a person, what disposal would erase (one grouped query per table for the page).</summary>
    private async Task<Dictionary<Guid, string>> SummariesAsync(RetainedRecordKind kind, List<Guid> ids, CancellationToken ct)
    {
        async Task<Dictionary<Guid, string>> Of<T>(IQueryable<T> rows, Func<T, Guid> id, Func<T, string> text) =>
            (await rows.ToListAsync(ct)).ToDictionary(id, text);
        switch (kind)
        {
            case RetainedRecordKind.Sighting:
                return await Of(db.Sightings.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Location }), s => s.Id, s => "sighting at " + s.Location);
            case RetainedRecordKind.ContactNote:
                return await Of(db.ContactNotes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Kind }), n => n.Id, n => $"contact note ({CaseloadEnums.ContactKindWords[n.Kind]})");
            case RetainedRecordKind.ComplianceCheck:
                return await Of(db.ComplianceChecks.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Kind, c.Status, c.DueOn }), c => c.Id,
                    c => $"{Compliance.ComplianceEnums.KindWords[c.Kind]} check due {IsoDate.Format(c.DueOn)} ({Compliance.ComplianceEnums.StatusWords[c.Status]}), with its notes");
            case RetainedRecordKind.Breach:
                return await Of(db.Breaches.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.Status, b.Location }), b => b.Id,
                    b => $"breach ({Compliance.Breach.Describe(b.Status)}){(b.Location == "" ? "" : " at " + b.Location)}, with its history");
            case RetainedRecordKind.Notification:
                return await Of(db.OffenderNotifications.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Kind }), n => n.Id, n => $"notification ({Compliance.NotificationRules.Words(n.Kind)})");
            case RetainedRecordKind.RiskAssessment:
                return await Of(db.RiskAssessments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Tool, a.CompletedOn }), a => a.Id,
                    a => $"risk assessment ({Risk.RiskRegister.Describe(a.Tool)}, {IsoDate.Format(a.CompletedOn)})");
            case RetainedRecordKind.Photo:
                return await Of(db.PersonPhotos.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Kind, p.TakenOn }), p => p.Id,
                    p => $"photo ({Photos.PhotoMessages.KindWords[p.Kind]}, taken {IsoDate.Format(p.TakenOn)}) and its image");
            case RetainedRecordKind.Identifier:
                return await Of(db.PersonIdentifiers.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Kind }), i => i.Id, i => Identification.IdentifierMessages.KindWords[i.Kind] + " identifier");
            case RetainedRecordKind.Person:
                var held = await erasure.HeldAsync(ids, ct);
                return ids.ToDictionary(id => id, id => RecordErasure.Describe(held.GetValueOrDefault(id)));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retained record kind");
        }
    }

    /// <summary>Records a review decision: retain until the next review, or dispose (erase now).</summary>
    public async Task<RetentionReview> DecideAsync(RetainedRecordKind kind, Guid recordId, ReviewOutcome outcome, string reason, DateOnly? nextReviewOn, CancellationToken ct)
    {
        var record = await Assess(Records(kind).Where(c => c.Id == recordId)).FirstOrDefaultAsync(ct)
                     ?? throw new NotFoundException(RetentionWords.Kinds[kind], recordId.ToString(), "record_id");
        var group = MopiSchedule.GroupOf(record.PublicProtection, record.Serious);
        var recordedOn = DateOnly.FromDateTime(clock.ToLocal(record.At).DateTime);
        if (outcome == ReviewOutcome.Dispose)
        {
            if (record.Active)
                throw new RuleViolationException("RETENTION_CASE_ACTIVE",
                    "The person is under an active management or a live order: their records are kept while that lasts and reviewed when it ends.");
            var due = MopiSchedule.DueOn(kind, group, recordedOn, record.RetainedUntil, Options);
            if (due > clock.Today)
                throw new RuleViolationException("RETENTION_NOT_DUE",
                    $"This record is not due for review until {IsoDate.Format(due)} (MoPI group {(int)group}); it may be disposed of once it is due.");
            if (record.NotificationLive)
                throw new RuleViolationException("RETENTION_NOTIFICATION_LIVE",
                    "The person is subject to a notification requirement that has not ended (Sexual Offences Act 2003 Part 2): their records are reviewed but kept while it lasts.");
            await erasure.EraseAsync(kind, recordId, record.PersonId, ct);
        }
        var review = new RetentionReview
        {
            Kind = kind, RecordId = recordId, PersonId = record.PersonId, Outcome = outcome, Group = group, Reason = reason,
            NextReviewOn = outcome == ReviewOutcome.Retain ? nextReviewOn : null,
            ReviewedBy = caller.Subject, ReviewerOfficerId = caller.OfficerId, ReviewedAt = clock.Now,
        };
        db.RetentionReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }
}
