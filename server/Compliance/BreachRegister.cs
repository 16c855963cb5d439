using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Compliance;

/// <summary>What is reported about a breach.</summary>
public sealed record BreachReport(
    Guid PersonId, Guid? OrderId, Guid? ConditionId, DateTimeOffset OccurredAt, double? Latitude, double? Longitude,
    string LocationText, BreachSource Source, Guid? CheckId, Guid? SightingId, string Details);

public sealed record BreachFilter(Guid? PersonId, Guid? OrderId, Guid? OfficerId, bool OpenOnly, int PageSize, string? PageToken);

/// <summary>
/// Breaches of orders (and of sex offender notification requirements): recorded as suspected,
/// with a task for whoever leads the order; then confirmed or not, and acted on, each move on
/// record with who made it.
/// </summary>
public sealed class BreachRegister(OffenderMgmtDb db, TaskBoard tasks, Caller caller, Areas.AreaIndexHolder areas, ForceClock clock)
{
    public const int MaxDetails = 20_000;

    public async Task<Breach> RecordAsync(BreachReport report, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var location = v.Optional("location_text", report.LocationText, 500);
        var details = v.Optional("details", report.Details, MaxDetails);
        v.Enum("source", report.Source);
        if (report.OccurredAt > clock.Now.AddMinutes(5)) v.Add("occurred_at", "must not be in the future");
        if (report.Latitude is { } lat && report.Longitude is { } lon) v.Coordinates("location", lat, lon);
        v.ThrowIfInvalid();

        if (!await db.People.AnyAsync(p => p.Id == report.PersonId, cancellationToken))
            throw new NotFoundException("person", report.PersonId.ToString(), "person_id");
        var occurredOn = DateOnly.FromDateTime(clock.ToLocal(report.OccurredAt).DateTime);
        Order? order = null;
        Condition? condition = null;
        if (report.OrderId is { } orderId)
        {
            order = await db.Orders.Include(o => o.Conditions).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                    ?? throw new NotFoundException("order", orderId.ToString(), "order_id");
            if (order.PersonId != report.PersonId) throw new ValidationException("order_id", "is not an order on this person");
            if (order.ServedAt is null)
                throw new RuleViolationException("ORDER_NOT_SERVED", "This order has not been served, so it cannot yet be breached. Serve it first.");
            if (report.OccurredAt < order.ServedAt)
                throw new RuleViolationException("ORDER_NOT_IN_FORCE", $"The order was only served on {clock.ToLocal(order.ServedAt.Value):yyyy-MM-dd HH:mm}, after the reported time.");
            if (order.StartsOn > occurredOn || (order.EndsOn is { } ends && occurredOn > ends) ||
                (order.DischargedOn is { } discharged && occurredOn >= discharged))
                throw new RuleViolationException("ORDER_NOT_IN_FORCE", $"The order was not in force on {occurredOn:yyyy-MM-dd}.");
            if (report.ConditionId is { } conditionId)
            {
                condition = order.Conditions.FirstOrDefault(c => c.Id == conditionId)
                            ?? throw new ValidationException("condition_id", "is not a condition of this order");
                if (condition.AddedOn > occurredOn || (condition.RemovedOn is { } removed && occurredOn >= removed))
                    throw new RuleViolationException("CONDITION_NOT_IN_FORCE", $"That condition was not in force on {occurredOn:yyyy-MM-dd}.");
            }
        }
        else if (report.ConditionId is not null)
            throw new ValidationException("order_id", "is required with condition_id");

        Management? registration = null;
        if (order is null)
        {
            // Without an order, the only thing to breach is the sex offender register's notification requirements.
            registration = await db.Managements.FirstOrDefaultAsync(m => m.PersonId == report.PersonId && m.Status == ManagementStatus.Active &&
                                                                         m.Register == Register.RegisteredSexOffender, cancellationToken)
                           ?? throw new ValidationException("order_id", "is required: say which order was breached (only a registered sex offender can breach notification requirements without one)");
        }

        var breach = new Breach
        {
            PersonId = report.PersonId,
            OrderId = order?.Id,
            ConditionId = condition?.Id,
            OccurredAt = report.OccurredAt,
            Latitude = report.Latitude,
            Longitude = report.Longitude,
            Location = location,
            Source = report.Source,
            CheckId = report.CheckId,
            SightingId = report.SightingId,
            Details = details,
            RecordedBy = caller.Subject,
            RecordedByOfficerId = caller.OfficerId,
            RecordedAt = clock.Now,
        };
        breach.History.Add(new BreachStatusChange { At = clock.Now, ToStatus = BreachStatus.Suspected, ChangedBy = caller.Subject, Note = "reported" });
        db.Breaches.Add(breach);

        var what = order is not null ? $"{OrderTypeRules.For(order.Type).ShortName}{(condition is null ? "" : $": {condition.Wording.TrimEnd('.')}")}" : "notification requirements";
        await tasks.RaiseAsync(new TaskRequest(
            TaskKind.SuspectedBreach, $"Suspected breach of {what}",
            $"Reported {clock.ToLocal(report.OccurredAt):yyyy-MM-dd HH:mm}{(location.Length > 0 ? $" at {location}" : "")} ({ComplianceEnums.SourceWords[report.Source]}). Confirm or rule out, and record any action.",
            order?.LeadOfficerId ?? registration?.ResponsibleOfficerId,
            order?.LeadOfficerId is null && registration?.ResponsibleOfficerId is null ? order?.OwningTeamId ?? registration!.OwningTeamId : null,
            clock.Today.AddDays(1), $"breach:{breach.Id}",
            PersonId: report.PersonId, OrderId: order?.Id, BreachId: breach.Id, CheckId: report.CheckId), cancellationToken);
        // Officers watching where it happened (or where the person lives) hear of it at once.
        var area = report.Latitude is { } at && report.Longitude is { } on ? areas.Current.Classify(at, on)?.Code : null;
        area ??= await db.People.Where(p => p.Id == report.PersonId).Select(p => p.Address!.AreaCode).FirstOrDefaultAsync(cancellationToken);
        Alerts.AlertFeed.Raise(db, clock, Alerts.AlertKind.SuspectedBreach, [area], report.PersonId, order?.LeadOfficerId ?? registration?.ResponsibleOfficerId,
            order?.Id, breach.Id, $"Suspected breach of {what}{(location.Length > 0 ? $" at {location}" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return breach;
    }

    public async Task<Breach> UpdateAsync(Guid id, long expectedVersion, BreachStatus status, BreachAction? action, string note, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Enum("status", status);
        var text = v.Optional("note", note, 2000);
        if (action is { } a) v.Enum("action", a);
        if (status != BreachStatus.ActionTaken && action is not null) v.Add("action", "is only for status ACTION_TAKEN");
        v.ThrowIfInvalid();
        var breach = await GetAsync(id, cancellationToken);
        if (breach.Version != expectedVersion) throw new StaleVersionException("breach", id.ToString(), expectedVersion, breach.Version);
        breach.MoveTo(status, action, caller.Subject, text, clock.Now);
        if (!breach.IsOpen)
        {
            var task = await db.Tasks.FirstOrDefaultAsync(t => t.SourceKey == $"breach:{breach.Id}" && t.Status == WorkTaskStatus.Open, cancellationToken);
            if (task is not null)
            {
                task.Status = WorkTaskStatus.Done;
                task.ClosedAt = clock.Now;
                task.ClosedBy = caller.Subject;
            }
        }
        db.Entry(breach).Property(b => b.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return breach;
    }

    public async Task<Breach> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Breaches.Include(b => b.History).FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
        ?? throw new NotFoundException("breach", id.ToString(), "id");

    public async Task<(IReadOnlyList<Breach> Breaches, string Next)> ListAsync(BreachFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(filter.PageSize);
        var after = Paging.Decode(filter.PageToken, 1);
        var breaches = db.Breaches.AsNoTracking().Include(b => b.History).AsQueryable();
        if (filter.PersonId is { } person) breaches = breaches.Where(b => b.PersonId == person);
        if (filter.OrderId is { } order) breaches = breaches.Where(b => b.OrderId == order);
        if (filter.OfficerId is { } officer)
            breaches = breaches.Where(b => db.Orders.Any(o => o.Id == b.OrderId && o.LeadOfficerId == officer) ||
                                           (b.OrderId == null && db.Managements.Any(m => m.PersonId == b.PersonId && m.ResponsibleOfficerId == officer && m.Register == Register.RegisteredSexOffender)));
        if (filter.OpenOnly) breaches = breaches.Where(b => b.Status == BreachStatus.Suspected || b.Status == BreachStatus.Confirmed);
        if (after is not null)
        {
            var last = Guid.TryParse(after[0], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            breaches = breaches.Where(b => b.Id.CompareTo(last) < 0);
        }
        var page = await breaches.OrderByDescending(b => b.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }
}
