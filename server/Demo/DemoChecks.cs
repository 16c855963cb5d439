using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// A history of compliance checks for every registered sex offender and every order condition
/// that generates checks: up to eighteen months of outcomes (mostly compliant, some no access
/// or non-compliance), then the open check, which for about one source in twelve is overdue.
/// Re-notification is due a year after the last one (a few of which are more than a year ago).
/// Dates follow the same schedule rules the server applies.
/// </summary>
internal sealed class DemoChecks(DemoRandom random, DateOnly today, DateTimeOffset now, DemoForce force)
{
    private const double OverdueRate = 1.0 / 12;
    private static readonly ComplianceOptions Options = new();
    private static readonly NotificationOptions NotificationOptions = new();

    public void Build()
    {
        var inCustody = force.People.Where(p => p.CustodyStatus == People.CustodyStatus.InCustody).Select(p => p.Id).ToHashSet();
        foreach (var management in force.Managements)
        {
            foreach (var (kind, cadence) in CheckPlanner.ChecksFor(management, Options))
                History(new ComplianceCheck { PersonId = management.PersonId, ManagementId = management.Id, Kind = kind }, cadence, management.StartedOn,
                    officer: management.ResponsibleOfficerId);
            // The periodic notification follows the duty: a year after the last notification, suspended in custody (SOA 2003 s.85).
            if (management is { IsActive: true, Register: Register.RegisteredSexOffender })
            {
                var due = NotificationRules.PeriodicDue(management.Notification?.LastNotifiedOn ?? management.StartedOn, NotificationOptions);
                var check = new ComplianceCheck { PersonId = management.PersonId, ManagementId = management.Id, Kind = CheckKind.RsoPeriodicNotification };
                Add(check, due, due.AddDays(-NotificationOptions.PeriodicOpensDaysBefore), CheckStatus.Open, null, null, null);
                // Planned the same way for everyone (the generator's sequence stays as it was), then dropped where the duty says otherwise.
                if (inCustody.Contains(management.PersonId) || force.SpecialNotificationCases.Contains(management.PersonId)) force.Checks.RemoveAt(force.Checks.Count - 1);
            }
        }

        foreach (var order in force.Orders)
        {
            var served = DateOnly.FromDateTime(order.ServedAt!.Value.UtcDateTime);
            foreach (var condition in order.Conditions)
            {
                if (CheckPlanner.CheckFor(condition, Options) is not var (kind, cadence)) continue;
                History(new ComplianceCheck { PersonId = order.PersonId, OrderId = order.Id, ConditionId = condition.Id, Kind = kind }, cadence, served,
                    officer: order.LeadOfficerId);
            }
        }
    }

    /// <summary>
    /// Walks a source's schedule from its start to today, recording outcomes, and leaves the next
    /// check open; for an overdue source, the last check that fell due is left undone instead.
    /// </summary>
    private void History(ComplianceCheck template, Cadence cadence, DateOnly start, Guid? officer)
    {
        var overdue = random.Chance(OverdueRate);
        var from = start < today.AddMonths(-18) ? today.AddMonths(-18) : start;
        var due = cadence.After(from);
        while (true)
        {
            var isLastDueBeforeToday = due < today && cadence.After(due) >= today;
            if (due >= today || (overdue && isLastDueBeforeToday))
            {
                Add(template, due, cadence, CheckStatus.Open, null, null, officer);
                return;
            }
            var completed = due.AddDays(random.Next(-3, 6));
            if (completed >= today) completed = today.AddDays(-1);
            var outcome = random.NextDouble() switch { < 0.9 => CheckOutcome.Compliant, < 0.95 => CheckOutcome.NoAccess, _ => CheckOutcome.NonCompliant };
            Add(template, due, cadence, CheckStatus.Completed, outcome, completed, officer);
            due = ComplianceSchedule.NextDue(template.Kind, cadence, due, completed, outcome, Options);
        }
    }

    private void Add(ComplianceCheck template, DateOnly due, Cadence cadence, CheckStatus status, CheckOutcome? outcome, DateOnly? completed, Guid? officer) =>
        Add(template, due, ComplianceSchedule.OpensOn(due, cadence, Options), status, outcome, completed, officer);

    private void Add(ComplianceCheck template, DateOnly due, DateOnly opensOn, CheckStatus status, CheckOutcome? outcome, DateOnly? completed, Guid? officer)
    {
        // A visit that found them in is a contact: the last one is part of any handover.
        if (template.Kind == CheckKind.HomeVisit && outcome == CheckOutcome.Compliant && completed is { } visited)
        {
            force.Contacts.RemoveAll(c => c.ManagementId == template.ManagementId);
            force.Contacts.Add(new ContactNote
            {
                Id = random.NextId(), PersonId = template.PersonId, ManagementId = template.ManagementId, OfficerId = officer, RecordedBy = "demo",
                At = new DateTimeOffset(visited.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero), Kind = ContactKind.HomeVisit,
                Text = "Home visit: seen at the address, no concerns; devices checked where required.",
            });
        }
        force.Checks.Add(new ComplianceCheck
        {
            Id = random.NextId(),
            PersonId = template.PersonId,
            ManagementId = template.ManagementId,
            OrderId = template.OrderId,
            ConditionId = template.ConditionId,
            Kind = template.Kind,
            DueOn = due,
            OpensOn = opensOn,
            Status = status,
            Outcome = outcome,
            CompletedAt = completed is { } on ? new DateTimeOffset(on.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero) : null,
            CompletedByOfficerId = completed is null ? null : officer,
            Notes = outcome switch
            {
                CheckOutcome.NoAccess => "No reply at the address; card left.",
                CheckOutcome.NonCompliant => "Not all required information provided; reminded of the requirement in writing.",
                _ => "",
            },
            CreatedAt = now,
        });
    }
}
