using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Writes caseload records for the wire, with the names a reader needs looked up in one go.</summary>
public sealed class CaseloadMessages(OffenderMgmtDb db, ForceClock clock)
{
    public async Task<IReadOnlyList<V1.Management>> ManagementsAsync(IReadOnlyList<Management> managements, Func<Guid, DisclosureLevel> levelFor, CancellationToken cancellationToken)
    {
        var personIds = managements.Select(m => m.PersonId).Distinct().ToList();
        var people = await db.NamesOfAsync(personIds, cancellationToken);
        var officerIds = managements.SelectMany(m => m.Assignments.Select(a => a.OfficerId).Append(m.ResponsibleOfficerId)).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var teamIds = managements.Select(m => m.OwningTeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return managements.Select(m =>
        {
            var message = new V1.Management
            {
                Id = m.Id.ToString(),
                PersonId = m.PersonId.ToString(),
                PersonName = people.GetValueOrDefault(m.PersonId, ""),
                Scheme = CaseloadEnums.Schemes.ToProto(m.Scheme),
                Active = m.IsActive,
                StartedOn = IsoDate.Format(m.StartedOn),
                EndedOn = IsoDate.Format(m.EndedOn),
                EndReason = m.EndReason,
                OwningTeamId = m.OwningTeamId.ToString(),
                OwningTeamName = teams.GetValueOrDefault(m.OwningTeamId, ""),
                ResponsibleOfficerId = m.ResponsibleOfficerId?.ToString() ?? "",
                ResponsibleOfficerName = m.ResponsibleOfficerId is { } o ? officers.GetValueOrDefault(o, "") : "",
                RiskLevel = RiskLevels.Table.ToProto(m.RiskLevel),
                CohortType = CaseloadEnums.Cohorts.ToProto(m.CohortType, V1.IomCohortType.Unspecified),
                Register = CaseloadEnums.Registers.ToProto(m.Register),
                MappaCategory = m.MappaCategory ?? 0,
                MappaLevel = m.MappaLevel ?? 0,
                OcgReference = m.OcgReference ?? "",
                NextReviewDue = IsoDate.Format(m.NextReviewDue),
                Version = m.Version,
            };
            message.IomCategories.AddRange(Categories(m.IomCategories));
            if (m.Notification is { } n)
                message.Notification = new V1.RsoNotificationDetails
                {
                    ConvictionDate = IsoDate.Format(n.ConvictionDate), Disposal = (int)n.Disposal, SentenceMonths = n.SentenceMonths ?? 0,
                    AgeAtConviction = n.AgeAtConviction, PeriodEndsOn = IsoDate.Format(n.PeriodEndsOn), LastNotifiedOn = IsoDate.Format(n.LastNotifiedOn),
                };
            message.Assignments.AddRange(m.Assignments.OrderBy(a => a.From).Select(a =>
            {
                var spell = new V1.Assignment
                {
                    OfficerId = a.OfficerId?.ToString() ?? "", OfficerName = a.OfficerId is { } id ? officers.GetValueOrDefault(id, "") : "(team queue)",
                    TeamId = a.TeamId.ToString(), From = Timestamp.FromDateTimeOffset(a.From), Reason = CaseloadEnums.AssignmentReasons.ToProto(a.Reason),
                    Note = a.Note, AssignedBy = a.AssignedBy,
                };
                if (a.To is { } to) spell.To = Timestamp.FromDateTimeOffset(to);
                return spell;
            }));
            if (levelFor(m.PersonId).Allows(RestrictedField.RiskAssessment)) message.RiskAssessment = m.RiskAssessment;
            return message;
        }).ToList();
    }

    public static V1.CaseSummary CaseRow(CaseRow row) => new()
    {
        ManagementId = row.Management.Id.ToString(),
        PersonId = row.Person.Id.ToString(),
        PersonName = row.Person.DisplayName,
        Scheme = CaseloadEnums.Schemes.ToProto(row.Management.Scheme),
        RiskLevel = RiskLevels.Table.ToProto(row.Management.RiskLevel),
        ResponsibleOfficerId = row.Management.ResponsibleOfficerId?.ToString() ?? "",
        ResponsibleOfficerName = row.OfficerName ?? "",
        NextCheckKind = row.NextCheck is { } c ? ComplianceMessages.Describe(c, null, row.Management.RiskLevel) : "",
        NextCheckDue = IsoDate.Format(row.NextCheck?.DueOn),
        OverdueChecks = row.OverdueChecks,
        OpenBreaches = row.OpenBreaches,
        AreaName = row.AreaName ?? "",
        NextReviewDue = IsoDate.Format(row.Management.NextReviewDue),
        InCustody = row.Person.CustodyStatus == People.CustodyStatus.InCustody,
        ExpectedReleaseDate = IsoDate.Format(row.Person.ExpectedReleaseDate),
        LiveOrders = row.LiveOrders,
    };

    /// <summary>An officer's workload; without the people behind it when <paramref name="withNames"/> is false (analysts).</summary>
    public static V1.OfficerWorkload Workload(OfficerWorkloadReport report, bool withItems, bool withNames)
    {
        var today = report.Today;
        var message = new V1.OfficerWorkload
        {
            OfficerId = report.Officer.Id.ToString(),
            OfficerName = report.Officer.DisplayName,
            TeamName = report.TeamName,
            ContractedHours = report.Officer.ContractedHours,
            CapacityPoints = today.CapacityPoints,
            Points = today.Points,
            Utilisation = today.Utilisation,
            Cases = today.Cases,
            Orders = today.Orders,
            ConsecutiveWeeksOverThreshold = report.ConsecutiveWeeksOver,
            Excessive = report.Excessive,
            Threshold = report.ThresholdPercent,
            WeightsEffectiveFrom = IsoDate.Format(today.WeightsFrom),
            OutOfPost = !report.Officer.IsInPostOn(report.Weeks[^1].WeekEnding),
            LeftOn = IsoDate.Format(report.Officer.InPostTo),
            Explanation = $"{today.Cases} cases and {today.Orders} orders carry {today.Points:0.##} points against a capacity of {today.CapacityPoints:0.##} " +
                          $"({report.Officer.ContractedHours:0.#} contracted hours): {today.Utilisation:0.#}%. " +
                          (report.Excessive ? $"Over {report.ThresholdPercent:0}% for {report.ConsecutiveWeeksOver} weeks in a row: excessive." :
                              report.ConsecutiveWeeksOver > 0 ? $"Over {report.ThresholdPercent:0}% for {Plural.Of(report.ConsecutiveWeeksOver, "week")} in a row." : ""),
        };
        if (withItems)
            message.Items.AddRange(today.Lines.OrderByDescending(l => l.Points).Select(l =>
            {
                var item = new V1.WorkloadItem { Kind = l.Kind, Id = l.Id.ToString(), Points = l.Points };
                if (withNames) { item.PersonId = l.PersonId.ToString(); item.PersonName = l.PersonName; }
                item.Reasons.AddRange(l.Reasons);
                return item;
            }));
        message.Weeks.AddRange(report.Weeks.Select(w => new V1.WeekUtilisation { WeekEnding = IsoDate.Format(w.WeekEnding), Points = w.Figure.Points, Utilisation = w.Figure.Utilisation }));
        return message;
    }

    public V1.OrphanedItem Orphaned(OrphanedWork work)
    {
        var h = work.Handover;
        var item = new V1.OrphanedItem
        {
            Kind = work.Kind,
            Id = work.Id.ToString(),
            PersonId = work.Person.Id.ToString(),
            PersonName = work.Person.DisplayName,
            Description = work.Description,
            RiskLevel = RiskLevels.Table.ToProto(work.Risk),
            PreviousOfficerId = work.PreviousOfficer?.Id.ToString() ?? "",
            PreviousOfficerName = work.PreviousOfficer?.DisplayName ?? "",
            OrphanedAt = Timestamp.FromDateTimeOffset(work.Since),
            TeamId = work.TeamId.ToString(),
            NeedsAccreditation = work.NeedsAccreditation,
            Handover = new V1.HandoverSummary
            {
                OpenChecks = h.OpenChecks,
                NextCheckKind = h.NextCheck?.Kind.ToString() ?? "",
                NextCheckDue = IsoDate.Format(h.NextCheck?.DueOn),
                OverdueChecks = h.OverdueChecks,
                OpenBreaches = h.OpenBreaches,
                PendingReleaseDate = IsoDate.Format(h.PendingRelease),
                LastContactOn = h.LastContact is { } c ? IsoDate.Format(DateOnly.FromDateTime(clock.ToLocal(c.At).DateTime)) : "",
                LastContactKind = h.LastContact?.Kind.ToString() ?? "",
                Note = Handover(h, clock.Today),
            },
        };
        return item;
    }

    public static string Handover(HandoverSummary h, DateOnly today)
    {
        var parts = new List<string>
        {
            h.OpenChecks == 0 ? "no open checks" : $"{h.OpenChecks} open check{(h.OpenChecks == 1 ? "" : "s")}" +
                (h.NextCheck is { } next ? $", next {Compliance.ComplianceEnums.KindWords[next.Kind]} due {next.DueOn:yyyy-MM-dd}" : "") +
                (h.OverdueChecks > 0 ? $" ({h.OverdueChecks} overdue)" : ""),
        };
        if (h.OpenBreaches > 0) parts.Add($"{h.OpenBreaches} open breach{(h.OpenBreaches == 1 ? "" : "es")}");
        if (h.PendingRelease is { } release) parts.Add($"release expected {release:yyyy-MM-dd}");
        parts.Add(h.LastContact is { } c ? $"last contact {CaseloadEnums.ContactKindWords[c.Kind]} {c.At:yyyy-MM-dd}" : "no contact recorded");
        return string.Join("; ", parts);
    }

    public async Task<IReadOnlyList<V1.WorkTask>> TasksAsync(IReadOnlyList<WorkTask> tasks, CancellationToken cancellationToken)
    {
        var personIds = tasks.Select(t => t.PersonId).OfType<Guid>().Distinct().ToList();
        var people = await db.NamesOfAsync(personIds, cancellationToken);
        var today = clock.Today;
        return tasks.Select(t => new V1.WorkTask
        {
            Id = t.Id.ToString(),
            Kind = CaseloadEnums.TaskKinds.ToProto(t.Kind),
            Title = t.Title,
            Detail = t.Detail,
            PersonId = t.PersonId?.ToString() ?? "",
            PersonName = t.PersonId is { } p ? people.GetValueOrDefault(p, "") : "",
            ManagementId = t.ManagementId?.ToString() ?? "",
            OrderId = t.OrderId?.ToString() ?? "",
            BreachId = t.BreachId?.ToString() ?? "",
            AssignedOfficerId = t.AssignedOfficerId?.ToString() ?? "",
            AssignedTeamId = t.AssignedTeamId?.ToString() ?? "",
            DueOn = IsoDate.Format(t.DueOn),
            Status = CaseloadEnums.TaskStatuses.ToProto(t.Status),
            CreatedAt = Timestamp.FromDateTimeOffset(t.CreatedAt),
            Overdue = t.Status == WorkTaskStatus.Open && t.DueOn < today,
        }).ToList();
    }

    public static V1.ContactNote Contact(ContactNote note, DisclosureLevel level) => new()
    {
        Id = note.Id.ToString(),
        PersonId = note.PersonId.ToString(),
        ManagementId = note.ManagementId?.ToString() ?? "",
        OfficerId = note.OfficerId?.ToString() ?? "",
        RecordedBy = note.RecordedBy,
        At = Timestamp.FromDateTimeOffset(note.At),
        Kind = CaseloadEnums.ContactKinds.ToProto(note.Kind),
        Text = level.Allows(RestrictedField.CaseworkText) ? note.Text : "",
    };

    public static V1.IomReviewItem AgendaItem(AgendaItem item)
    {
        var message = new V1.IomReviewItem
        {
            ManagementId = item.Management.Id.ToString(),
            PersonId = item.Person.Id.ToString(),
            PersonName = item.Person.DisplayName,
            CohortType = CaseloadEnums.Cohorts.ToProto(item.Management.CohortType, V1.IomCohortType.Unspecified),
            RiskLevel = RiskLevels.Table.ToProto(item.Management.RiskLevel),
            ResponsibleOfficerName = item.OfficerName ?? "(team queue)",
        };
        message.Categories.AddRange(Categories(item.Management.IomCategories));
        message.Reasons.AddRange(item.Reasons.Select(CaseloadEnums.AgendaReasons.ToProto));
        message.Details.AddRange(item.Details);
        if (item.Decision is { } d) Decision(message, d);
        return message;
    }

    public static void Decision(V1.IomReviewItem message, IomReviewDecision decision)
    {
        message.Decision = decision.Decision;
        message.ProposeDeselection = decision.ProposeDeselection;
        message.DecidedBy = decision.DecidedBy;
        message.Actions.Clear();
        message.Actions.AddRange(decision.Actions.Select(a => new V1.IomAction { Action = a.Action, PartnerAgency = a.PartnerAgency, Owner = a.Owner, DueOn = IsoDate.Format(a.DueOn) }));
    }

    public static IEnumerable<V1.IomCategory> Categories(IomCategories categories)
    {
        if (categories.HasFlag(IomCategories.SeriousAcquisitive)) yield return V1.IomCategory.SeriousAcquisitive;
        if (categories.HasFlag(IomCategories.DomesticAbuse)) yield return V1.IomCategory.DomesticAbuse;
        if (categories.HasFlag(IomCategories.Violent)) yield return V1.IomCategory.Violent;
        if (categories.HasFlag(IomCategories.OcgMember)) yield return V1.IomCategory.OcgMember;
    }
}
