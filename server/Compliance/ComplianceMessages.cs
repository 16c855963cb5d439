using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// Writes checks and breaches for the wire with what a reader needs alongside: whose they are,
/// who owns the work, and what the check is, in words.
/// </summary>
public sealed class ComplianceMessages(OffenderMgmtDb db, ForceClock clock)
{
    /// <param name="levelFor">What the caller may see of each person's records: check notes are restricted casework text.</param>
    public async Task<IReadOnlyList<V1.ComplianceCheck>> ChecksAsync(IReadOnlyList<ComplianceCheck> checks, Func<Guid, DisclosureLevel> levelFor, CancellationToken cancellationToken)
    {
        var personIds = checks.Select(c => c.PersonId).Distinct().ToList();
        var people = await NamesAsync(personIds, cancellationToken);
        var conditionIds = checks.Select(c => c.ConditionId).OfType<Guid>().Distinct().ToList();
        var conditions = await db.Conditions.AsNoTracking().Where(c => conditionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var orderIds = checks.Select(c => c.OrderId).OfType<Guid>().Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, Owner = o.LeadOfficerId, o.Type }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var managementIds = checks.Select(c => c.ManagementId).OfType<Guid>().Distinct().ToList();
        var managements = await db.Managements.AsNoTracking().Where(m => managementIds.Contains(m.Id))
            .Select(m => new { m.Id, Owner = m.ResponsibleOfficerId, m.RiskLevel }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var ownerIds = orders.Values.Select(o => o.Owner).Concat(managements.Values.Select(m => m.Owner)).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var today = clock.Today;

        return checks.Select(check =>
        {
            var owner = check.OrderId is { } o && orders.TryGetValue(o, out var order) ? order.Owner
                : check.ManagementId is { } m && managements.TryGetValue(m, out var management) ? management.Owner : null;
            var condition = check.ConditionId is { } c ? conditions.GetValueOrDefault(c) : null;
            var risk = check.ManagementId is { } mid && managements.TryGetValue(mid, out var man) ? man.RiskLevel : RiskLevel.Unspecified;
            var message = new V1.ComplianceCheck
            {
                Id = check.Id.ToString(),
                PersonId = check.PersonId.ToString(),
                PersonName = people.GetValueOrDefault(check.PersonId, ""),
                Kind = ComplianceEnums.Kinds.ToProto(check.Kind),
                DueOn = IsoDate.Format(check.DueOn),
                OpensOn = IsoDate.Format(check.OpensOn),
                Status = ComplianceEnums.Statuses.ToProto(check.Status),
                Outcome = ComplianceEnums.Outcomes.ToProto(check.Outcome, V1.CheckOutcome.Unspecified),
                CompletedByOfficerId = check.CompletedByOfficerId?.ToString() ?? "",
                OrderId = check.OrderId?.ToString() ?? "",
                ConditionId = check.ConditionId?.ToString() ?? "",
                ManagementId = check.ManagementId?.ToString() ?? "",
                ResponsibleOfficerId = owner?.ToString() ?? "",
                ResponsibleOfficerName = owner is { } id ? officers.GetValueOrDefault(id, "") : "",
                DaysOverdue = check.IsOverdueOn(today) ? today.DayNumber - check.DueOn.DayNumber : 0,
                Description = Describe(check, condition, risk),
                CancelledReason = check.CancelledReason,
                Notes = levelFor(check.PersonId).Allows(RestrictedField.CaseworkText) ? check.Notes : "",
                Version = check.Version,
            };
            if (check.CompletedAt is { } at) message.CompletedAt = Timestamp.FromDateTimeOffset(at);
            return message;
        }).ToList();
    }

    /// <param name="levelFor">What the caller may see of each person's records: breach details are restricted casework text.</param>
    public async Task<IReadOnlyList<V1.Breach>> BreachesAsync(IReadOnlyList<Breach> breaches, Func<Guid, DisclosureLevel> levelFor, CancellationToken cancellationToken)
    {
        var people = await NamesAsync(breaches.Select(b => b.PersonId).Distinct().ToList(), cancellationToken);
        var conditionIds = breaches.Select(b => b.ConditionId).OfType<Guid>().Distinct().ToList();
        var wording = await db.Conditions.AsNoTracking().Where(c => conditionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Wording, cancellationToken);
        var keys = breaches.Select(b => $"breach:{b.Id}").ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => keys.Contains(t.SourceKey!)).ToDictionaryAsync(t => t.SourceKey!, t => t.Id, cancellationToken);
        return breaches.Select(b =>
        {
            var message = new V1.Breach
            {
                Id = b.Id.ToString(),
                PersonId = b.PersonId.ToString(),
                PersonName = people.GetValueOrDefault(b.PersonId, ""),
                OrderId = b.OrderId?.ToString() ?? "",
                ConditionId = b.ConditionId?.ToString() ?? "",
                ConditionWording = b.ConditionId is { } c ? wording.GetValueOrDefault(c, "") : "",
                OccurredAt = Timestamp.FromDateTimeOffset(b.OccurredAt),
                LocationText = b.Location,
                Source = ComplianceEnums.BreachSources.ToProto(b.Source),
                CheckId = b.CheckId?.ToString() ?? "",
                SightingId = b.SightingId?.ToString() ?? "",
                Status = ComplianceEnums.BreachStatuses.ToProto(b.Status),
                Action = ComplianceEnums.BreachActions.ToProto(b.Action, V1.BreachAction.Unspecified),
                RecordedBy = b.RecordedBy,
                RecordedAt = Timestamp.FromDateTimeOffset(b.RecordedAt),
                TaskId = tasks.TryGetValue($"breach:{b.Id}", out var task) ? task.ToString() : "",
                Version = b.Version,
                Details = levelFor(b.PersonId).Allows(RestrictedField.CaseworkText) ? b.Details : "",
            };
            if (b.Latitude is { } lat && b.Longitude is { } lon) message.Location = new V1.GeoPoint { Latitude = lat, Longitude = lon };
            message.History.AddRange(b.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new V1.BreachStatusChange
            {
                At = Timestamp.FromDateTimeOffset(h.At),
                FromStatus = ComplianceEnums.BreachStatuses.ToProto(h.FromStatus, V1.BreachStatus.Unspecified),
                ToStatus = ComplianceEnums.BreachStatuses.ToProto(h.ToStatus),
                Action = ComplianceEnums.BreachActions.ToProto(h.Action, V1.BreachAction.Unspecified),
                ChangedBy = h.ChangedBy,
                Note = h.Note,
            }));
            return message;
        }).ToList();
    }

    public static string Describe(ComplianceCheck check, Condition? condition, RiskLevel risk) => check.Kind switch
    {
        CheckKind.HomeVisit => $"Home visit (registered sex offender, {RiskLevels.Words(risk)} risk)",
        CheckKind.RsoPeriodicNotification => "Periodic notification at a police station: within a year of the last notification",
        CheckKind.ChangeOfDetailsNotification => "Confirm a change of name or address was notified within 3 days",
        CheckKind.WeeklyNotification => "Weekly notification (no fixed abode)",
        CheckKind.ReleaseNotification => "Notification within 3 days of release from custody",
        CheckKind.InitialNotification => "Initial notification within 3 days of the SHPO's service",
        CheckKind.SpoNotification => "SPO: name and home address within 3 days of service",
        CheckKind.FinancialReport => condition is FinancialReportingCondition f ? $"Financial report: {f.WhatToReport}" : "Financial report",
        CheckKind.DeviceInspection => "Device inspection: phones and computers",
        CheckKind.CurfewCheck => condition is CurfewCondition c ? $"Curfew spot check: {string.Join(", ", c.Windows.Select(w => w.Describe()))}" : "Curfew spot check",
        CheckKind.TravelNotification => "Return from foreign travel notified within 3 days",
        _ => condition?.Wording ?? "Condition check",
    };


    private Task<Dictionary<Guid, string>> NamesAsync(List<Guid> ids, CancellationToken cancellationToken) => db.NamesOfAsync(ids, cancellationToken);
}
