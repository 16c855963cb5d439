using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Caseload;

/// <summary>What the next holder of a case or order needs to know first.</summary>
public sealed record HandoverSummary(
    int OpenChecks, ComplianceCheck? NextCheck, int OverdueChecks, int OpenBreaches, DateOnly? PendingRelease, ContactNote? LastContact);

/// <summary>A case or order in a team's orphaned queue (or just moved).</summary>
public sealed record OrphanedWork(
    string Kind, Guid Id, Person Person, string Description, RiskLevel Risk, Officer? PreviousOfficer, DateTimeOffset Since,
    HandoverSummary Handover, Guid TeamId, bool NeedsAccreditation);

public sealed record OwnerSuggestion(
    Officer Officer, string TeamName, double Utilisation, double UtilisationAfter, bool Accredited, bool SameArea, string? WhyNot);

/// <summary>
/// No case or order is ever without an owner. When an officer leaves (or moves team), every
/// case and order they hold goes at once to their team's orphaned queue with a handover
/// summary; the queue owns it until a supervisor reallocates it to someone who may hold it.
/// </summary>
public sealed class Continuity(
    OffenderMgmtDb db, TaskBoard tasks, WorkloadService workloads, Caller caller, ForceClock clock, Areas.AreaIndexHolder areas)
{
    public async Task<IReadOnlyList<OrphanedWork>> OfficerLeavesAsync(Guid officerId, DateOnly leftOn, Guid? movedToTeam, string note, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Optional("note", note, 2000);
        if (leftOn > clock.Today.AddDays(60)) v.Add("left_on", "must be within the next 60 days");
        v.ThrowIfInvalid();
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken)
                      ?? throw new NotFoundException("officer", officerId.ToString(), "officer_id");
        var team = officer.TeamId;
        if (movedToTeam is { } newTeam)
        {
            if (newTeam == team) throw new ValidationException("moved_to_team_id", "is the team the officer is already in");
            if (!await db.Teams.AnyAsync(t => t.Id == newTeam, cancellationToken)) throw new NotFoundException("team", newTeam.ToString(), "moved_to_team_id");
            officer.TeamId = newTeam;
        }
        else
        {
            if (officer.InPostTo is { } already && already < leftOn && !await HoldsAnythingAsync(officerId, cancellationToken))
                throw new RuleViolationException("ALREADY_LEFT", $"{officer.DisplayName} left post on {already:yyyy-MM-dd} and holds nothing.");
            officer.InPostTo = officer.InPostTo is { } earlier && earlier < leftOn ? earlier : leftOn;
        }

        var now = clock.Now;
        var why = movedToTeam is null ? $"{officer.DisplayName} left post" : $"{officer.DisplayName} moved team";
        var cases = await db.Managements.Include(m => m.Assignments)
            .Where(m => m.ResponsibleOfficerId == officerId && m.Status == ManagementStatus.Active).ToListAsync(cancellationToken);
        foreach (var management in cases)
        {
            Hand(management.Assignments, null, management.OwningTeamId, AssignmentReason.OfficerLeft, text, now);
            management.ResponsibleOfficerId = null;
            await tasks.RaiseAsync(new TaskRequest(TaskKind.OrphanedCase, "Orphaned case: reallocate", $"{why}; the case waits in the team's queue.",
                null, management.OwningTeamId, clock.Today.AddDays(7), $"orphan:case:{management.Id}:{now.UtcTicks}", PersonId: management.PersonId, ManagementId: management.Id), cancellationToken);
        }
        var orders = await db.Orders.Include(o => o.Assignments)
            .Where(o => o.LeadOfficerId == officerId && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            CloseOrderSpell(order, now);
            order.Assignments.Add(new OrderAssignment { OfficerId = null, TeamId = order.OwningTeamId, From = now, Reason = AssignmentReason.OfficerLeft, Note = text, AssignedBy = caller.Subject });
            order.LeadOfficerId = null;
            await tasks.RaiseAsync(new TaskRequest(TaskKind.OrphanedOrder, $"Orphaned {OrderTypeRules.For(order.Type).ShortName}: give it a lead officer", $"{why}; the order waits in the team's queue.",
                null, order.OwningTeamId, clock.Today.AddDays(7), $"orphan:order:{order.Id}:{now.UtcTicks}", PersonId: order.PersonId, OrderId: order.Id), cancellationToken);
        }
        // Their open tasks go to the queue with the work.
        foreach (var task in await db.Tasks.Where(t => t.AssignedOfficerId == officerId && t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken))
        {
            task.AssignedOfficerId = null;
            task.AssignedTeamId = team;
        }
        await db.SaveChangesAsync(cancellationToken);
        var byId = cases.Select(c => ("case", c.Id)).Concat(orders.Select(o => ("order", o.Id))).ToHashSet();
        return (await OrphanedAsync(team, cancellationToken)).Where(w => byId.Contains((w.Kind, w.Id))).ToList();
    }

    /// <summary>Everything in a team's orphaned queue, oldest first.</summary>
    public async Task<IReadOnlyList<OrphanedWork>> OrphanedAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var cases = await db.Managements.AsNoTracking().Include(m => m.Assignments)
            .Where(m => m.OwningTeamId == teamId && m.ResponsibleOfficerId == null && m.Status == ManagementStatus.Active).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Assignments)
            .Where(o => o.OwningTeamId == teamId && o.LeadOfficerId == null && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired)
            .ToListAsync(cancellationToken);
        var personIds = cases.Select(c => c.PersonId).Concat(orders.Select(o => o.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var previousIds = cases.SelectMany(c => c.Assignments).Concat<object>(orders.SelectMany(o => o.Assignments)).Select(a => a switch
        {
            ManagementAssignment m => m.OfficerId,
            OrderAssignment o => o.OfficerId,
            _ => null,
        }).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => previousIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var handovers = await HandoversAsync(personIds, cancellationToken);

        var work = cases.Select(m =>
        {
            var spells = m.Assignments.OrderBy(a => a.From).ToList();
            var previous = spells.LastOrDefault(a => a.OfficerId is not null)?.OfficerId is { } p ? officers.GetValueOrDefault(p) : null;
            return new OrphanedWork("case", m.Id, people[m.PersonId], Describe(m), m.RiskLevel, previous,
                WaitingSince(spells.LastOrDefault()?.From ?? m.CreatedAt, previous), handovers[m.PersonId], m.OwningTeamId, m.Scheme == Scheme.Vsomt);
        }).Concat(orders.Select(o =>
        {
            var spells = o.Assignments.OrderBy(a => a.From).ToList();
            var previous = spells.LastOrDefault(a => a.OfficerId is not null)?.OfficerId is { } p ? officers.GetValueOrDefault(p) : null;
            return new OrphanedWork("order", o.Id, people[o.PersonId], OrderTypeRules.For(o.Type).ShortName, RiskLevel.Unspecified,
                previous, WaitingSince(spells.LastOrDefault()?.From ?? o.CreatedAt, previous), handovers[o.PersonId], o.OwningTeamId, false);
        }));
        return work.OrderBy(w => w.Since).ThenBy(w => w.Person.SortName).ThenBy(w => w.Id).ToList();
    }

    /// <summary>
    /// Since when the work has had nobody to do it: the day after its officer left post when that
    /// was before it reached the queue (work recorded into the queue today for an officer who left
    /// three weeks ago has waited three weeks, not "today"), else when it reached the queue.
    /// </summary>
    private DateTimeOffset WaitingSince(DateTimeOffset queued, Officer? previous) =>
        previous?.InPostTo is { } left && clock.ToInstant(left.AddDays(1), TimeOnly.MinValue) is var gone && gone < queued ? gone : queued;

    /// <summary>
    /// The work that moves with these items: a case brings the person's live orders that the
    /// case's holder leads (or, for a case in the queue, the orders waiting in the same team's
    /// queue), so a person and their order are never split between two officers by a move.
    /// </summary>
    public async Task<(List<Guid> Cases, List<Guid> Orders)> MovingWithAsync(IReadOnlyList<(string Kind, Guid Id)> items, CancellationToken cancellationToken)
    {
        var caseIds = items.Where(i => i.Kind == "case").Select(i => i.Id).Distinct().ToList();
        var orderIds = items.Where(i => i.Kind == "order").Select(i => i.Id).ToHashSet();
        var cases = await db.Managements.AsNoTracking().Where(m => caseIds.Contains(m.Id))
            .Select(m => new { m.PersonId, m.ResponsibleOfficerId, m.OwningTeamId }).ToListAsync(cancellationToken);
        foreach (var c in cases)
            orderIds.UnionWith(await CompanionOrders(c.PersonId, c.ResponsibleOfficerId, c.OwningTeamId).Select(o => o.Id).ToListAsync(cancellationToken));
        return (caseIds, orderIds.ToList());
    }

    private IQueryable<Order> CompanionOrders(Guid personId, Guid? holder, Guid team) =>
        db.Orders.Where(o => o.PersonId == personId && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired &&
                             (holder == null ? o.LeadOfficerId == null && o.OwningTeamId == team : o.LeadOfficerId == holder));

    /// <summary>
    /// Who could take the work: eligible first, then from the same area, then the least loaded
    /// after the move. An officer who may hold it but would be over capacity with it (over 100%
    /// of their points) is shown, with their load after the move, and is not eligible: the
    /// suggestion exists to ease overload, not to move it to someone else.
    /// </summary>
    public async Task<IReadOnlyList<OwnerSuggestion>> SuggestAsync(IReadOnlyList<(string Kind, Guid Id)> items, int limit, CancellationToken cancellationToken)
    {
        if (items.Count == 0) throw new ValidationException("items", "name at least one case or order");
        var schemes = new List<Scheme>();
        Guid personId = default, teamId = default;
        var holders = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var (person, team, scheme) = await WorkAsync(items[i].Kind, items[i].Id, items.Count == 1 ? "id" : $"items[{i}].id", cancellationToken);
            if (i == 0) (personId, teamId) = (person, team);
            if (scheme is { } s && items[i].Kind == "case") schemes.Add(s);
        }
        var (caseIds, orderIds) = await MovingWithAsync(items, cancellationToken);
        holders.UnionWith(await db.Managements.Where(m => caseIds.Contains(m.Id) && m.ResponsibleOfficerId != null).Select(m => m.ResponsibleOfficerId!.Value).ToListAsync(cancellationToken));
        holders.UnionWith(await db.Orders.Where(o => orderIds.Contains(o.Id) && o.LeadOfficerId != null).Select(o => o.LeadOfficerId!.Value).ToListAsync(cancellationToken));
        var adding = await workloads.PointsOfAsync(caseIds, orderIds, cancellationToken);

        var today = clock.Today;
        var candidates = await db.Officers.AsNoTracking()
            .Where(o => o.TeamId == teamId && (o.Role == OfficerRole.OffenderManager || o.Role == OfficerRole.SeniorInvestigatingOfficer))
            .ToListAsync(cancellationToken);
        var teamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstAsync(cancellationToken);
        var home = await db.People.Where(p => p.Id == personId).Select(p => p.Address!.AreaCode).FirstOrDefaultAsync(cancellationToken);
        var district = home is null ? null : areas.Current.Find(home)?.DistrictCode;

        var suggestions = new List<OwnerSuggestion>();
        foreach (var officer in candidates)
        {
            var why = holders.Contains(officer.Id) ? $"{officer.DisplayName} holds this work now."
                : schemes.Count == 0 ? AssignmentRules.WhyNot(officer, null, today)
                : schemes.Select(s => AssignmentRules.WhyNot(officer, s, today)).FirstOrDefault(w => w is not null);
            double now = 0, after = 0;
            if (why is null)
            {
                var figure = (await workloads.ForOfficerAsync(officer.Id, today, 0, cancellationToken)).Today;
                now = figure.Utilisation;
                after = figure.CapacityPoints <= 0 ? double.PositiveInfinity : Math.Round(100 * (figure.Points + adding) / figure.CapacityPoints, 1);
                why = AssignmentRules.WhyNotWithin(officer, after);
            }
            var sameArea = district is not null && await SameAreaAsync(officer.Id, district, cancellationToken);
            suggestions.Add(new OwnerSuggestion(officer, teamName, now, after, officer.Accreditations.HasFlag(Accreditations.ViolentAndSexualOffenders), sameArea, why));
        }
        return suggestions
            .OrderBy(s => s.WhyNot is null ? 0 : 1).ThenByDescending(s => s.SameArea).ThenBy(s => s.UtilisationAfter).ThenBy(s => s.Officer.CollarNumber)
            .Take(limit is > 0 and <= 50 ? limit : 10).ToList();
    }

    /// <summary>
    /// Gives the work to an officer, all or nothing: if any item is refused (unknown, not
    /// accredited, out of post), nothing moves.
    /// </summary>
    public async Task<IReadOnlyList<OrphanedWork>> ReallocateAsync(IReadOnlyList<(string Kind, Guid Id)> items, Guid officerId, AssignmentReason reason, string note, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Optional("note", note, 2000);
        v.Enum("reason", reason);
        if (items.Count == 0) v.Add("items", "name at least one case or order");
        v.Count("items", items.Count, RequestLimits.ReallocationItems);
        v.ThrowIfInvalid();
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken)
                      ?? throw new NotFoundException("officer", officerId.ToString(), "officer_id");
        var today = clock.Today;
        var now = clock.Now;
        var moved = new List<(string Kind, Guid Id)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (kind, id) = items[i];
            // Already moved with its person's case, earlier in this request.
            if (moved.Contains((kind, id))) continue;
            try
            {
                if (kind == "case")
                {
                    var management = await db.Managements.Include(m => m.Assignments).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                                     ?? throw new NotFoundException("case", id.ToString(), $"items[{i}].id");
                    if (!management.IsActive) throw new RuleViolationException("MANAGEMENT_ENDED", "This case has ended.");
                    if (management.ResponsibleOfficerId == officerId) throw new RuleViolationException("ALREADY_HELD", $"{officer.DisplayName} already holds this case.");
                    AssignmentRules.EnsureMayHoldCase(officer, management.Scheme, today);
                    // The person's orders go with the case (issue 20: a person and their order move together).
                    foreach (var order in await CompanionOrders(management.PersonId, management.ResponsibleOfficerId, management.OwningTeamId)
                                 .Include(o => o.Assignments).ToListAsync(cancellationToken))
                    {
                        if (moved.Contains(("order", order.Id)) || order.LeadOfficerId == officerId) continue;
                        await MoveOrderAsync(order, officer, reason, text, now, cancellationToken);
                        moved.Add(("order", order.Id));
                    }
                    Hand(management.Assignments, officer.Id, officer.TeamId, reason, text, now);
                    management.ResponsibleOfficerId = officer.Id;
                    management.OwningTeamId = officer.TeamId;
                    await HandTasksAsync(t => t.ManagementId == id || (t.PersonId == management.PersonId && t.AssignedOfficerId == null), officer, cancellationToken);
                }
                else if (kind == "order")
                {
                    var order = await db.Orders.Include(o => o.Assignments).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                                ?? throw new NotFoundException("order", id.ToString(), $"items[{i}].id");
                    if (!order.IsLive) throw new RuleViolationException("ORDER_ENDED", "This order has ended.");
                    if (order.LeadOfficerId == officerId) throw new RuleViolationException("ALREADY_HELD", $"{officer.DisplayName} already leads this order.");
                    AssignmentRules.EnsureMayLeadOrder(officer, today);
                    await MoveOrderAsync(order, officer, reason, text, now, cancellationToken);
                }
                else throw new ValidationException($"items[{i}].kind", "must be \"case\" or \"order\"");
            }
            catch (RuleViolationException e)
            {
                // Say which item stopped the whole reallocation.
                throw new RuleViolationException(e.Rule, $"items[{i}]: {e.Message} Nothing was reallocated.");
            }
            moved.Add((kind, id));
        }
        await db.SaveChangesAsync(cancellationToken);
        return await DescribeAsync(moved, cancellationToken);
    }

    private async Task MoveOrderAsync(Order order, Officer officer, AssignmentReason reason, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CloseOrderSpell(order, now);
        order.Assignments.Add(new OrderAssignment { OfficerId = officer.Id, TeamId = officer.TeamId, From = now, Reason = reason, Note = note, AssignedBy = caller.Subject });
        order.LeadOfficerId = officer.Id;
        order.OwningTeamId = officer.TeamId;
        db.Touch(order);
        var id = order.Id;
        await HandTasksAsync(t => t.OrderId == id, officer, cancellationToken);
    }

    /// <summary>Open checks, the next one, overdue ones, open breaches, a pending release and the last contact, per person.</summary>
    public async Task<Dictionary<Guid, HandoverSummary>> HandoversAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var checks = (await db.ComplianceChecks.AsNoTracking().Where(c => personIds.Contains(c.PersonId) && c.Status == CheckStatus.Open).ToListAsync(cancellationToken))
            .ToLookup(c => c.PersonId);
        var breaches = await db.Breaches.AsNoTracking()
            .Where(b => personIds.Contains(b.PersonId) && (b.Status == BreachStatus.Suspected || b.Status == BreachStatus.Confirmed))
            .GroupBy(b => b.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.CustodyStatus, p.ExpectedReleaseDate }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var contacts = (await db.ContactNotes.AsNoTracking().Where(c => personIds.Contains(c.PersonId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At));
        return personIds.ToDictionary(id => id, id => new HandoverSummary(
            checks[id].Count(),
            checks[id].OrderBy(c => c.DueOn).FirstOrDefault(),
            checks[id].Count(c => c.DueOn < today),
            breaches.GetValueOrDefault(id),
            people.TryGetValue(id, out var p) && p.CustodyStatus == CustodyStatus.InCustody ? p.ExpectedReleaseDate : null,
            contacts.GetValueOrDefault(id)));
    }

    public async Task<(Guid PersonId, Guid TeamId, Scheme? Scheme)> WorkAsync(string kind, Guid id, string field, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "case":
                var m = await db.Managements.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.PersonId, x.OwningTeamId, x.Scheme }).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new NotFoundException("case", id.ToString(), field);
                return (m.PersonId, m.OwningTeamId, m.Scheme);
            case "order":
                var o = await db.Orders.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.PersonId, x.OwningTeamId }).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new NotFoundException("order", id.ToString(), field);
                return (o.PersonId, o.OwningTeamId, null);
            default:
                throw new ValidationException("kind", "must be \"case\" or \"order\"");
        }
    }

    private async Task<IReadOnlyList<OrphanedWork>> DescribeAsync(List<(string Kind, Guid Id)> items, CancellationToken cancellationToken)
    {
        var caseIds = items.Where(i => i.Kind == "case").Select(i => i.Id).ToList();
        var orderIds = items.Where(i => i.Kind == "order").Select(i => i.Id).ToList();
        var cases = await db.Managements.AsNoTracking().Where(m => caseIds.Contains(m.Id)).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var personIds = cases.Select(c => c.PersonId).Concat(orders.Select(o => o.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var handovers = await HandoversAsync(personIds, cancellationToken);
        return cases.Select(m => new OrphanedWork("case", m.Id, people[m.PersonId], Describe(m), m.RiskLevel, null, clock.Now, handovers[m.PersonId], m.OwningTeamId, m.Scheme == Scheme.Vsomt))
            .Concat(orders.Select(o => new OrphanedWork("order", o.Id, people[o.PersonId], OrderTypeRules.For(o.Type).ShortName, RiskLevel.Unspecified, null, clock.Now, handovers[o.PersonId], o.OwningTeamId, false)))
            .ToList();
    }

    private async Task<bool> HoldsAnythingAsync(Guid officerId, CancellationToken cancellationToken) =>
        await db.Managements.AnyAsync(m => m.ResponsibleOfficerId == officerId && m.Status == ManagementStatus.Active, cancellationToken) ||
        await db.Orders.AnyAsync(o => o.LeadOfficerId == officerId && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired, cancellationToken);

    /// <summary>The officer already holds cases of people living in the district.</summary>
    private async Task<bool> SameAreaAsync(Guid officerId, string district, CancellationToken cancellationToken)
    {
        var codes = areas.Current.Areas.Where(a => a.DistrictCode == district).Select(a => a.Code).ToList();
        return await db.Managements.AnyAsync(m => m.ResponsibleOfficerId == officerId && m.Status == ManagementStatus.Active &&
                                                  db.People.Any(p => p.Id == m.PersonId && p.Address != null && codes.Contains(p.Address.AreaCode!)), cancellationToken);
    }

    private async Task HandTasksAsync(System.Linq.Expressions.Expression<Func<WorkTask, bool>> which, Officer officer, CancellationToken cancellationToken)
    {
        foreach (var task in await db.Tasks.Where(which).Where(t => t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken))
        {
            if (task.Kind is TaskKind.OrphanedCase or TaskKind.OrphanedOrder)
            {
                task.Status = WorkTaskStatus.Done;
                task.ClosedAt = clock.Now;
                task.ClosedBy = caller.Subject;
            }
            else
            {
                task.AssignedOfficerId = officer.Id;
                task.AssignedTeamId = null;
            }
        }
    }

    private void Hand(List<ManagementAssignment> spells, Guid? officer, Guid team, AssignmentReason reason, string note, DateTimeOffset now)
    {
        foreach (var open in spells.Where(a => a.To is null)) open.To = now;
        spells.Add(new ManagementAssignment { OfficerId = officer, TeamId = team, From = now, Reason = reason, Note = note, AssignedBy = caller.Subject });
    }

    private static void CloseOrderSpell(Order order, DateTimeOffset now)
    {
        foreach (var open in order.Assignments.Where(a => a.To is null)) open.To = now;
    }

    public static string Describe(Management m) => m.Scheme switch
    {
        Scheme.Vsomt => $"VSOMT, {(m.Register == Register.RegisteredSexOffender ? "RSO" : "RVO")} {RiskLevels.Words(m.RiskLevel)} risk, MAPPA {m.MappaCategory}/{m.MappaLevel}",
        Scheme.Iom => $"IOM {(m.CohortType is { } cohort ? CaseloadEnums.CohortWords[cohort] : "without a cohort")}, {RiskLevels.Words(m.RiskLevel)} risk",
        _ => $"SOC lifetime, {m.OcgReference}, {RiskLevels.Words(m.RiskLevel)} risk",
    };

}
