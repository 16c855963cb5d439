using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// Keeps each source of checks (an order's condition, a registered offender's management) with
/// exactly one open check of each kind it generates: plans the first, the next after an
/// outcome, and withdraws or reschedules them when an order is varied or ended or a risk level
/// changes.
/// </summary>
public sealed class CheckPlanner(
    OffenderMgmtDb db, IOptions<ComplianceOptions> options, IOptions<NotificationOptions> notificationOptions, NotificationFactsLoader facts, ForceClock clock)
{
    private ComplianceOptions Options => options.Value;
    private NotificationOptions Notification => notificationOptions.Value;

    /// <summary>The check a condition generates and how often, if it generates one.</summary>
    public static (CheckKind Kind, Cadence Cadence)? CheckFor(Condition condition, ComplianceOptions options) => condition switch
    {
        FinancialReportingCondition f => (CheckKind.FinancialReport, Cadence.EveryMonths(f.IntervalMonths)),
        DevicesCondition { MustAllowInspection: true } d => (CheckKind.DeviceInspection, Cadence.EveryMonths(d.InspectionIntervalMonths)),
        CurfewCondition => (CheckKind.CurfewCheck, Cadence.EveryDays(options.CurfewCheckDays)),
        OtherCondition { CheckIntervalDays: { } days } => (CheckKind.OtherConditionCheck, Cadence.EveryDays(days)),
        _ => null,
    };

    /// <summary>
    /// The checks a management generates on a cadence: registered sex offenders are visited by
    /// risk, unless a supervisor has approved reactive management. Their notifications are not
    /// on a cadence: they follow the notification duty (<see cref="SyncNotificationChecksAsync"/>).
    /// </summary>
    public static IReadOnlyList<(CheckKind Kind, Cadence Cadence)> ChecksFor(Management management, ComplianceOptions options) =>
        management is { IsActive: true, Register: Register.RegisteredSexOffender, IsReactive: false }
            ? [(CheckKind.HomeVisit, Cadence.EveryMonths(options.HomeVisitMonths(management.RiskLevel)))]
            : [];

    /// <summary>Plans the first check of every condition that has none open, counting from <paramref name="from"/>.</summary>
    public async Task PlanForOrderAsync(Order order, DateOnly from, CancellationToken cancellationToken)
    {
        var open = await OpenKeysAsync(c => c.OrderId == order.Id, cancellationToken);
        foreach (var condition in order.Conditions.Where(c => c.IsInForce))
        {
            if (CheckFor(condition, Options) is not var (kind, cadence)) continue;
            if (open.Contains((condition.Id, kind))) continue;
            Add(new ComplianceCheck { PersonId = order.PersonId, OrderId = order.Id, ConditionId = condition.Id, Kind = kind }, cadence.After(from), cadence);
        }
    }

    /// <summary>Plans visits for a registered offender from their last one, and the checks of their notification duty.</summary>
    public async Task PlanForManagementAsync(Management management, DateOnly from, CancellationToken cancellationToken)
    {
        var open = await OpenKeysAsync(c => c.ManagementId == management.Id, cancellationToken);
        foreach (var (kind, cadence) in ChecksFor(management, Options))
        {
            if (open.Contains((management.Id, kind))) continue;
            var last = await LastCompletedAsync(management.Id, kind, cancellationToken);
            Add(new ComplianceCheck { PersonId = management.PersonId, ManagementId = management.Id, Kind = kind }, cadence.After(last ?? from), cadence);
        }
        await SyncNotificationChecksAsync(management.PersonId, null, cancellationToken);
    }

    /// <summary>
    /// Makes the person's open notification checks what their notification duty says is due:
    /// one open check per thing due, on its due date. Checks a notification just given
    /// satisfies are closed with it (on time or late); checks no longer due are withdrawn. The
    /// duty is the one source of these dates.
    /// </summary>
    public async Task<NotificationDuty> SyncNotificationChecksAsync(Guid personId, (OffenderNotification Given, NotificationJudgement Judgement)? given, CancellationToken cancellationToken)
    {
        var (loaded, registration, _) = await facts.LoadAsync(personId, cancellationToken);
        var duty = NotificationRules.Compute(loaded, clock.Today, Notification);
        var open = await db.ComplianceChecks.Where(c => c.PersonId == personId && c.Status == CheckStatus.Open).ToListAsync(cancellationToken);
        open.AddRange(db.ComplianceChecks.Local.Where(c => c.PersonId == personId && c.Status == CheckStatus.Open && !open.Contains(c)));
        if (given is var (notification, judgement))
            foreach (var check in open.Where(c => c.Status == CheckStatus.Open && Satisfies(notification.Kind, c.Kind)))
            {
                check.Status = CheckStatus.Completed;
                check.Outcome = judgement.Late ? CheckOutcome.NonCompliant : CheckOutcome.Compliant;
                check.CompletedAt = notification.NotifiedAt;
                check.Notes = $"{NotificationRules.Words(notification.Kind)} notified, {judgement.Words}";
            }
        // Each thing due keeps the open check already planned for it on that date; checks left over are withdrawn.
        var unplanned = duty.Dues.ToList();
        foreach (var check in open.Where(c => c.Status == CheckStatus.Open && NotificationRules.IsDutyCheck(c.Kind)).OrderBy(c => c.DueOn))
        {
            var same = unplanned.FirstOrDefault(d => d.Check == check.Kind && d.OrderId == check.OrderId && d.DueOn == check.DueOn);
            if (same is not null)
            {
                unplanned.Remove(same);
                continue;
            }
            var moved = unplanned.FirstOrDefault(d => d.Check == check.Kind && d.OrderId == check.OrderId);
            check.Status = CheckStatus.Cancelled;
            check.CancelledReason = moved is null
                ? (duty.SuspendedInCustody ? "no longer due: suspended while in custody" : "no longer due under the notification duty")
                : $"rescheduled to {IsoDate.Format(moved.DueOn)} under the notification duty";
        }
        foreach (var due in unplanned)
        {
            db.ComplianceChecks.Add(new ComplianceCheck
            {
                PersonId = personId, ManagementId = due.OrderId is null ? registration?.Id : null, OrderId = due.OrderId, Kind = due.Check,
                DueOn = due.DueOn, OpensOn = due.OpensOn, CreatedAt = clock.Now,
            });
        }
        return duty;
    }

    /// <summary>Which open check a notification of a kind closes.</summary>
    public static bool Satisfies(NotificationKind given, CheckKind check) => check switch
    {
        CheckKind.RsoPeriodicNotification or CheckKind.WeeklyNotification or CheckKind.ReleaseNotification or CheckKind.InitialNotification =>
            NotificationRules.StartsNewYear(given),
        CheckKind.ChangeOfDetailsNotification => given is NotificationKind.ChangeOfName or NotificationKind.ChangeOfAddress,
        CheckKind.TravelNotification => given == NotificationKind.ReturnFromTravel,
        CheckKind.SpoNotification => given == NotificationKind.SpoNameAndAddress,
        _ => false,
    };

    /// <summary>A change of custody: going in suspends the periodic duty; coming out is a release, to be notified within 3 days.</summary>
    public async Task NoteCustodyChangeAsync(Guid personId, bool released, DateOnly on, string by, CancellationToken cancellationToken)
    {
        if (released) db.CustodyReleases.Add(new CustodyRelease { PersonId = personId, ReleasedOn = on, RecordedAt = clock.Now, RecordedBy = by });
        await SyncNotificationChecksAsync(personId, null, cancellationToken);
    }

    /// <summary>The check that follows one just closed, or null when its source no longer needs checking.</summary>
    public async Task<ComplianceCheck?> PlanNextAsync(ComplianceCheck closed, DateOnly completedOn, CancellationToken cancellationToken)
    {
        var cadence = await CadenceOfAsync(closed, cancellationToken);
        if (cadence is null) return null;
        var due = ComplianceSchedule.NextDue(closed.Kind, cadence.Value, closed.DueOn, completedOn, closed.Outcome!.Value, Options);
        return Add(new ComplianceCheck
        {
            PersonId = closed.PersonId, ManagementId = closed.ManagementId, OrderId = closed.OrderId,
            ConditionId = closed.ConditionId, Kind = closed.Kind,
        }, due, cadence.Value);
    }

    /// <summary>A change of risk changes how often a registered offender is visited: reschedule from the last visit.</summary>
    public async Task RescheduleHomeVisitAsync(Management management, CancellationToken cancellationToken)
    {
        await CancelOpenAsync(c => c.ManagementId == management.Id && c.Kind == CheckKind.HomeVisit,
            $"rescheduled: risk is now {management.RiskLevel}", cancellationToken);
        var cadence = Cadence.EveryMonths(Options.HomeVisitMonths(management.RiskLevel));
        var last = await LastCompletedAsync(management.Id, CheckKind.HomeVisit, cancellationToken) ?? management.StartedOn;
        var due = cadence.After(last);
        // Higher risk may make the next visit due already: then it is due today.
        if (due < clock.Today) due = clock.Today;
        if (management is { IsActive: true, Register: Register.RegisteredSexOffender, IsReactive: false })
            Add(new ComplianceCheck { PersonId = management.PersonId, ManagementId = management.Id, Kind = CheckKind.HomeVisit }, due, cadence);
    }

    /// <summary>
    /// A registered sex offender's name or address changed on the record: they must have
    /// notified within the period of 3 days beginning with the change (SOA 2003 s.84(1)). The
    /// record's edit is the first the force knows of it, so the window is counted from the edit;
    /// the notification itself, with the day the change happened, is judged from that day.
    /// </summary>
    public async Task NoteChangeOfDetailsAsync(Guid personId, DateOnly changedOn, CancellationToken cancellationToken)
    {
        var rso = await db.Managements.FirstOrDefaultAsync(m => m.PersonId == personId && m.Status == ManagementStatus.Active &&
                                                                 m.Register == Register.RegisteredSexOffender, cancellationToken);
        if (rso is null) return;
        if (db.ComplianceChecks.Local.Any(c => c.ManagementId == rso.Id && c.Kind == CheckKind.ChangeOfDetailsNotification && c.Status == CheckStatus.Open)) return;
        var due = NotificationRules.LastDayOfWindow(changedOn, Notification.ChangeWindowDays);
        var check = new ComplianceCheck
        {
            PersonId = personId, ManagementId = rso.Id, Kind = CheckKind.ChangeOfDetailsNotification,
            DueOn = due, OpensOn = changedOn, CreatedAt = clock.Now,
        };
        db.ComplianceChecks.Add(check);
    }

    /// <summary>Withdraws open checks that no longer apply, saying why.</summary>
    public async Task<int> CancelOpenAsync(System.Linq.Expressions.Expression<Func<ComplianceCheck, bool>> which, string reason, CancellationToken cancellationToken)
    {
        var checks = await db.ComplianceChecks.Where(which).Where(c => c.Status == CheckStatus.Open).ToListAsync(cancellationToken);
        foreach (var check in checks)
        {
            check.Status = CheckStatus.Cancelled;
            check.CancelledReason = reason.Length > 500 ? reason[..500] : reason;
        }
        return checks.Count;
    }

    private async Task<Cadence?> CadenceOfAsync(ComplianceCheck check, CancellationToken cancellationToken)
    {
        if (check.ConditionId is { } conditionId)
        {
            var condition = await db.Conditions.FirstOrDefaultAsync(c => c.Id == conditionId, cancellationToken);
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == check.OrderId, cancellationToken);
            if (condition is not { IsInForce: true } || order is null || order.Status is OrderStatus.Discharged or OrderStatus.Expired) return null;
            return CheckFor(condition, Options)?.Cadence;
        }
        if (check.ManagementId is { } managementId && check.Kind != CheckKind.ChangeOfDetailsNotification && !NotificationRules.IsDutyCheck(check.Kind))
        {
            var management = await db.Managements.FirstOrDefaultAsync(m => m.Id == managementId, cancellationToken);
            return management is null ? null : ChecksFor(management, Options).Where(c => c.Kind == check.Kind).Select(c => (Cadence?)c.Cadence).FirstOrDefault();
        }
        return null;
    }

    private ComplianceCheck Add(ComplianceCheck check, DateOnly due, Cadence cadence)
    {
        check.DueOn = due;
        check.OpensOn = ComplianceSchedule.OpensOn(due, cadence, Options);
        check.CreatedAt = clock.Now;
        db.ComplianceChecks.Add(check);
        return check;
    }

    private async Task<HashSet<(Guid, CheckKind)>> OpenKeysAsync(System.Linq.Expressions.Expression<Func<ComplianceCheck, bool>> source, CancellationToken cancellationToken)
    {
        var open = await db.ComplianceChecks.Where(source).Where(c => c.Status == CheckStatus.Open)
            .Select(c => new { Key = c.ConditionId ?? c.ManagementId ?? Guid.Empty, c.Kind })
            .ToListAsync(cancellationToken);
        var keys = open.Select(o => (o.Key, o.Kind)).ToHashSet();
        // Checks added in this unit of work but not yet saved count too.
        foreach (var added in db.ComplianceChecks.Local.Where(c => c.Status == CheckStatus.Open))
            keys.Add((added.ConditionId ?? added.ManagementId ?? Guid.Empty, added.Kind));
        return keys;
    }

    private async Task<DateOnly?> LastCompletedAsync(Guid managementId, CheckKind kind, CancellationToken cancellationToken)
    {
        var last = await db.ComplianceChecks
            .Where(c => c.ManagementId == managementId && c.Kind == kind && c.Status == CheckStatus.Completed && c.CompletedAt != null)
            .OrderByDescending(c => c.CompletedAt)
            .Select(c => c.CompletedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return last is { } at ? DateOnly.FromDateTime(clock.ToLocal(at).DateTime) : null;
    }
}
