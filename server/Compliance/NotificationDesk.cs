using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Compliance;

/// <summary>A notification as reported: what, when given, the day it took effect, and travel details.</summary>
public sealed record NotificationReport(
    Guid PersonId, NotificationKind Kind, DateTimeOffset NotifiedAt, DateOnly? EffectiveOn, string Details, bool NoFixedAbode,
    DateTimeOffset? DepartsAt, string Destination, DateOnly? ReturnOn, string ShortNoticeReason);

public sealed record NotificationRecorded(OffenderNotification Notification, NotificationJudgement Judgement, NotificationDuty Duty, Breach? Breach);

/// <summary>
/// The notification duty of a person: what it is and what is due (from
/// <see cref="NotificationRules"/>), and recording a notification given, which moves the due
/// dates, closes the checks it satisfies and, when it was late, opens a suspected breach with a
/// task for the manager.
/// </summary>
public sealed class NotificationDesk(
    OffenderMgmtDb db, NotificationFactsLoader facts, CheckPlanner planner, BreachRegister breaches, IOptions<NotificationOptions> options,
    Caller caller, ForceClock clock)
{
    private NotificationOptions Options => options.Value;

    public async Task<NotificationDuty> StatusAsync(Guid personId, CancellationToken cancellationToken)
    {
        var (loaded, _, _) = await facts.LoadAsync(personId, cancellationToken);
        return NotificationRules.Compute(loaded, clock.Today, Options);
    }

    public async Task<NotificationRecorded> RecordAsync(NotificationReport report, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Enum("kind", report.Kind);
        var details = v.Optional("details", report.Details, 2000);
        var destination = v.Optional("destination", report.Destination, 200);
        var reason = v.Optional("short_notice_reason", report.ShortNoticeReason, 500);
        if (report.NotifiedAt > clock.Now.AddMinutes(5)) v.Add("notified_at", "must not be in the future");
        var notifiedOn = DateOnly.FromDateTime(clock.ToLocal(report.NotifiedAt).DateTime);
        var effectiveOn = report.EffectiveOn ?? notifiedOn;
        if (report.EffectiveOn is null && NotificationRules.HasChangeWindow(report.Kind) && report.Kind != NotificationKind.Initial)
            v.Add("effective_on", "is required: the day the change (or release, service or return) happened, from which the 3 days are counted");
        else if (effectiveOn > notifiedOn) v.Add("effective_on", "must not be after the notification was given");
        if (report.Kind == NotificationKind.ForeignTravel)
        {
            if (report.DepartsAt is null) v.Add("departs_at", "is required for foreign travel");
            else if (report.DepartsAt <= report.NotifiedAt) v.Add("departs_at", "must be after the notification: travel is notified before departure");
            if (destination.Length == 0) v.Add("destination", "is required for foreign travel: the country (the first, if more than one)");
            if (report.ReturnOn is { } back && report.DepartsAt is { } leaving && back < DateOnly.FromDateTime(clock.ToLocal(leaving).DateTime))
                v.Add("return_on", "must not be before the departure");
            effectiveOn = report.DepartsAt is { } d ? DateOnly.FromDateTime(clock.ToLocal(d).DateTime) : notifiedOn;
        }
        else if (report.DepartsAt is not null || destination.Length > 0 || report.ReturnOn is not null || reason.Length > 0)
            v.Add("departs_at", "departs_at, destination, return_on and short_notice_reason are only for foreign travel");
        if (report.NoFixedAbode && !NotificationRules.SaysWhereTheyLive(report.Kind))
            v.Add("no_fixed_abode", "is only for notifications that give the home address (initial, periodic, weekly, change of address, release)");
        v.ThrowIfInvalid();

        var (loaded, registration, person) = await facts.LoadAsync(report.PersonId, cancellationToken);
        var before = NotificationRules.Compute(loaded, clock.Today, Options);
        var spo = loaded.Orders.Where(o => o.Type == OrderType.StalkingProtectionOrder && !o.Ended).OrderByDescending(o => o.ServedOn).FirstOrDefault();
        if (report.Kind == NotificationKind.SpoNameAndAddress ? spo is null : !before.SexOffenderRegister)
            throw new RuleViolationException("NOT_SUBJECT_TO_NOTIFICATION", report.Kind == NotificationKind.SpoNameAndAddress
                ? "This person has no stalking protection order in force, so there is no SPO notification to record."
                : "This person is not subject to the notification requirements of the Sexual Offences Act 2003 (no registration or SHPO in force).");

        var judgement = NotificationRules.Judge(report.Kind, report.NotifiedAt, effectiveOn, report.DepartsAt, reason, before, clock, Options);
        var notification = new OffenderNotification
        {
            PersonId = report.PersonId, Kind = report.Kind, NotifiedAt = report.NotifiedAt, EffectiveOn = effectiveOn, Details = details,
            NoFixedAbode = report.NoFixedAbode, DepartsAt = report.DepartsAt, Destination = destination, ReturnOn = report.ReturnOn,
            ShortNoticeReason = reason, Late = judgement.Late, Judgement = judgement.Words, RecordedBy = caller.Subject, RecordedAt = clock.Now,
        };
        db.OffenderNotifications.Add(notification);
        if (registration?.Notification is { } rso && NotificationRules.StartsNewYear(report.Kind) &&
            (rso.LastNotifiedOn is null || rso.LastNotifiedOn < notifiedOn))
            rso.LastNotifiedOn = notifiedOn;
        if (report.Kind == NotificationKind.ReleaseFromCustody) await NoteReleaseAsync(person, effectiveOn, loaded, cancellationToken);

        var duty = await planner.SyncNotificationChecksAsync(report.PersonId, (notification, judgement), cancellationToken);
        Breach? breach = null;
        if (judgement.Late)
        {
            // A late notification is a suspected breach of the notification requirements (SOA 2003 s.91(1)(a); SPA 2019 s.11).
            var order = report.Kind == NotificationKind.SpoNameAndAddress ? spo
                : registration is null ? loaded.Orders.Where(o => o.Type == OrderType.SexualHarmPreventionOrder && !o.Ended).OrderBy(o => o.ServedOn).FirstOrDefault() : null;
            var occurredAt = judgement.Deadline is { } deadline && deadline <= report.NotifiedAt ? deadline : report.NotifiedAt;
            breach = await breaches.RecordAsync(new BreachReport(
                report.PersonId, order?.OrderId, null, occurredAt, null, null, "", BreachSource.Report, null, null,
                $"Late {NotificationRules.Words(report.Kind)}: {judgement.Words}."), cancellationToken);
            notification.BreachId = breach.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationRecorded(notification, judgement, duty, breach);
    }

    /// <summary>The person notified their release: the release is on record, and they are in the community.</summary>
    private async Task NoteReleaseAsync(Person person, DateOnly releasedOn, NotificationFacts loaded, CancellationToken cancellationToken)
    {
        if (loaded.LatestRelease != releasedOn && !await db.CustodyReleases.AnyAsync(r => r.PersonId == person.Id && r.ReleasedOn == releasedOn, cancellationToken))
            db.CustodyReleases.Add(new CustodyRelease { PersonId = person.Id, ReleasedOn = releasedOn, RecordedAt = clock.Now, RecordedBy = caller.Subject });
        if (person.CustodyStatus == CustodyStatus.InCustody)
        {
            person.CustodyStatus = CustodyStatus.InCommunity;
            person.ExpectedReleaseDate = null;
            person.UpdatedAt = clock.Now;
        }
    }
}
