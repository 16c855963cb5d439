using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Orders;

public sealed record NewOrder(
    Guid PersonId, OrderType Type, string Court, string CaseReference, DateOnly MadeOn, DateOnly? StartsOn, DateOnly? EndsOn,
    Guid? LeadOfficerId, Guid? OwningTeamId, IReadOnlyList<Condition> Conditions, string VictimDetails, string? SourceRequestId);

public sealed record OrderVariationRequest(
    DateOnly VariedOn, string Court, IReadOnlyList<Condition> Added, IReadOnlyList<(Guid Id, Condition Replacement)> Changed,
    IReadOnlyList<Guid> Removed, DateOnly? NewEndsOn, bool EndDateChanged, string Summary);

public sealed record OrderFilter(Guid? PersonId, Guid? LeadOfficerId, OrderType? Type, OrderStatus? Status, int PageSize, string? PageToken, string? RecordedBy = null);

/// <summary>
/// The life of an order: made, served (from then enforceable and its conditions checked),
/// varied (kept as history), discharged or expired. Every change leaves the order as it was if
/// any part of it is refused.
/// </summary>
public sealed class OrderBook(OffenderMgmtDb db, CheckPlanner checks, Tasks.TaskBoard tasks, AreaIndexHolder areas, Security.Caller caller, ForceClock clock)
{
    public async Task<Order> CreateAsync(NewOrder request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var ageWhenMade = await AgeOnAsync(request.PersonId, request.MadeOn, cancellationToken);
        var v = new Validator();
        v.Enum("type", request.Type);
        var court = v.Required("court", request.Court, 200);
        var caseReference = v.Optional("case_reference", request.CaseReference, 100);
        v.Optional("victim_details", request.VictimDetails, 20_000);
        if (request.MadeOn > today) v.Add("made_on", "must not be in the future");
        var starts = request.StartsOn ?? request.MadeOn;
        if (starts < request.MadeOn) v.Add("starts_on", "must not be before the order was made");
        if (request.EndsOn is { } ends && ends < starts) v.Add("ends_on", "must not be before the order starts");
        else if (Enum.IsDefined(request.Type) && request.Type != 0 && OrderTypeRules.DurationProblem(request.Type, starts, request.EndsOn, ageWhenMade) is { } problem)
            v.Add("ends_on", problem);
        if (request.LeadOfficerId is null && request.OwningTeamId is null)
            v.Add("lead_officer_id", "give a lead officer, or the team whose queue holds the order (owning_team_id)");
        v.ThrowIfInvalid();

        if (!await db.People.AnyAsync(p => p.Id == request.PersonId, cancellationToken))
            throw new NotFoundException("person", request.PersonId.ToString(), "person_id");
        await EnsureAssociatesExistAsync(request.Conditions, "conditions", cancellationToken);
        var (lead, team) = await OwnerAsync(request.LeadOfficerId, request.OwningTeamId, cancellationToken);

        var order = new Order
        {
            PersonId = request.PersonId,
            Type = request.Type,
            Court = court,
            CaseReference = caseReference,
            MadeOn = request.MadeOn,
            StartsOn = starts,
            EndsOn = request.EndsOn,
            LeadOfficerId = lead?.Id,
            OwningTeamId = team,
            VictimDetails = request.VictimDetails.Trim(),
            SourceRequestId = request.SourceRequestId,
            RecordedBy = caller.Subject,
            CreatedAt = clock.Now,
        };
        foreach (var condition in request.Conditions) AddCondition(order, condition);
        order.Assignments.Add(new OrderAssignment
        {
            OfficerId = lead?.Id, TeamId = team, From = clock.Now, Reason = Caseload.AssignmentReason.InitialAllocation, AssignedBy = caller.Subject,
        });
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    public async Task<Order> GetAsync(Guid id, CancellationToken cancellationToken, string field = "id") =>
        await db.Orders.Include(o => o.Conditions).ThenInclude(c => ((ExclusionZoneCondition)c).Areas)
            .Include(o => o.Variations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException("order", id.ToString(), field);

    public async Task<(IReadOnlyList<Order> Orders, string NextPageToken)> ListAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(filter.PageSize);
        var after = Paging.Decode(filter.PageToken, 1);
        var orders = db.Orders.AsNoTracking()
            .Include(o => o.Conditions).ThenInclude(c => ((ExclusionZoneCondition)c).Areas)
            .Include(o => o.Variations)
            .AsSplitQuery();
        if (filter.PersonId is { } person) orders = orders.Where(o => o.PersonId == person);
        if (filter.LeadOfficerId is { } lead) orders = orders.Where(o => o.LeadOfficerId == lead);
        if (filter.Type is { } type) orders = orders.Where(o => o.Type == type);
        if (filter.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (filter.RecordedBy is { } recordedBy) orders = orders.Where(o => o.RecordedBy == recordedBy);
        if (after is not null)
        {
            var last = Guid.TryParse(after[0], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            orders = orders.Where(o => o.Id.CompareTo(last) > 0);
        }
        var page = await orders.OrderBy(o => o.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "";
        return (page.Take(pageSize).ToList(), next);
    }

    /// <summary>Records service; from now the order is enforceable (from its start date) and its conditions are checked.</summary>
    public async Task<Order> ServeAsync(Guid id, DateTimeOffset servedAt, string where, Guid servedBy, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var place = v.Required("served_where", where, 500);
        if (servedAt > clock.Now.AddMinutes(5)) v.Add("served_at", "must not be in the future");
        v.ThrowIfInvalid();
        var order = await GetAsync(id, cancellationToken);
        if (order.Status != OrderStatus.MadeNotServed)
            throw new RuleViolationException("ALREADY_SERVED", order.ServedAt is { } at
                ? $"This order was already served on {clock.ToLocal(at):yyyy-MM-dd HH:mm}."
                : $"This order is {OrderStatusWords.Of(order.Status)} and cannot be served.");
        var servedOn = DateOnly.FromDateTime(clock.ToLocal(servedAt).DateTime);
        if (servedOn < order.MadeOn) throw new ValidationException("served_at", "must not be before the order was made");
        if (!await db.Officers.AnyAsync(o => o.Id == servedBy, cancellationToken))
            throw new NotFoundException("officer", servedBy.ToString(), "served_by_officer_id");

        order.Status = OrderStatus.Active;
        order.ServedAt = servedAt;
        order.ServedWhere = place;
        order.ServedByOfficerId = servedBy;
        await checks.PlanForOrderAsync(order, Max(servedOn, order.StartsOn), cancellationToken);
        await RaiseYouthCboReviewsAsync(order, cancellationToken);
        if (NotificationDuty(order.Type)) await checks.SyncNotificationChecksAsync(order.PersonId, null, cancellationToken);
        // Local officers of the person's beat, and of every beat their zones touch, hear of it.
        var home = await db.People.Where(p => p.Id == order.PersonId).Select(p => p.Address!.AreaCode).FirstOrDefaultAsync(cancellationToken);
        var zoneAreas = order.Conditions.OfType<ExclusionZoneCondition>().Where(z => z.IsInForce).SelectMany(z => z.Areas.Select(a => a.AreaCode));
        Alerts.AlertFeed.Raise(db, clock, Alerts.AlertKind.OrderServed, zoneAreas.Prepend(home), order.PersonId, order.LeadOfficerId, order.Id, null,
            $"{OrderTypeRules.For(order.Type).ShortName} served{(order.Conditions.OfType<ExclusionZoneCondition>().Any() ? ": exclusion zones " + string.Join(", ", order.Conditions.OfType<ExclusionZoneCondition>().Select(z => z.ZoneName)) : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    /// <summary>Applies a court's variation made from <paramref name="expectedVersion"/>, rescheduling the checks it affects.</summary>
    public async Task<Order> VaryAsync(Guid id, long expectedVersion, OrderVariationRequest variation, CancellationToken cancellationToken)
    {
        var order = await GetAsync(id, cancellationToken);
        if (order.Version != expectedVersion) throw new StaleVersionException("order", id.ToString(), expectedVersion, order.Version);
        if (order.Status is OrderStatus.Discharged or OrderStatus.Expired)
            throw new RuleViolationException("ORDER_ENDED", $"This order has {(order.Status == OrderStatus.Expired ? "expired" : "been discharged")}; it cannot be varied.");

        var v = new Validator();
        var court = v.Optional("court", variation.Court, 200);
        var summary = v.Optional("summary", variation.Summary, 4000);
        if (variation.VariedOn > clock.Today) v.Add("varied_on", "must not be in the future");
        if (variation.VariedOn < order.MadeOn) v.Add("varied_on", "must not be before the order was made");
        if (variation.Added.Count + variation.Changed.Count + variation.Removed.Count == 0 && !variation.EndDateChanged)
            v.Add("add_conditions", "a variation must add, change or remove a condition, or change the end date");
        var inForce = order.Conditions.Where(c => c.IsInForce).ToDictionary(c => c.Id);
        for (var i = 0; i < variation.Changed.Count; i++)
            if (!inForce.ContainsKey(variation.Changed[i].Id)) v.Add($"change_conditions[{i}].id", "is not a condition in force on this order");
        for (var i = 0; i < variation.Removed.Count; i++)
            if (!inForce.ContainsKey(variation.Removed[i])) v.Add($"remove_condition_ids[{i}]", "is not a condition in force on this order");
        if (variation.Removed.Intersect(variation.Changed.Select(c => c.Id)).Any())
            v.Add("remove_condition_ids", "a condition cannot be both changed and removed");
        var ends = variation.EndDateChanged ? variation.NewEndsOn : order.EndsOn;
        if (variation.EndDateChanged)
        {
            if (ends is { } e && e < order.StartsOn) v.Add("new_ends_on", "must not be before the order starts");
            else if (OrderTypeRules.DurationProblem(order.Type, order.StartsOn, ends, await AgeOnAsync(order.PersonId, order.MadeOn, cancellationToken)) is { } problem)
                v.Add("new_ends_on", problem);
        }
        v.ThrowIfInvalid();
        await EnsureAssociatesExistAsync(variation.Added.Concat(variation.Changed.Select(c => c.Replacement)).ToList(), "add_conditions", cancellationToken);

        var changes = new List<string>();
        foreach (var removedId in variation.Removed)
        {
            inForce[removedId].RemovedOn = variation.VariedOn;
            changes.Add($"removed: {inForce[removedId].Wording}");
            await checks.CancelOpenAsync(c => c.ConditionId == removedId, "condition removed by variation", cancellationToken);
        }
        foreach (var (changedId, replacement) in variation.Changed)
        {
            // The old wording stays on record as removed; the new one replaces it.
            inForce[changedId].RemovedOn = variation.VariedOn;
            replacement.AddedOn = variation.VariedOn;
            AddCondition(order, replacement);
            changes.Add($"changed: {inForce[changedId].Wording} → {replacement.Wording}");
            await checks.CancelOpenAsync(c => c.ConditionId == changedId, "condition changed by variation", cancellationToken);
        }
        foreach (var added in variation.Added)
        {
            added.AddedOn = variation.VariedOn;
            AddCondition(order, added);
            changes.Add($"added: {added.Wording}");
        }
        if (variation.EndDateChanged && ends != order.EndsOn)
        {
            changes.Add($"end date: {Describe(order.EndsOn)} → {Describe(ends)}");
            order.EndsOn = ends;
        }
        order.Variations.Add(new OrderVariation
        {
            VariedOn = variation.VariedOn, Court = court, RecordedAt = clock.Now, RecordedBy = caller.Subject,
            Summary = string.Join("; ", changes) + (summary.Length > 0 ? $". {summary}" : ""),
        });
        if (order.Status == OrderStatus.Active) order.Status = OrderStatus.Varied;
        db.Touch(order);
        if (order.ServedAt is { } served)
        {
            await checks.PlanForOrderAsync(order, Max(variation.VariedOn, DateOnly.FromDateTime(clock.ToLocal(served).DateTime)), cancellationToken);
            if (variation.EndDateChanged && NotificationDuty(order.Type)) await checks.SyncNotificationChecksAsync(order.PersonId, null, cancellationToken);
        }
        db.Entry(order).Property(o => o.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    public async Task<Order> DischargeAsync(Guid id, long expectedVersion, DateOnly dischargedOn, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var why = v.Required("reason", reason, 2000);
        if (dischargedOn > clock.Today) v.Add("discharged_on", "must not be in the future");
        v.ThrowIfInvalid();
        var order = await GetAsync(id, cancellationToken);
        if (order.Version != expectedVersion) throw new StaleVersionException("order", id.ToString(), expectedVersion, order.Version);
        if (order.Status is OrderStatus.Discharged or OrderStatus.Expired)
            throw new RuleViolationException("ORDER_ENDED", $"This order has already {(order.Status == OrderStatus.Expired ? "expired" : "been discharged")}.");
        if (dischargedOn < order.MadeOn) throw new ValidationException("discharged_on", "must not be before the order was made");
        order.Status = OrderStatus.Discharged;
        order.DischargedOn = dischargedOn;
        order.DischargeReason = why;
        await checks.CancelOpenAsync(c => c.OrderId == order.Id, "order discharged", cancellationToken);
        await CancelOrderTasksAsync(order.Id, cancellationToken);
        if (NotificationDuty(order.Type)) await checks.SyncNotificationChecksAsync(order.PersonId, null, cancellationToken);
        db.Entry(order).Property(o => o.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    /// <summary>Orders whose end date has passed expire, and their open checks are withdrawn. Returns the orders expired.</summary>
    public async Task<IReadOnlyList<Guid>> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var due = await db.Orders
            .Where(o => o.EndsOn != null && o.EndsOn < today &&
                        (o.Status == OrderStatus.Active || o.Status == OrderStatus.Varied || o.Status == OrderStatus.MadeNotServed))
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.Status = OrderStatus.Expired;
            await checks.CancelOpenAsync(c => c.OrderId == order.Id, "order expired", cancellationToken);
            await CancelOrderTasksAsync(order.Id, cancellationToken);
            if (NotificationDuty(order.Type)) await checks.SyncNotificationChecksAsync(order.PersonId, null, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Select(o => o.Id).ToList();
    }

    /// <summary>Adds a condition, deciding which areas an exclusion zone touches as it is written.</summary>
    private void AddCondition(Order order, Condition condition)
    {
        condition.OrderId = order.Id;
        if (condition is ExclusionZoneCondition zone)
            zone.Areas = areas.Current.Touching(ZoneGeometry.Of(zone).Outline)
                .Select(code => new ExclusionZoneArea { ConditionId = zone.Id, AreaCode = code })
                .ToList();
        order.Conditions.Add(condition);
    }

    private async Task EnsureAssociatesExistAsync(IReadOnlyList<Condition> conditions, string field, CancellationToken cancellationToken)
    {
        var ids = conditions.OfType<NonAssociationCondition>().SelectMany(c => c.Associates).Select(a => a.PersonId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return;
        var known = await db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var missing = ids.Except(known).FirstOrDefault();
        if (missing != Guid.Empty)
            throw new NotFoundException("person", missing.ToString(), $"{field}[].non_association.associates[].person_id");
    }

    private async Task<(Officer? Lead, Guid Team)> OwnerAsync(Guid? leadId, Guid? teamId, CancellationToken cancellationToken)
    {
        Officer? lead = null;
        if (leadId is { } id)
        {
            lead = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                   ?? throw new NotFoundException("officer", id.ToString(), "lead_officer_id");
            if (!lead.IsInPostOn(clock.Today))
                throw new RuleViolationException("OUT_OF_POST", $"{lead.DisplayName} is not in post; give the order to an officer in post or to the team's queue.");
        }
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
            throw new NotFoundException("team", team.ToString(), "owning_team_id");
        return (lead, teamId ?? lead!.TeamId);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>SHPOs and SPOs carry notification duties (Sentencing Act 2020 s.348; Stalking Protection Act 2019 s.9).</summary>
    private static bool NotificationDuty(OrderType type) => type is OrderType.SexualHarmPreventionOrder or OrderType.StalkingProtectionOrder;

    private async Task<int?> AgeOnAsync(Guid personId, DateOnly on, CancellationToken cancellationToken)
    {
        var born = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).FirstOrDefaultAsync(cancellationToken);
        return born is { } dob ? new People.Person { DateOfBirth = dob }.AgeOn(on) : null;
    }

    /// <summary>A CBO on someone under 18 is reviewed every 12 months (ASBCPA 2014 s.28; Sentencing Act 2020 s.337): a task for each review.</summary>
    private async Task RaiseYouthCboReviewsAsync(Order order, CancellationToken cancellationToken)
    {
        if (order.Type != OrderType.CriminalBehaviourOrder) return;
        var born = await db.People.Where(p => p.Id == order.PersonId).Select(p => p.DateOfBirth).FirstOrDefaultAsync(cancellationToken);
        if (born is not { } dob) return;
        foreach (var reviewBy in OrderTypeRules.YouthCboReviewsBy(order.StartsOn, order.EndsOn, dob))
            await tasks.RaiseAsync(new Tasks.TaskRequest(Tasks.TaskKind.ReviewDue, "Review the youth CBO",
                $"The CBO was made on someone under 18: review its operation (compliance, support, whether to vary or discharge) by {IsoDate.Format(reviewBy)} (ASBCPA 2014 s.28).",
                order.LeadOfficerId, order.LeadOfficerId is null ? order.OwningTeamId : null, reviewBy,
                $"cbo-review:{order.Id}:{IsoDate.Format(reviewBy)}", PersonId: order.PersonId, OrderId: order.Id), cancellationToken);
    }

    private async Task CancelOrderTasksAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var open = await db.Tasks.Where(t => t.OrderId == orderId && t.Kind == Tasks.TaskKind.ReviewDue && t.Status == Tasks.WorkTaskStatus.Open).ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.Status = Tasks.WorkTaskStatus.Cancelled;
            task.ClosedAt = clock.Now;
            task.ClosedBy = caller.Subject;
        }
    }

    private static string Describe(DateOnly? endsOn) => endsOn is { } date ? IsoDate.Format(date) : "until further order";
}
