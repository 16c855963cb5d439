using System.Globalization;
using Grpc.Core;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Caseload;

/// <summary>gRPC Caseload service: reads and checks requests, decides who may see what, hands over to the caseload classes.</summary>
public sealed class CaseloadService(
    CaseloadBook book, WorkloadService workloads, Continuity continuity, CustodyNotifications notifications, TaskList taskList,
    ContactLog contacts, IomReview iom, CaseloadMessages messages, DisclosurePolicy disclosure, Caller caller, CallAudit audit, ForceClock clock)
    : V1.Caseload.CaseloadBase
{
    private const int DefaultWeeks = 12;

    public override async Task<V1.Management> Enrol(V1.EnrolRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var officer = v.Id("responsible_officer_id", request.ResponsibleOfficerId, required: false);
        var team = v.Id("owning_team_id", request.OwningTeamId, required: false);
        var started = v.Date("started_on", request.StartedOn, TimeBounds.Happened, clock);
        NotificationDetails? notification = null;
        if (request.Notification is { } n)
        {
            var convicted = v.Date("notification.conviction_date", n.ConvictionDate, TimeBounds.Life, clock, required: true);
            var disposal = v.Enum("notification.disposal", (NotificationDisposal)n.Disposal);
            var last = v.Date("notification.last_notified_on", n.LastNotifiedOn, TimeBounds.Happened, clock);
            if (convicted is { } c) notification = new NotificationDetails(c, disposal, n.SentenceMonths == 0 ? null : n.SentenceMonths, n.AgeAtConviction, last);
        }
        var categories = IomCategories.None;
        var categoryCount = v.Count("iom_categories", request.IomCategories.Count, RequestLimits.IomCategories) ? request.IomCategories.Count : 0;
        for (var i = 0; i < categoryCount; i++)
        {
            var category = request.IomCategories[i];
            if (category == V1.IomCategory.Unspecified || !Enum.IsDefined(category)) v.Add($"iom_categories[{i}]", "is not a known category");
            else categories |= (IomCategories)(1 << ((int)category - 1));
        }
        var scheme = CaseloadEnums.Schemes.Required(v, "scheme", request.Scheme);
        var risk = RiskLevels.Table.Required(v, "risk_level", request.RiskLevel);
        var cohort = CaseloadEnums.Cohorts.Optional(v, "cohort_type", request.CohortType);
        var register = CaseloadEnums.Registers.Required(v, "register", request.Register);
        v.ThrowIfInvalid();
        audit.Touched(person);
        await EnsureMayEnrolIntoAsync(officer, team, context.CancellationToken);

        var management = await book.EnrolAsync(new Enrolment(
            person, scheme, officer.OrNull(), team.OrNull(), started, risk,
            cohort, categories,
            register, request.MappaCategory == 0 ? null : request.MappaCategory, request.MappaLevel == 0 ? null : request.MappaLevel,
            notification, request.OcgReference.Length == 0 ? null : request.OcgReference, request.RiskAssessment), context.CancellationToken);
        audit.Touched(management.Id);
        return await OneAsync(management, context.CancellationToken);
    }

    public override async Task<V1.Management> GetManagement(V1.GetManagementRequest request, ServerCallContext context)
    {
        var management = await book.GetAsync(Ids.Require(request.Id, "id"), context.CancellationToken);
        audit.Touched(management.Id);
        audit.Touched(management.PersonId);
        return await OneAsync(management, context.CancellationToken);
    }

    public override async Task<V1.ListManagementsResponse> ListManagements(V1.ListManagementsRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        var level = await disclosure.ForPersonAsync(person, context.CancellationToken);
        var managements = await book.ForPersonAsync(person, request.IncludeEnded, context.CancellationToken);
        audit.Touched(managements.Select(m => m.Id));
        var response = new V1.ListManagementsResponse();
        response.Managements.AddRange(await messages.ManagementsAsync(managements, _ => level, context.CancellationToken));
        return response;
    }

    public override async Task<V1.ListCaseloadResponse> ListCaseload(V1.ListCaseloadRequest request, ServerCallContext context)
    {
        var (officer, team) = await OfficerOrTeamAsync(request.OfficerId, request.TeamId, context.CancellationToken);
        var (rows, next) = await book.CaseloadAsync(officer, team, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(rows.Select(r => r.Person.Id));
        var response = new V1.ListCaseloadResponse { NextPageToken = next };
        response.Cases.AddRange(rows.Select(CaseloadMessages.CaseRow));
        return response;
    }

    public override async Task<V1.Management> ChangeRisk(V1.ChangeRiskRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        var assessment = v.Id("assessment_id", request.AssessmentId, required: false);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        var risk = RiskLevels.Table.Required(v, "risk_level", request.RiskLevel);
        v.ThrowIfInvalid();
        var existing = await book.GetAsync(id, context.CancellationToken);
        audit.Touched(id);
        audit.Touched(existing.PersonId);
        await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        var management = await book.ChangeRiskAsync(id, request.ExpectedVersion, risk,
            request.MappaLevel == 0 ? null : request.MappaLevel, request.Reason, context.CancellationToken, assessment.OrNull());
        return await OneAsync(management, context.CancellationToken);
    }

    public override async Task<V1.Management> EndManagement(V1.EndManagementRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        var endedOn = v.Date("ended_on", request.EndedOn, TimeBounds.Happened, clock) ?? clock.Today;
        v.ThrowIfInvalid();
        var existing = await book.GetAsync(id, context.CancellationToken);
        audit.Touched(id);
        audit.Touched(existing.PersonId);
        await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        // Decided before the case ends: once ended it is nobody's case, but the caller just held it.
        var level = await disclosure.ForPersonAsync(existing.PersonId, context.CancellationToken);
        var management = await book.EndAsync(id, request.ExpectedVersion, endedOn, request.Reason, context.CancellationToken);
        return (await messages.ManagementsAsync([management], _ => level, context.CancellationToken))[0];
    }

    public override async Task<V1.OfficerWorkload> GetOfficerWorkload(V1.GetOfficerWorkloadRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", request.OfficerId);
        var on = v.Date("on", request.On, TimeBounds.Planned, clock) ?? clock.Today;
        var weeks = Weeks(request.Weeks, v);
        if (on > clock.Today) v.Add("on", "must not be in the future");
        v.ThrowIfInvalid();
        var analyst = caller.Role == Role.Analyst;
        if (!analyst) await disclosure.EnsureCaseworkOfOfficerAsync(officer, context.CancellationToken);
        var report = await workloads.ForOfficerAsync(officer, on, weeks, context.CancellationToken);
        if (!analyst) audit.Touched(report.Today.Lines.Select(l => l.PersonId));
        return CaseloadMessages.Workload(report, withItems: true, withNames: !analyst);
    }

    public override async Task<V1.TeamWorkload> GetTeamWorkload(V1.GetTeamWorkloadRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var team = v.Id("team_id", request.TeamId);
        var on = v.Date("on", request.On, TimeBounds.Planned, clock) ?? clock.Today;
        var weeks = Weeks(request.Weeks, v);
        if (on > clock.Today) v.Add("on", "must not be in the future");
        v.ThrowIfInvalid();
        // Staff figures, not offender records: the team's own officers and analysts may see them; others need a reason.
        if (caller.Role != Role.Analyst && await caller.TeamIdAsync(context.CancellationToken) != team)
            await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var officers = await TeamOfficersAsync(team, on, context.CancellationToken);
        var reports = new List<OfficerWorkloadReport>();
        foreach (var officer in officers) reports.Add(await workloads.ForOfficerAsync(officer, on, weeks, context.CancellationToken));
        var orphaned = await continuity.OrphanedAsync(team, context.CancellationToken);
        var response = new V1.TeamWorkload
        {
            TeamId = team.ToString(),
            TeamName = reports.FirstOrDefault()?.TeamName ?? "",
            Points = reports.Sum(r => r.Today.Points),
            CapacityPoints = reports.Sum(r => r.Today.CapacityPoints),
            OrphanedItems = orphaned.Count,
        };
        response.Utilisation = response.CapacityPoints <= 0 ? 0 : Math.Round(100 * response.Points / response.CapacityPoints, 1);
        response.Officers.AddRange(reports.OrderByDescending(r => r.Today.Utilisation).Select(r => CaseloadMessages.Workload(r, withItems: false, withNames: false)));
        return response;
    }

    public override async Task<V1.OfficerLeavesResponse> OfficerLeaves(V1.OfficerLeavesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", request.OfficerId);
        var leftOn = v.Date("left_on", request.LeftOn, TimeBounds.Planned, clock) ?? clock.Today;
        var movedTo = v.Id("moved_to_team_id", request.MovedToTeamId, required: false);
        v.ThrowIfInvalid();
        audit.Touched(officer);
        await disclosure.EnsureCaseworkOfOfficerAsync(officer, context.CancellationToken);
        var orphaned = await continuity.OfficerLeavesAsync(officer, leftOn, movedTo.OrNull(), request.Note, context.CancellationToken);
        audit.Touched(orphaned.Select(o => o.Id));
        var response = new V1.OfficerLeavesResponse();
        response.Orphaned.AddRange(orphaned.Select(messages.Orphaned));
        return response;
    }

    public override async Task<V1.ListOrphanedResponse> ListOrphaned(V1.ListOrphanedRequest request, ServerCallContext context)
    {
        var team = Ids.Require(request.TeamId, "team_id");
        await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var pageSize = Paging.PageSize(request.PageSize);
        var all = await continuity.OrphanedAsync(team, context.CancellationToken);
        var after = Paging.Decode(request.PageToken, 1);
        var start = after is null ? 0 : all.ToList().FindIndex(w => w.Id.ToString() == after[0]) + 1;
        if (after is not null && start == 0) throw new ValidationException("page_token", "is not a page token this list returned");
        var page = all.Skip(start).Take(pageSize + 1).ToList();
        audit.Touched(page.Take(pageSize).Select(w => w.Person.Id));
        var response = new V1.ListOrphanedResponse { NextPageToken = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "" };
        response.Items.AddRange(page.Take(pageSize).Select(messages.Orphaned));
        return response;
    }

    public override async Task<V1.SuggestOwnersResponse> SuggestOwners(V1.SuggestOwnersRequest request, ServerCallContext context)
    {
        IReadOnlyList<(string Kind, Guid Id)> items;
        if (request.Items.Count > 0)
        {
            var v = new Validator();
            items = v.Each("items", request.Items, RequestLimits.ReallocationItems, (field, item) => (item.Kind, Id: v.Id($"{field}.id", item.Id)));
            v.ThrowIfInvalid();
        }
        else items = [(request.Kind, Ids.Require(request.Id, "id"))];
        var teams = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var (person, team, _) = await continuity.WorkAsync(items[i].Kind, items[i].Id, request.Items.Count > 0 ? $"items[{i}].id" : "id", context.CancellationToken);
            audit.Touched(person);
            teams.Add(team);
        }
        foreach (var team in teams) await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var suggestions = await continuity.SuggestAsync(items, request.Limit, context.CancellationToken);
        var response = new V1.SuggestOwnersResponse();
        response.Suggestions.AddRange(suggestions.Select(s => new V1.OwnerSuggestion
        {
            OfficerId = s.Officer.Id.ToString(), OfficerName = s.Officer.DisplayName, TeamName = s.TeamName, Utilisation = s.Utilisation,
            UtilisationAfter = s.UtilisationAfter, Accredited = s.Accredited, SameArea = s.SameArea, Eligible = s.WhyNot is null,
            Why = s.WhyNot ?? string.Create(CultureInfo.InvariantCulture, $"{s.Utilisation:0.#}% now, {s.UtilisationAfter:0.#}% after{(s.SameArea ? ", already works this area" : "")}"),
        }));
        return response;
    }

    public override async Task<V1.ReallocateResponse> Reallocate(V1.ReallocateRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", request.OfficerId);
        var items = v.Each("items", request.Items, RequestLimits.ReallocationItems, (field, item) => (item.Kind, Id: v.Id($"{field}.id", item.Id)));
        var reason = CaseloadEnums.AssignmentReasons.Optional(v, "reason", request.Reason) ?? AssignmentReason.CaseloadAdjustment;
        v.ThrowIfInvalid();
        var teams = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var (person, team, _) = await continuity.WorkAsync(items[i].Kind, items[i].Id, $"items[{i}].id", context.CancellationToken);
            audit.Touched(person);
            teams.Add(team);
        }
        foreach (var team in teams) await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var moved = await continuity.ReallocateAsync(items, officer, reason, request.Note, context.CancellationToken);
        audit.Touched(moved.Select(m => m.Id));
        var response = new V1.ReallocateResponse { OfficerId = officer.ToString() };
        response.Reallocated.AddRange(moved.Select(messages.Orphaned));
        return response;
    }

    public override async Task<V1.NotificationResult> NotifyRelease(V1.NotifyReleaseRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var release = v.Date("expected_release_date", request.ExpectedReleaseDate, TimeBounds.Planned, clock, required: true);
        v.ThrowIfInvalid();
        audit.Touched(person);
        var tasks = await notifications.ReleaseAsync(person, release!.Value, request.Establishment, context.CancellationToken,
            request.ReleaseAddress, request.ReleaseLocation is { } at ? (at.Latitude, at.Longitude) : null);
        return await ResultAsync(tasks, context.CancellationToken);
    }

    public override async Task<V1.NotificationResult> NotifyCharge(V1.NotifyChargeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var charged = v.Date("charged_on", request.ChargedOn, TimeBounds.Happened, clock) ?? clock.Today;
        var io = v.Id("investigating_officer_id", request.InvestigatingOfficerId, required: false);
        v.ThrowIfInvalid();
        audit.Touched(person);
        var tasks = await notifications.ChargeAsync(person, request.CaseReference, request.Offence, request.SeriousCrime, charged, io.OrNull(), context.CancellationToken);
        return await ResultAsync(tasks, context.CancellationToken);
    }

    public override async Task<V1.ListTasksResponse> ListTasks(V1.ListTasksRequest request, ServerCallContext context)
    {
        var (officer, team) = await OfficerOrTeamAsync(request.OfficerId, request.TeamId, context.CancellationToken);
        var (tasks, next) = await taskList.ListAsync(officer, team, request.IncludeClosed, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(tasks.Select(t => t.Id));
        var response = new V1.ListTasksResponse { NextPageToken = next };
        response.Tasks.AddRange(await messages.TasksAsync(tasks, context.CancellationToken));
        return response;
    }

    public override async Task<V1.WorkTask> CompleteTask(V1.CompleteTaskRequest request, ServerCallContext context)
    {
        var id = Ids.Require(request.Id, "id");
        var task = await taskList.GetAsync(id, context.CancellationToken);
        audit.Touched(id);
        if (task.AssignedOfficerId is { } officer) await disclosure.EnsureCaseworkOfOfficerAsync(officer, context.CancellationToken);
        else if (task.AssignedTeamId is { } team) await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var done = await taskList.CompleteAsync(id, request.Note, context.CancellationToken);
        return (await messages.TasksAsync([done], context.CancellationToken))[0];
    }

    public override async Task<V1.ContactNote> RecordContact(V1.RecordContactRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var management = v.Id("management_id", request.ManagementId, required: false);
        var kind = CaseloadEnums.ContactKinds.Required(v, "kind", request.Kind);
        var at = v.Instant("at", request.At, TimeBounds.Happened, clock);
        v.ThrowIfInvalid();
        audit.Touched(person);
        await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);
        var note = await contacts.RecordAsync(person, management.OrNull(), at, kind, request.Text, context.CancellationToken);
        audit.Touched(note.Id);
        return CaseloadMessages.Contact(note, DisclosureLevel.Full);
    }

    public override async Task<V1.ListContactsResponse> ListContacts(V1.ListContactsRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        var level = await disclosure.EnsureCaseworkOfPersonAsync(person, context.CancellationToken);
        var (notes, next) = await contacts.ListAsync(person, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new V1.ListContactsResponse { NextPageToken = next };
        response.Contacts.AddRange(notes.Select(n => CaseloadMessages.Contact(n, level)));
        return response;
    }

    public override async Task<V1.IomReviewAgenda> GetIomReviewAgenda(V1.GetIomReviewAgendaRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = v.Date("on", request.On, TimeBounds.Planned, clock) ?? clock.Today;
        v.ThrowIfInvalid();
        await disclosure.EnsureIomAgendaAsync(context.CancellationToken);
        var (since, items) = await iom.AgendaAsync(on, context.CancellationToken);
        audit.Touched(items.Select(i => i.Person.Id));
        var agenda = new V1.IomReviewAgenda { MeetingOn = IsoDate.Format(on), Since = IsoDate.Format(since) };
        agenda.Items.AddRange(items.Select(CaseloadMessages.AgendaItem));
        return agenda;
    }

    public override async Task<V1.IomReviewItem> RecordIomDecision(V1.RecordIomDecisionRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var management = v.Id("management_id", request.ManagementId);
        var on = v.Date("meeting_on", request.MeetingOn, TimeBounds.Planned, clock) ?? clock.Today;
        var actions = v.Each("actions", request.Actions, RequestLimits.IomActions, (field, a) => new IomAction(a.Action, a.PartnerAgency, a.Owner, v.Date($"{field}.due_on", a.DueOn, TimeBounds.Planned, clock)));
        v.ThrowIfInvalid();
        audit.Touched(management);
        var decision = await iom.DecideAsync(management, on, request.Decision, actions, request.ProposeDeselection, context.CancellationToken);
        var item = new V1.IomReviewItem { ManagementId = management.ToString() };
        CaseloadMessages.Decision(item, decision);
        return item;
    }

    private async Task<V1.Management> OneAsync(Management management, CancellationToken cancellationToken)
    {
        var level = await disclosure.ForPersonAsync(management.PersonId, cancellationToken);
        return (await messages.ManagementsAsync([management], _ => level, cancellationToken))[0];
    }

    private async Task<V1.NotificationResult> ResultAsync(IReadOnlyList<WorkTask> tasks, CancellationToken cancellationToken)
    {
        audit.Touched(tasks.Select(t => t.Id));
        var result = new V1.NotificationResult();
        result.Tasks.AddRange(await messages.TasksAsync(tasks, cancellationToken));
        return result;
    }

    /// <summary>An offender manager enrols into their own caseload or their team's queue; a supervisor into their team.</summary>
    private async Task EnsureMayEnrolIntoAsync(Guid officer, Guid team, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Service) return;
        if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, cancellationToken);
        if (team != Guid.Empty && await caller.TeamIdAsync(cancellationToken) != team)
            await disclosure.EnsureCaseworkOfTeamAsync(team, cancellationToken);
    }

    private async Task<(Guid? Officer, Guid? Team)> OfficerOrTeamAsync(string officerText, string teamText, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", officerText, required: false);
        var team = v.Id("team_id", teamText, required: false);
        if ((officer == Guid.Empty) == (team == Guid.Empty)) v.Add("officer_id", "give exactly one of officer_id or team_id");
        v.ThrowIfInvalid();
        if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, cancellationToken);
        else await disclosure.EnsureCaseworkOfTeamAsync(team, cancellationToken);
        return (officer.OrNull(), team.OrNull());
    }

    /// <summary>The team's case-holding officers in post, and anyone out of post who still holds work.</summary>
    private async Task<IReadOnlyList<Guid>> TeamOfficersAsync(Guid team, DateOnly on, CancellationToken cancellationToken)
    {
        var officers = await workloads.TeamMembersAsync(team, cancellationToken);
        var holders = await workloads.HoldersAsync(officers.Select(o => o.Id).ToList(), cancellationToken);
        return officers.Where(o => (o.IsInPostOn(on) && o.Role is Officers.OfficerRole.OffenderManager or Officers.OfficerRole.SeniorInvestigatingOfficer) || holders.Contains(o.Id))
            .Select(o => o.Id).ToList();
    }

    private static int Weeks(int requested, Validator v)
    {
        if (requested is < 0 or > 104) v.Add("weeks", "must be between 0 and 104 (0: the default of 12)");
        return requested == 0 ? DefaultWeeks : requested;
    }


}
