using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Caseload;

public enum AgendaReason
{
    NewEntrant = 1,
    ChangedRisk = 2,
    Breach = 3,
    NonCompliance = 4,
    ReleaseDue = 5,
    ProposedDeselection = 6,
}

public sealed record AgendaItem(
    Management Management, Person Person, string? OfficerName, IReadOnlyList<AgendaReason> Reasons, IReadOnlyList<string> Details, IomReviewDecision? Decision);

/// <summary>
/// The weekly IOM review: the cohort members to discuss at a meeting (new entrants, changed
/// risk, breaches and non-compliance since the last meeting a week before, releases in the
/// next fortnight, proposed de-selections), and the decisions and actions recorded there.
/// </summary>
public sealed class IomReview(OffenderMgmtDb db, Caller caller, ForceClock clock)
{
    public const int ReleaseHorizonDays = 14;

    public async Task<(DateOnly Since, IReadOnlyList<AgendaItem> Items)> AgendaAsync(DateOnly meetingOn, CancellationToken cancellationToken)
    {
        var since = meetingOn.AddDays(-7);
        var from = clock.ToInstant(since, TimeOnly.MinValue);
        var to = clock.ToInstant(meetingOn.AddDays(1), TimeOnly.MinValue);
        var cohort = await db.Managements.AsNoTracking()
            .Where(m => m.Scheme == Scheme.Iom && m.Status == ManagementStatus.Active && m.StartedOn <= meetingOn).ToListAsync(cancellationToken);
        var ids = cohort.Select(m => m.Id).ToList();
        var personIds = cohort.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var riskChanges = (await db.ManagementRiskChanges.AsNoTracking().Where(r => ids.Contains(r.ManagementId) && r.At >= from && r.At < to).ToListAsync(cancellationToken)).ToLookup(r => r.ManagementId);
        var breaches = (await db.Breaches.AsNoTracking().Where(b => personIds.Contains(b.PersonId) && b.RecordedAt >= from && b.RecordedAt < to).ToListAsync(cancellationToken)).ToLookup(b => b.PersonId);
        var missed = (await db.ComplianceChecks.AsNoTracking()
            .Where(c => personIds.Contains(c.PersonId) &&
                        ((c.Status == CheckStatus.Completed && c.CompletedAt >= from && c.CompletedAt < to && (c.Outcome == CheckOutcome.NonCompliant || c.Outcome == CheckOutcome.NoAccess)) ||
                         (c.Status == CheckStatus.Open && c.DueOn < meetingOn)))
            .ToListAsync(cancellationToken)).ToLookup(c => c.PersonId);
        var decisions = await db.IomReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.ManagementId) && d.MeetingOn <= meetingOn).ToListAsync(cancellationToken);
        // What an earlier meeting proposed puts a member on this agenda; this meeting's own
        // decision is shown against them, and must not take them off it.
        var earlier = decisions.Where(d => d.MeetingOn < meetingOn).GroupBy(d => d.ManagementId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.MeetingOn)!);
        var decidedHere = decisions.Where(d => d.MeetingOn == meetingOn).ToDictionary(d => d.ManagementId);
        var officerIds = cohort.Select(m => m.ResponsibleOfficerId).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);

        var items = new List<AgendaItem>();
        foreach (var m in cohort)
        {
            var person = people[m.PersonId];
            var reasons = new List<AgendaReason>();
            var details = new List<string>();
            if (m.StartedOn > since) { reasons.Add(AgendaReason.NewEntrant); details.Add($"joined the cohort on {m.StartedOn:yyyy-MM-dd}"); }
            foreach (var change in riskChanges[m.Id])
            {
                if (!reasons.Contains(AgendaReason.ChangedRisk)) reasons.Add(AgendaReason.ChangedRisk);
                details.Add($"risk {RiskLevels.Words(change.FromRisk)} → {RiskLevels.Words(change.ToRisk)} on {clock.ToLocal(change.At):yyyy-MM-dd}: {change.Reason}");
            }
            foreach (var breach in breaches[m.PersonId])
            {
                if (!reasons.Contains(AgendaReason.Breach)) reasons.Add(AgendaReason.Breach);
                details.Add($"breach {Breach.Describe(breach.Status)}, {clock.ToLocal(breach.OccurredAt):yyyy-MM-dd}{(breach.Location.Length > 0 ? $" at {breach.Location}" : "")}");
            }
            foreach (var check in missed[m.PersonId])
            {
                if (!reasons.Contains(AgendaReason.NonCompliance)) reasons.Add(AgendaReason.NonCompliance);
                details.Add(check.Status == CheckStatus.Open
                    ? $"{ComplianceEnums.KindWords[check.Kind]} overdue since {check.DueOn:yyyy-MM-dd}"
                    : $"{ComplianceEnums.KindWords[check.Kind]} {(check.Outcome is { } outcome ? ComplianceEnums.OutcomeWords[outcome] : "closed")} on {clock.ToLocal(check.CompletedAt!.Value):yyyy-MM-dd}");
            }
            if (person.CustodyStatus == CustodyStatus.InCustody && person.ExpectedReleaseDate is { } release &&
                release >= meetingOn && release <= meetingOn.AddDays(ReleaseHorizonDays))
            {
                reasons.Add(AgendaReason.ReleaseDue);
                details.Add($"release expected {release:yyyy-MM-dd}");
            }
            if (earlier.GetValueOrDefault(m.Id) is { ProposeDeselection: true } proposal)
            {
                reasons.Add(AgendaReason.ProposedDeselection);
                details.Add($"de-selection proposed at the meeting of {proposal.MeetingOn:yyyy-MM-dd}");
            }
            var decision = decidedHere.GetValueOrDefault(m.Id);
            if (reasons.Count == 0 && decision is null) continue;
            items.Add(new AgendaItem(m, person, m.ResponsibleOfficerId is { } o ? officers.GetValueOrDefault(o) : null, reasons, details, decision));
        }
        return (since, items.OrderByDescending(i => i.Management.RiskLevel).ThenBy(i => i.Person.SortName).ToList());
    }

    /// <summary>Records (or replaces) the meeting's decision on a cohort member.</summary>
    public async Task<IomReviewDecision> DecideAsync(Guid managementId, DateOnly meetingOn, string decision, IReadOnlyList<IomAction> actions, bool proposeDeselection, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Required("decision", decision, 4000);
        v.Count("actions", actions.Count, RequestLimits.IomActions);
        for (var i = 0; i < actions.Count && i < RequestLimits.IomActions; i++)
        {
            v.Required($"actions[{i}].action", actions[i].Action, 500);
            v.Optional($"actions[{i}].partner_agency", actions[i].PartnerAgency, 200);
            v.Optional($"actions[{i}].owner", actions[i].Owner, 200);
        }
        if (meetingOn > clock.Today.AddDays(7)) v.Add("meeting_on", "must not be more than a week ahead");
        v.ThrowIfInvalid();
        var management = await db.Managements.FirstOrDefaultAsync(m => m.Id == managementId, cancellationToken)
                         ?? throw new NotFoundException("management", managementId.ToString(), "management_id");
        if (management.Scheme != Scheme.Iom) throw new RuleViolationException("NOT_IOM", "Only IOM cohort members are discussed at the IOM review.");
        var existing = await db.IomReviewDecisions.FirstOrDefaultAsync(d => d.ManagementId == managementId && d.MeetingOn == meetingOn, cancellationToken);
        if (existing is null)
        {
            existing = new IomReviewDecision { ManagementId = managementId, MeetingOn = meetingOn };
            db.IomReviewDecisions.Add(existing);
        }
        existing.Decision = text;
        existing.Actions = actions.Select(a => a with { Action = a.Action.Trim(), PartnerAgency = a.PartnerAgency.Trim(), Owner = a.Owner.Trim() }).ToList();
        existing.ProposeDeselection = proposeDeselection;
        existing.DecidedBy = caller.Subject;
        existing.RecordedAt = clock.Now;
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }
}
