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
public sealed class RetentionDesk(OffenderMgmtDb db, IOptions<RetentionOptions> options, ForceClock clock, Caller caller)
{
    private RetentionOptions Options => options.Value;

    private static readonly RetainedRecordKind[] Kinds = [RetainedRecordKind.Sighting, RetainedRecordKind.ContactNote];

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
        public DateOnly? RetainedUntil { get; init; }
    }

    private IQueryable<Candidate> Records(RetainedRecordKind kind) => kind switch
    {
        RetainedRecordKind.Sighting => db.Sightings.AsNoTracking().Select(s => new Candidate { Id = s.Id, PersonId = s.PersonId, At = s.SeenAt }),
        RetainedRecordKind.ContactNote => db.ContactNotes.AsNoTracking().Select(n => new Candidate { Id = n.Id, PersonId = n.PersonId, At = n.At }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retained record kind"),
    };

    /// <summary>Each record with what decides its review, worked out in the database (EXISTS subqueries).</summary>
    private IQueryable<Assessed> Assess(IQueryable<Candidate> records)
    {
        var ppOrders = MopiSchedule.PublicProtectionOrders;
        return records.Select(c => new Assessed
        {
            Id = c.Id, PersonId = c.PersonId, At = c.At,
            PublicProtection = db.Managements.Any(m => m.PersonId == c.PersonId && m.Scheme == MopiSchedule.PublicProtectionScheme) ||
                               db.Orders.Any(o => o.PersonId == c.PersonId && ppOrders.Contains(o.Type)),
            Serious = db.Managements.Any(m => m.PersonId == c.PersonId && m.Scheme == MopiSchedule.SeriousOffendingScheme) ||
                      db.Orders.Any(o => o.PersonId == c.PersonId && o.Type == MopiSchedule.SeriousOffendingOrder),
            Active = db.Managements.Any(m => m.PersonId == c.PersonId && m.Status == ManagementStatus.Active) ||
                     db.Orders.Any(o => o.PersonId == c.PersonId && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired),
            RetainedUntil = db.RetentionReviews.Where(r => r.RecordId == c.Id && r.NextReviewOn != null).Max(r => r.NextReviewOn),
        });
    }

    /// <summary>The first instant after which a record made then is past its group's first review.</summary>
    private DateTimeOffset CutOff(MopiGroup group) => clock.ToInstant(clock.Today.AddYears(-Options.YearsFor(group)).AddDays(1), TimeOnly.MinValue);

    private IQueryable<Assessed> Due(RetainedRecordKind kind)
    {
        var today = clock.Today;
        var pp = CutOff(MopiGroup.PublicProtection);
        var serious = CutOff(MopiGroup.SeriousOffending);
        var other = CutOff(MopiGroup.OtherOffending);
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
            if (cursor is { } c && c.Kind == kind)
            {
                var at = new DateTimeOffset(c.Ticks, TimeSpan.Zero);
                due = due.Where(a => a.At > at || (a.At == at && a.Id.CompareTo(c.Id) > 0));
            }
            var wanted = pageSize - page.Count;
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
        var summaries = kind == RetainedRecordKind.Sighting
            ? await db.Sightings.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, Text = "sighting at " + s.Location })
                .ToDictionaryAsync(s => s.Id, s => s.Text, ct)
            : (await db.ContactNotes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Kind }).ToListAsync(ct))
                .ToDictionary(n => n.Id, n => $"contact note ({Words(n.Kind.ToString())})");
        var decisions = (await db.RetentionReviews.AsNoTracking().Where(r => ids.Contains(r.RecordId)).ToListAsync(ct))
            .GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReviewedAt)!.Reason);
        return rows.Select(r =>
        {
            var group = MopiSchedule.GroupOf(r.PublicProtection, r.Serious);
            var recordedOn = DateOnly.FromDateTime(clock.ToLocal(r.At).DateTime);
            return new DueRecord(kind, r.Id, r.PersonId, names.GetValueOrDefault(r.PersonId, ""), recordedOn, group,
                MopiSchedule.DueOn(group, recordedOn, r.RetainedUntil, Options), summaries.GetValueOrDefault(r.Id, ""), decisions.GetValueOrDefault(r.Id, ""));
        }).ToList();
    }

    /// <summary>Records a review decision: retain until the next review, or dispose (erase now).</summary>
    public async Task<RetentionReview> DecideAsync(RetainedRecordKind kind, Guid recordId, ReviewOutcome outcome, string reason, DateOnly? nextReviewOn, CancellationToken ct)
    {
        var record = await Assess(Records(kind).Where(c => c.Id == recordId)).FirstOrDefaultAsync(ct)
                     ?? throw new NotFoundException(Words(kind.ToString()), recordId.ToString(), "record_id");
        var group = MopiSchedule.GroupOf(record.PublicProtection, record.Serious);
        var recordedOn = DateOnly.FromDateTime(clock.ToLocal(record.At).DateTime);
        if (outcome == ReviewOutcome.Dispose)
        {
            if (record.Active)
                throw new RuleViolationException("RETENTION_CASE_ACTIVE",
                    "The person is under an active management or a live order: their records are kept while that lasts and reviewed when it ends.");
            var due = MopiSchedule.DueOn(group, recordedOn, record.RetainedUntil, Options);
            if (due > clock.Today)
                throw new RuleViolationException("RETENTION_NOT_DUE",
                    $"This record is not due for review until {IsoDate.Format(due)} (MoPI group {(int)group}); it may be disposed of once it is due.");
            await EraseAsync(kind, recordId, ct);
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

    private async Task EraseAsync(RetainedRecordKind kind, Guid recordId, CancellationToken ct)
    {
        switch (kind)
        {
            case RetainedRecordKind.Sighting:
                foreach (var breach in await db.Breaches.Where(b => b.SightingId == recordId).ToListAsync(ct)) breach.SightingId = null;
                db.Sightings.Remove(await db.Sightings.SingleAsync(s => s.Id == recordId, ct));
                break;
            case RetainedRecordKind.ContactNote:
                db.ContactNotes.Remove(await db.ContactNotes.SingleAsync(n => n.Id == recordId, ct));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retained record kind");
        }
    }

    private static string Words(string name) => Reports.ReportBuilder.Words(name);
}
