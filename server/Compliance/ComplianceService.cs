using Grpc.Core;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Compliance;

/// <summary>gRPC Compliance service: checks due and overdue, outcomes, breaches.</summary>
public sealed class ComplianceService(
    ComplianceDesk desk, BreachRegister breaches, ComplianceMessages messages, DisclosurePolicy disclosure, Caller caller, CallAudit audit, ForceClock clock,
    NotificationDesk notifications, NotificationMessages notificationMessages, ReactiveManagementApprovals reactive,
    Risk.PlanActionsDue planActions)
    : V1.Compliance.ComplianceBase
{
    public override async Task<V1.ListChecksResponse> ListDue(V1.ListChecksRequest request, ServerCallContext context)
    {
        var scope = await ScopeAsync(request, context.CancellationToken);
        var (checks, next) = await desk.ListDueAsync(scope, request.HorizonDays, request.PageSize, request.PageToken, context.CancellationToken);
        return await WithPlanActionsAsync(await RespondAsync(checks, next, Writer, context.CancellationToken), scope, request, overdue: false, context.CancellationToken);
    }

    public override async Task<V1.ListChecksResponse> ListOverdue(V1.ListChecksRequest request, ServerCallContext context)
    {
        var scope = await ScopeAsync(request, context.CancellationToken);
        var (checks, next) = await desk.ListOverdueAsync(scope, request.PageSize, request.PageToken, context.CancellationToken);
        return await WithPlanActionsAsync(await RespondAsync(checks, next, Writer, context.CancellationToken), scope, request, overdue: true, context.CancellationToken);
    }

    public override async Task<V1.ListChecksResponse> ListHistory(V1.ListHistoryRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        var level = await disclosure.EnsureCaseworkOfPersonAsync(person, context.CancellationToken);
        var (checks, next) = await desk.HistoryAsync(person, request.PageSize, request.PageToken, context.CancellationToken);
        return await RespondAsync(checks, next, _ => level, context.CancellationToken);
    }

    public override async Task<V1.RecordOutcomeResponse> RecordOutcome(V1.RecordOutcomeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var checkId = v.Id("check_id", request.CheckId);
        var outcome = ComplianceEnums.Outcomes.Required(v, "outcome", request.Outcome);
        var breachOrder = v.Id("breach_order_id", request.BreachOrderId, required: false);
        var breachCondition = v.Id("breach_condition_id", request.BreachConditionId, required: false);
        if (outcome != CheckOutcome.BreachSuspected && (breachOrder != Guid.Empty || breachCondition != Guid.Empty))
            v.Add("breach_order_id", "is only for outcome BREACH_SUSPECTED");
        var completedAt = v.Instant("completed_at", request.CompletedAt, TimeBounds.Happened, clock);
        var devicesFound = v.Each("devices_found", request.DevicesFound, RequestLimits.DevicesFound, (field, d) => Identification.IdentifierMessages.Found(d, v, field));
        v.ThrowIfInvalid();
        audit.Touched(checkId);
        var check = await desk.GetAsync(checkId, context.CancellationToken);
        audit.Touched(check.PersonId);
        await disclosure.EnsureMayEditPersonAsync(check.PersonId, context.CancellationToken);

        var result = await desk.RecordOutcomeAsync(checkId, outcome, completedAt, request.Notes, caller.OfficerId,
            breachOrder.OrNull(), breachCondition.OrNull(), context.CancellationToken, devicesFound);
        var listed = await messages.ChecksAsync(result.Next is null ? [result.Closed] : [result.Closed, result.Next], Writer, context.CancellationToken);
        var response = new V1.RecordOutcomeResponse { Closed = listed[0] };
        if (result.Next is not null) { response.Next = listed[1]; audit.Touched(result.Next.Id); }
        if (result.Breach is not null)
        {
            response.Breach = (await messages.BreachesAsync([result.Breach], Writer, context.CancellationToken))[0];
            audit.Touched(result.Breach.Id);
        }
        if (result.UnregisteredDevices is { } unregistered)
        {
            response.UnregisteredDeviceIds.AddRange(unregistered.Select(d => d.Id.ToString()));
            audit.Touched(unregistered.Select(d => d.Id));
        }
        return response;
    }

    public override async Task<V1.Breach> RecordBreach(V1.RecordBreachRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var order = v.Id("order_id", request.OrderId, required: false);
        var condition = v.Id("condition_id", request.ConditionId, required: false);
        var check = v.Id("check_id", request.CheckId, required: false);
        var sighting = v.Id("sighting_id", request.SightingId, required: false);
        var occurredAt = v.Instant("occurred_at", request.OccurredAt, TimeBounds.Happened, clock, required: true);
        var source = request.Source == V1.BreachSource.Unspecified ? BreachSource.Report : ComplianceEnums.BreachSources.Required(v, "source", request.Source);
        v.ThrowIfInvalid();
        audit.Touched(person);
        if (caller.Is(Role.OffenderManager, Role.Supervisor)) await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);

        var breach = await breaches.RecordAsync(new BreachReport(
            person, order.OrNull(), condition.OrNull(), occurredAt!.Value,
            request.Location?.Latitude, request.Location?.Longitude, request.LocationText, source,
            check.OrNull(), sighting.OrNull(), request.Details), context.CancellationToken);
        audit.Touched(breach.Id);
        return (await messages.BreachesAsync([breach], Writer, context.CancellationToken))[0];
    }

    public override async Task<V1.Breach> UpdateBreach(V1.UpdateBreachRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        var status = ComplianceEnums.BreachStatuses.Required(v, "status", request.Status);
        BreachAction? action = ComplianceEnums.BreachActions.Optional(v, "action", request.Action);
        v.ThrowIfInvalid();
        audit.Touched(id);
        var existing = await breaches.GetAsync(id, context.CancellationToken);
        audit.Touched(existing.PersonId);
        await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        var breach = await breaches.UpdateAsync(id, request.ExpectedVersion, status, action, request.Note, context.CancellationToken);
        return (await messages.BreachesAsync([breach], Writer, context.CancellationToken))[0];
    }

    public override async Task<V1.ListBreachesResponse> ListBreaches(V1.ListBreachesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId, required: false);
        var order = v.Id("order_id", request.OrderId, required: false);
        var officer = v.Id("officer_id", request.OfficerId, required: false);
        if (person == Guid.Empty && order == Guid.Empty && officer == Guid.Empty) v.Add("person_id", "give a person_id, an order_id or an officer_id");
        v.ThrowIfInvalid();
        if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, context.CancellationToken);
        var (list, next) = await breaches.ListAsync(new BreachFilter(person.OrNull(), order.OrNull(), officer.OrNull(), request.OpenOnly, request.PageSize, request.PageToken), context.CancellationToken);
        var levels = new Dictionary<Guid, DisclosureLevel>();
        foreach (var id in list.Select(b => b.PersonId).Append(person).Where(p => p != Guid.Empty).Distinct())
            levels[id] = await disclosure.EnsureCaseworkOfPersonAsync(id, context.CancellationToken);
        audit.Touched(list.Select(b => b.Id));
        audit.Touched(list.Select(b => b.PersonId));
        var response = new V1.ListBreachesResponse { NextPageToken = next };
        response.Breaches.AddRange(await messages.BreachesAsync(list, id => levels[id], context.CancellationToken));
        return response;
    }

    public override Task<V1.NotificationPeriodResponse> CalculateNotificationPeriod(V1.NotificationPeriodRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var convicted = v.Date("conviction_date", request.ConvictionDate, TimeBounds.Life, clock, required: true);
        var firstNotified = v.Date("first_notified_on", request.FirstNotifiedOn, TimeBounds.Happened, clock);
        NotificationDisposal disposal = default;
        if (!NotificationMessages.Disposals.TryGetValue(request.Disposal, out disposal)) v.Add("disposal", "is required: one of the s.82 disposals");
        if (request.AgeAtConviction is < 10 or > 120) v.Add("age_at_conviction", "must be between 10 and 120");
        var needsMonths = NotificationPeriod.NeedsMonths(disposal);
        if (needsMonths && request.SentenceMonths is <= 0 or > 1200) v.Add("sentence_months", "is required (1 to 1200) for a custodial sentence or a conditional discharge");
        if (!needsMonths && request.SentenceMonths != 0) v.Add("sentence_months", "is only for a custodial sentence or a conditional discharge");
        if (convicted > clock.Today) v.Add("conviction_date", "must not be in the future");
        if (firstNotified is { } first && convicted is { } c && first < c) v.Add("first_notified_on", "must not be before the conviction");
        v.ThrowIfInvalid();
        int? months = needsMonths ? request.SentenceMonths : null;
        var ends = NotificationPeriod.EndsOn(convicted!.Value, disposal, months, request.AgeAtConviction);
        return Task.FromResult(new V1.NotificationPeriodResponse
        {
            Indefinite = ends is null,
            EndsOn = IsoDate.Format(ends),
            Explanation = NotificationPeriod.Explain(disposal, months, request.AgeAtConviction),
            ReviewOn = ends is null && firstNotified is { } f ? IsoDate.Format(NotificationPeriod.ReviewOn(f, request.AgeAtConviction)) : "",
        });
    }

    public override async Task<V1.NotificationStatus> GetNotificationStatus(V1.GetNotificationStatusRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        await disclosure.EnsureCaseworkOfPersonAsync(person, context.CancellationToken);
        var duty = await notifications.StatusAsync(person, context.CancellationToken);
        return notificationMessages.Status(person, duty);
    }

    public override async Task<V1.RecordNotificationResponse> RecordNotification(V1.RecordNotificationRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        if (!NotificationMessages.Kinds.TryGetValue(request.Kind, out var kind)) v.Add("kind", "is required: which notification was given");
        var notifiedAt = v.Instant("notified_at", request.NotifiedAt, TimeBounds.Happened, clock) ?? clock.Now;
        var departsAt = v.Instant("departs_at", request.DepartsAt, TimeBounds.Planned, clock);
        var effectiveOn = v.Date("effective_on", request.EffectiveOn, TimeBounds.Happened, clock);
        var returnOn = v.Date("return_on", request.ReturnOn, TimeBounds.Planned, clock);
        v.ThrowIfInvalid();
        audit.Touched(person);
        await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);
        var recorded = await notifications.RecordAsync(new NotificationReport(
            person, kind, notifiedAt, effectiveOn, request.Details, request.NoFixedAbode, departsAt, request.Destination, returnOn, request.ShortNoticeReason),
            context.CancellationToken);
        audit.Touched(recorded.Notification.Id);
        var response = new V1.RecordNotificationResponse
        {
            NotificationId = recorded.Notification.Id.ToString(),
            Late = recorded.Judgement.Late,
            Judgement = recorded.Judgement.Words,
            Status = notificationMessages.Status(person, recorded.Duty),
        };
        if (recorded.Breach is { } breach)
        {
            audit.Touched(breach.Id);
            var message = (await messages.BreachesAsync([breach], Writer, context.CancellationToken))[0];
            response.BreachId = message.Id;
            response.TaskId = message.TaskId;
        }
        return response;
    }

    public override async Task<V1.ReactiveManagement> ApproveReactiveManagement(V1.ApproveReactiveManagementRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("management_id", request.ManagementId);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        var reviewOn = v.Date("review_on", request.ReviewOn, TimeBounds.Planned, clock, required: true);
        v.ThrowIfInvalid();
        audit.Touched(id);
        var personId = await reactive.PersonOfAsync(id, context.CancellationToken);
        audit.Touched(personId);
        await disclosure.EnsureMayEditPersonAsync(personId, context.CancellationToken);
        var approval = await reactive.ApproveAsync(id, request.ExpectedVersion, reviewOn!.Value, request.Reason, context.CancellationToken);
        audit.Touched(approval.ReviewTask.Id);
        return new V1.ReactiveManagement
        {
            ManagementId = approval.Management.Id.ToString(),
            ReactiveSince = IsoDate.Format(approval.Management.ReactiveSince),
            ReviewOn = IsoDate.Format(approval.Management.ReactiveReviewOn),
            ApprovedBy = approval.Management.ReactiveApprovedBy,
            HomeVisitsWithdrawn = approval.HomeVisitsWithdrawn,
            Version = approval.Management.Version,
            TaskId = approval.ReviewTask.Id.ToString(),
        };
    }

    private async Task<CheckScope> ScopeAsync(V1.ListChecksRequest request, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", request.OfficerId, required: false);
        var team = v.Id("team_id", request.TeamId, required: false);
        var person = v.Id("person_id", request.PersonId, required: false);
        var given = new[] { officer, team, person }.Count(g => g != Guid.Empty);
        if (given != 1) v.Add("officer_id", "give exactly one of officer_id, team_id or person_id");
        v.ThrowIfInvalid();
        if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, cancellationToken);
        if (team != Guid.Empty) await disclosure.EnsureCaseworkOfTeamAsync(team, cancellationToken);
        if (person != Guid.Empty)
        {
            audit.Touched(person);
            await disclosure.EnsureCaseworkOfPersonAsync(person, cancellationToken);
        }
        return new CheckScope(officer.OrNull(), team.OrNull(), person.OrNull());
    }

    /// <summary>Risk plan actions due or overdue in the same scope ride with the first page of checks (issue 17).</summary>
    private async Task<V1.ListChecksResponse> WithPlanActionsAsync(V1.ListChecksResponse response, CheckScope scope, V1.ListChecksRequest request, bool overdue, CancellationToken cancellationToken)
    {
        if (request.PageToken.Length > 0) return response;
        var due = await planActions.ListAsync(scope, overdue, request.HorizonDays, cancellationToken);
        audit.Touched(due.Select(d => d.Action.Id));
        audit.Touched(due.Select(d => d.Plan.PersonId));
        response.PlanActions.AddRange(due.Select(Risk.RiskMessages.Due));
        return response;
    }

    /// <summary>
    /// The level for what the caller wrote, or for the due and overdue lists: their scope was
    /// cleared by <see cref="DisclosurePolicy"/> (own or team work, or a stated reason), and only
    /// case workers may call them.
    /// </summary>
    private static DisclosureLevel Writer(Guid _) => DisclosureLevel.Full;

    private async Task<V1.ListChecksResponse> RespondAsync(IReadOnlyList<ComplianceCheck> checks, string next, Func<Guid, DisclosureLevel> levelFor, CancellationToken cancellationToken)
    {
        audit.Touched(checks.Select(c => c.Id));
        audit.Touched(checks.Select(c => c.PersonId));
        var response = new V1.ListChecksResponse { NextPageToken = next };
        response.Checks.AddRange(await messages.ChecksAsync(checks, levelFor, cancellationToken));
        return response;
    }


}
