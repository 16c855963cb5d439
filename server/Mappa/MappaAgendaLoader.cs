using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// Gathers the facts <see cref="MappaAgenda"/> decides on for a meeting (cases at its level and
/// cases referred to it, their last MAPPA review, risk changes, breaches, releases), or, once
/// the meeting is minuted, reads the agenda its minutes fixed. Queries only; decides nothing.
/// </summary>
public sealed class MappaAgendaLoader(OffenderMgmtDb db, IOptions<MappaOptions> options, ForceClock clock)
{
    public async Task<(DateOnly Since, IReadOnlyList<MappaAgendaEntry> Entries)> AgendaAsync(MappaMeeting meeting, CancellationToken cancellationToken)
    {
        var previous = await db.MappaMeetings.AsNoTracking()
            .Where(m => m.Level == meeting.Level && m.HeldOn < meeting.HeldOn && m.MinutesRecordedAt != null)
            .MaxAsync(m => (DateOnly?)m.HeldOn, cancellationToken);
        var since = MappaAgenda.Since(meeting.Level, meeting.HeldOn, previous, options.Value);
        if (meeting.IsMinuted) return (since, await MinutedAsync(meeting, cancellationToken));

        var referrals = await db.MappaReferrals.AsNoTracking()
            .Where(r => r.HeardAtMeetingId == null && r.ProposedLevel == meeting.Level && r.ReferredOn <= meeting.HeldOn).ToListAsync(cancellationToken);
        var referred = referrals.Select(r => r.ManagementId).ToList();
        var level = meeting.Level;
        var cases = await db.Managements.AsNoTracking()
            .Where(m => m.Status == ManagementStatus.Active && m.Scheme == Scheme.Vsomt && (m.MappaLevel == level || referred.Contains(m.Id)))
            .ToListAsync(cancellationToken);
        return (since, MappaAgenda.Select(meeting.Level, meeting.HeldOn, since, await FactsAsync(cases, referrals, meeting.HeldOn, cancellationToken), options.Value));
    }

    private async Task<IReadOnlyList<MappaCaseFacts>> FactsAsync(List<Management> cases, List<MappaReferral> referrals, DateOnly heldOn, CancellationToken cancellationToken)
    {
        var ids = cases.Select(m => m.Id).ToList();
        var personIds = cases.Select(m => m.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var reviewed = await (from c in db.MappaMeetingCases.AsNoTracking()
                              join m in db.MappaMeetings.AsNoTracking() on c.MeetingId equals m.Id
                              where c.Minuted && ids.Contains(c.ManagementId) && m.HeldOn <= heldOn
                              group m.HeldOn by c.ManagementId into g
                              select new { g.Key, Last = g.Max() }).ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var from = clock.ToInstant(heldOn.AddDays(-7 * 52), TimeOnly.MinValue);
        var changes = (await db.ManagementRiskChanges.AsNoTracking().Where(r => ids.Contains(r.ManagementId) && r.At >= from && r.FromRisk != r.ToRisk)
            .ToListAsync(cancellationToken)).ToLookup(r => r.ManagementId);
        var breaches = (await db.Breaches.AsNoTracking().Where(b => personIds.Contains(b.PersonId) && b.RecordedAt >= from)
            .Select(b => new { b.PersonId, b.RecordedAt }).ToListAsync(cancellationToken)).ToLookup(b => b.PersonId);
        var pending = referrals.GroupBy(r => r.ManagementId).ToDictionary(g => g.Key, g => g.MinBy(r => r.ReferredOn)!);
        return cases.Select(m =>
        {
            var person = people[m.PersonId];
            var referral = pending.GetValueOrDefault(m.Id);
            return new MappaCaseFacts(m.Id, m.PersonId, person.DisplayName, m.MappaCategory ?? 0, m.MappaLevel ?? 1, m.RiskLevel,
                reviewed.TryGetValue(m.Id, out var last) ? last : null, referral?.ReferredOn, referral?.ProposedLevel,
                changes[m.Id].Select(c => (Local(c.At), c.FromRisk, c.ToRisk)).ToList(),
                breaches[m.PersonId].Select(b => Local(b.RecordedAt)).ToList(),
                person.CustodyStatus == CustodyStatus.InCustody ? person.ExpectedReleaseDate : null);
        }).ToList();
    }

    private async Task<IReadOnlyList<MappaAgendaEntry>> MinutedAsync(MappaMeeting meeting, CancellationToken cancellationToken)
    {
        var rows = await db.MappaMeetingCases.AsNoTracking().Where(c => c.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ManagementId).ToList();
        var cases = await db.Managements.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var personIds = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return rows.Select(r =>
        {
            var m = cases[r.ManagementId];
            var facts = new MappaCaseFacts(m.Id, m.PersonId, people[r.PersonId].DisplayName, m.MappaCategory ?? 0, r.Level ?? m.MappaLevel ?? 1, m.RiskLevel,
                null, null, null, [], [], null);
            return new MappaAgendaEntry(facts, r.Reasons, r.Details);
        }).OrderByDescending(e => e.Case.Risk).ThenBy(e => e.Case.PersonName, StringComparer.Ordinal).ToList();
    }

    private DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToLocal(at).DateTime);
}
