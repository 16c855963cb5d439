using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// The one place that decides how much of a person's record the caller may see (DESIGN.md
/// section 6): by role and by relationship. An offender manager sees their own cases in full
/// and a supervisor their team's; anyone else's needs a stated reason. A local officer sees
/// briefing fields only. Partner agencies see IOM cohort members, services what their scopes
/// allow (<see cref="ServiceScopes"/>). Analysts read aggregates: a person-level read needs a
/// supervisor's live grant for that person (<see cref="Access.AnalystGrants"/>), and even then
/// shows the standard level. Every read of a person goes through here.
/// </summary>
public sealed class DisclosurePolicy(Caller caller, OffenderMgmtDb db, Mappa.PartnerMeetingScope mappa, Access.AnalystGrants grants)
{
    public const string AnalystNeedsGrant =
        "Analysts read aggregates; a supervisor can grant access to named people for a stated purpose (Access/GrantAnalystAccess).";

    public async Task<DisclosureLevel> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        switch (caller.Role)
        {
            case Role.OffenderManager:
                if (await IsOwnCaseAsync(personId, cancellationToken)) return DisclosureLevel.Full;
                RequireReason("this person is not one of your cases");
                return DisclosureLevel.Full;
            case Role.Supervisor:
                if (await IsOwnCaseAsync(personId, cancellationToken) || await IsTeamCaseAsync(personId, cancellationToken))
                    return DisclosureLevel.Full;
                RequireReason("this person is not one of your team's cases");
                return DisclosureLevel.Full;
            case Role.LocalOfficer:
                if (caller.Purpose.Kind is not (PurposeKind.Briefing or PurposeKind.SightingCheck or PurposeKind.Reason))
                    throw new AccessDeniedException("A local officer reads people for a briefing or a sighting check: send x-access-purpose: briefing or sighting-check (or a reason).", ErrorReason.NotYourCase);
                return DisclosureLevel.Briefing;
            case Role.Analyst:
                if (!(await grants.CoveredAsync([personId], cancellationToken)).Contains(personId))
                    throw new AccessDeniedException(AnalystNeedsGrant, ErrorReason.AnalystGrantRequired);
                return DisclosureLevel.Standard;
            case Role.PartnerAgency:
                if (!await IsIomCohortAsync(personId, cancellationToken) && !await mappa.SeesAsync(personId, cancellationToken))
                    throw new AccessDeniedException(PartnerOnly, ErrorReason.NotYourCase);
                return DisclosureLevel.Standard;
            case Role.Service:
                return DisclosureLevel.Standard;
            default:
                throw new AccessDeniedException("Your role does not read people's records.");
        }
    }

    /// <summary>
    /// The level for each of many people at once (for lists), in a few queries. If any of them
    /// would need a stated reason and none was given, the whole list is refused with that message.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DisclosureLevel>> ForPeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, DisclosureLevel>();
        switch (caller.Role)
        {
            case Role.OffenderManager or Role.Supervisor:
                var related = await RelatedAsync(ids, includeTeam: caller.Role == Role.Supervisor, cancellationToken);
                if (ids.Any(id => !related.Contains(id)))
                    RequireReason(caller.Role == Role.Supervisor ? "some of these people are not your team's cases" : "some of these people are not your cases");
                return ids.ToDictionary(id => id, _ => DisclosureLevel.Full);
            case Role.PartnerAgency:
                var cohort = await db.Managements.Where(m => ids.Contains(m.PersonId) && m.Scheme == Scheme.Iom && m.Status == ManagementStatus.Active)
                    .Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
                var meetings = await mappa.PeopleAsync(cancellationToken);
                if (ids.Except(cohort).Any(id => !meetings.Contains(id))) throw new AccessDeniedException(PartnerOnly, ErrorReason.NotYourCase);
                return ids.ToDictionary(id => id, _ => DisclosureLevel.Standard);
            case Role.Analyst:
                var covered = await grants.CoveredAsync(ids, cancellationToken);
                if (ids.Any(id => !covered.Contains(id))) throw new AccessDeniedException(AnalystNeedsGrant, ErrorReason.AnalystGrantRequired);
                return ids.ToDictionary(id => id, _ => DisclosureLevel.Standard);
            default:
                // The other roles' level does not depend on the person.
                var level = await ForPersonAsync(ids[0], cancellationToken);
                return ids.ToDictionary(id => id, _ => level);
        }
    }

    /// <summary>
    /// Whom a search may find: everyone for case workers and local officers; for an analyst only
    /// the people of their live grants (refused outright with none); for a service (scope
    /// people:match) only a match by PNC ID, unless it also holds people:search.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>?> SearchLimitAsync(bool byName, CancellationToken cancellationToken)
    {
        switch (caller.Role)
        {
            case Role.Analyst:
                var covered = await grants.AllCoveredAsync(cancellationToken);
                if (covered.Count == 0) throw new AccessDeniedException(AnalystNeedsGrant, ErrorReason.AnalystGrantRequired);
                return covered;
            case Role.Service when byName && !caller.HasScope(ServiceScopes.PeopleSearch):
                throw ServiceScopes.Refusal("", caller.Scopes,
                    "This service account matches people by PNC ID only (scope people:match): send pnc_id and no name; a search by name needs scope people:search.");
            default:
                return null;
        }
    }

    /// <summary>
    /// A service account reads and changes only the orders it recorded (scopes orders:read-own
    /// and orders:write); people and the other systems are not limited here.
    /// </summary>
    public void EnsureServiceRecorded(Orders.Order order)
    {
        if (caller.Role == Role.Service && !string.Equals(order.RecordedBy, caller.Subject, StringComparison.Ordinal))
            throw ServiceScopes.Refusal("", caller.Scopes,
                "A service account reads and changes only the orders it recorded (orders:read-own, orders:write); this order was recorded by someone else.");
    }

    /// <summary>
    /// The weekly IOM review agenda (names, risk changes and why) is for the IOM team, its
    /// supervisors and the scheme's partner agencies (Neighbourhood Crime IOM Strategy, Home Office and MoJ, 2020: the
    /// cohort is managed jointly by police, probation and partners); anyone else needs a reason.
    /// </summary>
    public async Task EnsureIomAgendaAsync(CancellationToken cancellationToken)
    {
        if (caller.Role == Role.PartnerAgency) return;
        if (caller.Is(Role.OffenderManager, Role.Supervisor) && await caller.TeamIdAsync(cancellationToken) is { } team &&
            await db.Teams.AnyAsync(t => t.Id == team && t.Kind == Officers.TeamKind.Iom, cancellationToken))
            return;
        RequireReason("the IOM review agenda is for the IOM team, its supervisors and the scheme's partners");
    }

    /// <summary>May the caller see this officer's casework (their checks, tasks, caseload)?</summary>
    public async Task EnsureCaseworkOfOfficerAsync(Guid officerId, CancellationToken cancellationToken)
    {
        if (caller.OfficerId == officerId) return;
        if (caller.Role == Role.Supervisor && await caller.TeamIdAsync(cancellationToken) is { } team &&
            await db.Officers.AnyAsync(o => o.Id == officerId && o.TeamId == team, cancellationToken))
            return;
        RequireReason("that is another officer's work");
    }

    /// <summary>May the caller see this team's casework? Its supervisor may; anyone else needs a reason.</summary>
    public async Task EnsureCaseworkOfTeamAsync(Guid teamId, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Supervisor && await caller.TeamIdAsync(cancellationToken) == teamId) return;
        RequireReason("that is another team's work, or you do not supervise it");
    }

    /// <summary>May the caller see this person's casework (checks, breaches, contacts)?</summary>
    public async Task<DisclosureLevel> EnsureCaseworkOfPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var level = await ForPersonAsync(personId, cancellationToken);
        if (!level.Allows(RestrictedField.Casework))
            throw new AccessDeniedException("Compliance and case history are not disclosed to your role.");
        return level;
    }

    private async Task<HashSet<Guid>> RelatedAsync(List<Guid> ids, bool includeTeam, CancellationToken cancellationToken)
    {
        var officer = caller.OfficerId;
        var team = includeTeam ? await caller.TeamIdAsync(cancellationToken) : null;
        var fromCases = await db.Managements
            .Where(m => ids.Contains(m.PersonId) && m.Status == ManagementStatus.Active &&
                        ((officer != null && m.ResponsibleOfficerId == officer) || (team != null && m.OwningTeamId == team)))
            .Select(m => m.PersonId).ToListAsync(cancellationToken);
        var fromOrders = await db.Orders
            .Where(o => ids.Contains(o.PersonId) && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired &&
                        ((officer != null && o.LeadOfficerId == officer) || (team != null && o.OwningTeamId == team)))
            .Select(o => o.PersonId).ToListAsync(cancellationToken);
        return fromCases.Concat(fromOrders).ToHashSet();
    }

    /// <summary>Whether the caller may change this person's record (the same relationship rule as reading in full).</summary>
    public async Task EnsureMayEditPersonAsync(Guid personId, CancellationToken cancellationToken, string field = "person_id")
    {
        // An unknown person is NOT_FOUND, whoever asks.
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
            throw new NotFoundException("person", personId.ToString(), field);
        if (caller.Role == Role.Service) return;
        if (await ForPersonAsync(personId, cancellationToken) != DisclosureLevel.Full)
            throw new AccessDeniedException("You may not change this person's record.", ErrorReason.NotYourCase);
    }

    /// <summary>An active case the caller holds, or an order they lead.</summary>
    public async Task<bool> IsOwnCaseAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (caller.OfficerId is not { } officer) return false;
        return await db.Managements.AnyAsync(m => m.PersonId == personId && m.ResponsibleOfficerId == officer && m.Status == ManagementStatus.Active, cancellationToken)
               || await db.Orders.AnyAsync(o => o.PersonId == personId && o.LeadOfficerId == officer &&
                                               o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired, cancellationToken);
    }

    /// <summary>An active case or a live order owned by the caller's team.</summary>
    public async Task<bool> IsTeamCaseAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await caller.TeamIdAsync(cancellationToken) is not { } team) return false;
        return await db.Managements.AnyAsync(m => m.PersonId == personId && m.OwningTeamId == team && m.Status == ManagementStatus.Active, cancellationToken)
               || await db.Orders.AnyAsync(o => o.PersonId == personId && o.OwningTeamId == team &&
                                               o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired, cancellationToken);
    }

    private Task<bool> IsIomCohortAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Managements.AnyAsync(m => m.PersonId == personId && m.Scheme == Scheme.Iom && m.Status == ManagementStatus.Active, cancellationToken);

    private const string PartnerOnly = "Partner agencies see members of the IOM cohort, and the cases of MAPPA meetings their agency attends.";

    private void RequireReason(string why)
    {
        if (caller.Purpose.Kind != PurposeKind.Reason)
            throw new AccessDeniedException($"A reason is needed: {why}. Send x-access-purpose: \"reason: <why you need it>\"; the reason is kept in the audit log.", ErrorReason.ReasonRequired);
    }
}
