using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Compliance;

/// <summary>Whose checks to list: an officer's, a team's or a person's.</summary>
public sealed record CheckScope(Guid? OfficerId, Guid? TeamId, Guid? PersonId);

public sealed record OutcomeRecorded(ComplianceCheck Closed, ComplianceCheck? Next, Breach? Breach, IReadOnlyList<Identification.PersonDevice>? UnregisteredDevices = null);

/// <summary>
/// The compliance checks officers make: what is due and overdue (for an officer, a team or a
/// person), a person's history, and recording an outcome, which schedules the next check.
/// A check belongs to whoever holds its source: the lead officer of the order, or the
/// responsible officer of the management.
/// </summary>
public sealed class ComplianceDesk(OffenderMgmtDb db, CheckPlanner planner, BreachRegister breaches, Identification.IdentificationDesk identification, Security.Caller caller, ForceClock clock)
{
    public const int DefaultHorizonDays = 28;
    public const int MaxHorizonDays = 366;

    public Task<(IReadOnlyList<ComplianceCheck> Checks, string Next)> ListDueAsync(CheckScope scope, int horizonDays, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (horizonDays is < 0 or > MaxHorizonDays) throw new ValidationException("horizon_days", $"must be between 0 and {MaxHorizonDays} (0: the default of {DefaultHorizonDays})");
        var today = clock.Today;
        var until = today.AddDays(horizonDays == 0 ? DefaultHorizonDays : horizonDays);
        return PageAsync(Scoped(scope).Where(c => c.Status == CheckStatus.Open && c.DueOn >= today && c.DueOn <= until), pageSize, pageToken, cancellationToken);
    }

    public Task<(IReadOnlyList<ComplianceCheck> Checks, string Next)> ListOverdueAsync(CheckScope scope, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        return PageAsync(Scoped(scope).Where(c => c.Status == CheckStatus.Open && c.DueOn < today), pageSize, pageToken, cancellationToken);
    }

    public async Task<(IReadOnlyList<ComplianceCheck> Checks, string Next)> HistoryAsync(Guid personId, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        var checks = db.ComplianceChecks.AsNoTracking().Where(c => c.PersonId == personId);
        if (after is not null)
        {
            var (due, id) = ParseKey(after);
            checks = checks.Where(c => c.DueOn < due || (c.DueOn == due && c.Id.CompareTo(id) < 0));
        }
        var page = await checks.OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Key(page[pageSize - 1]) : "");
    }

    public async Task<ComplianceCheck> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ComplianceChecks.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new NotFoundException("compliance check", id.ToString(), "check_id");

    /// <summary>Closes an open check that has opened, schedules its successor, and opens a breach if one is suspected.</summary>
    public async Task<OutcomeRecorded> RecordOutcomeAsync(
        Guid checkId, CheckOutcome outcome, DateTimeOffset? completedAt, string notes, Guid? officerId,
        Guid? breachOrderId, Guid? breachConditionId, CancellationToken cancellationToken, IReadOnlyList<Identification.DeviceDetails>? devicesFound = null)
    {
        var v = new Validator();
        v.Enum("outcome", outcome);
        var text = v.Optional("notes", notes, 20_000);
        var found = new List<Identification.PersonDevice>();
        foreach (var (details, i) in (devicesFound ?? []).Select((d, i) => (d, i)))
            found.Add((Identification.PersonDevice)Identification.IdentifierRules.Create(details, v, $"devices_found[{i}]"));
        var at = completedAt ?? clock.Now;
        if (at > clock.Now.AddMinutes(5)) v.Add("completed_at", "must not be in the future");
        // The suspected breach this outcome opens takes its details from the notes: one with none
        // would be a breach nobody could act on (issue 20, point 7: "a breach saves with no place
        // and no details"). A device inspection's finding supplies its own words.
        if (outcome == CheckOutcome.BreachSuspected && text.Length == 0 && found.Count == 0)
            v.Add("notes", "must say what was found: the suspected breach is recorded with these notes as its details");
        v.ThrowIfInvalid();

        var check = await GetAsync(checkId, cancellationToken);
        if (check.Status != CheckStatus.Open)
            throw new RuleViolationException("CHECK_CLOSED", check.Status == CheckStatus.Completed
                ? $"This check was already completed ({ComplianceEnums.OutcomeWords[check.Outcome!.Value]}) on {clock.ToLocal(check.CompletedAt!.Value):yyyy-MM-dd}."
                : $"This check was withdrawn ({check.CancelledReason}).");
        if (found.Count > 0 && check.Kind != CheckKind.DeviceInspection)
            throw new ValidationException("devices_found", "is only for a device inspection");
        var completedOn = DateOnly.FromDateTime(clock.ToLocal(at).DateTime);
        if (completedOn < check.OpensOn)
            throw new RuleViolationException("CHECK_NOT_DUE", $"This check is not due yet: it is due on {check.DueOn:yyyy-MM-dd} and can be recorded from {check.OpensOn:yyyy-MM-dd}.");

        check.Status = CheckStatus.Completed;
        check.Outcome = outcome;
        check.CompletedAt = at;
        check.CompletedByOfficerId = officerId;
        check.Notes = text;
        var duty = NotificationRules.IsDutyCheck(check.Kind);
        if (duty && outcome == CheckOutcome.Compliant)
            await NoteNotificationAsync(check, at, completedOn, cancellationToken);

        // Issue 18: the devices found; an unregistered one under a devices condition is a suspected breach of it.
        var devices = found.Count > 0 ? await JudgeDevicesAsync(check, found, cancellationToken) : null;
        if (devices?.Finding.BreachSuspected == true && outcome != CheckOutcome.BreachSuspected)
        {
            check.Outcome = outcome = CheckOutcome.BreachSuspected;
            breachOrderId ??= devices.Value.Condition!.OrderId;
            breachConditionId ??= devices.Value.Condition!.Id;
            text = string.Join(" ", new[] { text, devices.Value.Finding.Reason }.Where(t => t.Length > 0));
            check.Notes = text;
        }
        else if (devices?.Finding.BreachSuspected == true)
        {
            breachOrderId ??= devices.Value.Condition!.OrderId;
            breachConditionId ??= devices.Value.Condition!.Id;
            text = string.Join(" ", new[] { text, devices.Value.Finding.Reason }.Where(t => t.Length > 0));
        }

        Breach? breach = null;
        if (outcome == CheckOutcome.BreachSuspected)
        {
            breach = await breaches.RecordAsync(new BreachReport(
                check.PersonId, breachOrderId ?? check.OrderId, breachConditionId ?? check.ConditionId, at, null, null,
                // Where it happened is not known from the check; how it was found goes with what was found.
                "", BreachSource.ComplianceCheck, check.Id, null, FoundAtCheck(check.Kind, text)), cancellationToken);
        }
        ComplianceCheck? next;
        if (duty)
        {
            // Notification checks follow the duty: what is due next is what it now says.
            await planner.SyncNotificationChecksAsync(check.PersonId, null, cancellationToken);
            next = db.ComplianceChecks.Local.FirstOrDefault(c => c.PersonId == check.PersonId && c.Kind == check.Kind && c.Status == CheckStatus.Open &&
                                                                 db.Entry(c).State == EntityState.Added);
        }
        else next = await planner.PlanNextAsync(check, completedOn, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OutcomeRecorded(check, next, breach, devices?.Unregistered);
    }

    /// <summary>
    /// Matches the devices found with the person's devices on record, records the ones not on
    /// record as found at this check, and judges them against the devices condition the check
    /// came from (or, for a check from a management, the person's devices condition in force).
    /// </summary>
    private async Task<(DeviceInspectionFinding Finding, Orders.DevicesCondition? Condition, IReadOnlyList<Identification.PersonDevice> Unregistered)?> JudgeDevicesAsync(
        ComplianceCheck check, IReadOnlyList<Identification.PersonDevice> found, CancellationToken cancellationToken)
    {
        var condition = check.ConditionId is { } conditionId
            ? await db.Conditions.OfType<Orders.DevicesCondition>().FirstOrDefaultAsync(c => c.Id == conditionId, cancellationToken)
            : await db.Conditions.OfType<Orders.DevicesCondition>()
                .Where(c => c.RemovedOn == null && db.Orders.Any(o => o.Id == c.OrderId && o.PersonId == check.PersonId &&
                                                                      (o.Status == Orders.OrderStatus.Active || o.Status == Orders.OrderStatus.Varied)))
                .OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var known = await identification.DevicesOfAsync(check.PersonId, cancellationToken);
        var finding = DeviceInspectionRules.Judge(found, known, condition);
        var unregistered = finding.Unregistered.Select(d => d.Known ?? identification.NoteFound(check.PersonId, check.Id, d.Found)).ToList();
        return (finding, condition, unregistered);
    }

    /// <summary>A notification check found compliant: the person gave the notification it stands for.</summary>
    private async Task NoteNotificationAsync(ComplianceCheck check, DateTimeOffset at, DateOnly on, CancellationToken cancellationToken)
    {
        var kind = check.Kind switch
        {
            CheckKind.RsoPeriodicNotification => NotificationKind.Periodic,
            CheckKind.WeeklyNotification => NotificationKind.Weekly,
            CheckKind.ReleaseNotification => NotificationKind.ReleaseFromCustody,
            CheckKind.InitialNotification => NotificationKind.Initial,
            CheckKind.SpoNotification => NotificationKind.SpoNameAndAddress,
            _ => NotificationKind.ReturnFromTravel,
        };
        db.OffenderNotifications.Add(new OffenderNotification
        {
            PersonId = check.PersonId, Kind = kind, NotifiedAt = at,
            EffectiveOn = kind is NotificationKind.Periodic or NotificationKind.Weekly ? on : check.OpensOn,
            Late = on > check.DueOn, Judgement = $"confirmed at a compliance check due {IsoDate.Format(check.DueOn)}",
            RecordedBy = caller.Subject, RecordedAt = clock.Now,
        });
        var management = await db.Managements.FirstOrDefaultAsync(m => m.Id == check.ManagementId, cancellationToken);
        if (management?.Notification is { } notification && NotificationRules.StartsNewYear(kind)) notification.LastNotifiedOn = on;
    }

    /// <summary>Checks whose source (order or management) is held by the officer, owned by the team, or about the person.</summary>
    private IQueryable<ComplianceCheck> Scoped(CheckScope scope)
    {
        var checks = db.ComplianceChecks.AsNoTracking();
        if (scope.PersonId is { } person) return checks.Where(c => c.PersonId == person);
        if (scope.OfficerId is { } officer)
            return checks.Where(c =>
                db.Managements.Any(m => m.Id == c.ManagementId && m.ResponsibleOfficerId == officer) ||
                db.Orders.Any(o => o.Id == c.OrderId && o.LeadOfficerId == officer));
        if (scope.TeamId is { } team)
            return checks.Where(c =>
                db.Managements.Any(m => m.Id == c.ManagementId && m.OwningTeamId == team) ||
                db.Orders.Any(o => o.Id == c.OrderId && o.OwningTeamId == team));
        throw new ValidationException("officer_id", "give one of officer_id, team_id or person_id");
    }

    private static async Task<(IReadOnlyList<ComplianceCheck>, string)> PageAsync(IQueryable<ComplianceCheck> checks, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        if (after is not null)
        {
            var (due, id) = ParseKey(after);
            checks = checks.Where(c => c.DueOn > due || (c.DueOn == due && c.Id.CompareTo(id) > 0));
        }
        var page = await checks.OrderBy(c => c.DueOn).ThenBy(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Key(page[pageSize - 1]) : "");
    }

    private static string Key(ComplianceCheck check) => Paging.Encode(IsoDate.Format(check.DueOn), check.Id.ToString());

    private static (DateOnly Due, Guid Id) ParseKey(string[] key) =>
        IsoDate.TryParse(key[0], out var due) && Guid.TryParse(key[1], out var id)
            ? (due, id)
            : throw new ValidationException("page_token", "is not a page token this list returned");

    /// <summary>
    /// A suspected breach's details: how it was found, then what was found. The source and the
    /// check's id say it too, so notes at the details' limit are kept whole without the words.
    /// </summary>
    internal static string FoundAtCheck(CheckKind kind, string notes)
    {
        var found = $"Found at a compliance check ({ComplianceEnums.KindWords[kind]})";
        if (notes.Length == 0) return found;
        var details = $"{found}: {notes}";
        return details.Length <= BreachRegister.MaxDetails ? details : notes;
    }
}
