using Grpc.Core;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Orders;

/// <summary>gRPC Orders service: reads and checks the request, hands over to <see cref="OrderBook"/>.</summary>
public sealed class OrdersService(
    OrderBook book, OrderMessages messages, DisclosurePolicy disclosure, Caller caller, CallAudit audit, AreaIndexHolder areas, ForceClock clock)
    : V1.Orders.OrdersBase
{
    public override async Task<V1.Order> CreateOrder(V1.CreateOrderRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var personId = v.Id("person_id", request.PersonId);
        var type = OrderEnums.Types.Required(v, "type", request.Type);
        var madeOn = v.Date("made_on", request.MadeOn, TimeBounds.Happened, clock, required: true);
        var startsOn = v.Date("starts_on", request.StartsOn, TimeBounds.Planned, clock);
        var endsOn = v.Date("ends_on", request.EndsOn, TimeBounds.Planned, clock);
        var lead = v.Id("lead_officer_id", request.LeadOfficerId, required: false);
        var team = v.Id("owning_team_id", request.OwningTeamId, required: false);
        var conditions = ReadConditions(request.Conditions, "conditions", madeOn ?? clock.Today, v);
        v.ThrowIfInvalid();
        audit.Touched(personId);
        if (caller.Role != Role.Service) await disclosure.EnsureMayEditPersonAsync(personId, context.CancellationToken);

        var order = await book.CreateAsync(new NewOrder(
            personId, type, request.Court, request.CaseReference, madeOn!.Value, startsOn, endsOn,
            lead.OrNull(), team.OrNull(), conditions, request.VictimDetails,
            request.RequestId.Length > 0 ? $"{caller.Subject}:{request.RequestId}" : null), context.CancellationToken);
        audit.Touched(order.Id);
        return await messages.ToMessageAsync(order, await disclosure.ForPersonAsync(personId, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Order> GetOrder(V1.GetOrderRequest request, ServerCallContext context)
    {
        var order = await book.GetAsync(Ids.Require(request.Id, "id"), context.CancellationToken);
        audit.Touched(order.Id);
        audit.Touched(order.PersonId);
        disclosure.EnsureServiceRecorded(order);
        var level = await disclosure.ForPersonAsync(order.PersonId, context.CancellationToken);
        return await messages.ToMessageAsync(order, level, context.CancellationToken);
    }

    public override async Task<V1.ListOrdersResponse> ListOrders(V1.ListOrdersRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId, required: false);
        var lead = v.Id("lead_officer_id", request.LeadOfficerId, required: false);
        var type = OrderEnums.Types.Optional(v, "type", request.Type);
        var status = OrderEnums.Statuses.Optional(v, "status", request.Status);
        if (person == Guid.Empty && lead == Guid.Empty && !caller.Is(Role.Supervisor, Role.Analyst, Role.Service))
            v.Add("person_id", "give a person_id or a lead_officer_id");
        v.ThrowIfInvalid();

        // A service account lists only the orders it recorded (orders:read-own).
        var recordedBy = caller.Role == Role.Service ? caller.Subject : null;
        var (orders, next) = await book.ListAsync(new OrderFilter(person.OrNull(), lead.OrNull(), type, status, request.PageSize, request.PageToken, recordedBy), context.CancellationToken);
        // The person asked about counts even when they have no orders: the answer says so.
        var asked = person == Guid.Empty ? [] : new[] { person };
        var levels = await disclosure.ForPeopleAsync(orders.Select(o => o.PersonId).Concat(asked), context.CancellationToken);
        audit.Touched(orders.Select(o => o.Id));
        audit.Touched(orders.Select(o => o.PersonId));
        var response = new V1.ListOrdersResponse { NextPageToken = next };
        response.Orders.AddRange(await messages.ToMessagesAsync(orders, id => levels[id], context.CancellationToken));
        return response;
    }

    public override async Task<V1.Order> ServeOrder(V1.ServeOrderRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        var servedBy = v.Id("served_by_officer_id", request.ServedByOfficerId, required: caller.OfficerId is null);
        var servedAt = v.Instant("served_at", request.ServedAt, TimeBounds.Happened, clock, required: true);
        v.ThrowIfInvalid();
        audit.Touched(id);
        if (caller.Role == Role.Service) disclosure.EnsureServiceRecorded(await book.GetAsync(id, context.CancellationToken));
        var order = await book.ServeAsync(id, servedAt!.Value, request.ServedWhere,
            servedBy == Guid.Empty ? caller.OfficerId!.Value : servedBy, context.CancellationToken);
        audit.Touched(order.PersonId);
        return await messages.ToMessageAsync(order, await disclosure.ForPersonAsync(order.PersonId, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Order> VaryOrder(V1.VaryOrderRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the variation was based on");
        var variedOn = v.Date("varied_on", request.VariedOn, TimeBounds.Happened, clock) ?? clock.Today;
        var added = ReadConditions(request.AddConditions, "add_conditions", variedOn, v);
        var changed = new List<(Guid, Condition)>();
        var changeCount = v.Count("change_conditions", request.ChangeConditions.Count, RequestLimits.Conditions) ? request.ChangeConditions.Count : 0;
        for (var i = 0; i < changeCount; i++)
        {
            var changeId = v.Id($"change_conditions[{i}].id", request.ChangeConditions[i].Id);
            if (ConditionMessages.ToDomain(request.ChangeConditions[i], $"change_conditions[{i}]", areas.Current.Extent, variedOn, v) is { } replacement)
                changed.Add((changeId, replacement));
        }
        var removed = v.Each("remove_condition_ids", request.RemoveConditionIds, RequestLimits.Conditions, (field, r) => v.Id(field, r));
        DateOnly? newEnds = null;
        var endChanged = request.NewEndsOn.Length > 0;
        if (endChanged && !request.NewEndsOn.Equals("none", StringComparison.OrdinalIgnoreCase))
            newEnds = v.Date("new_ends_on", request.NewEndsOn, TimeBounds.Planned, clock);
        v.ThrowIfInvalid();

        audit.Touched(id);
        var existing = await book.GetAsync(id, context.CancellationToken);
        disclosure.EnsureServiceRecorded(existing);
        if (caller.Role != Role.Service) await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        var order = await book.VaryAsync(id, request.ExpectedVersion,
            new OrderVariationRequest(variedOn, request.Court, added, changed, removed, newEnds, endChanged, request.Summary), context.CancellationToken);
        audit.Touched(order.PersonId);
        return await messages.ToMessageAsync(order, await disclosure.ForPersonAsync(order.PersonId, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Order> DischargeOrder(V1.DischargeOrderRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the discharge was based on");
        var on = v.Date("discharged_on", request.DischargedOn, TimeBounds.Happened, clock) ?? clock.Today;
        v.ThrowIfInvalid();
        audit.Touched(id);
        var existing = await book.GetAsync(id, context.CancellationToken);
        disclosure.EnsureServiceRecorded(existing);
        if (caller.Role != Role.Service) await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        var order = await book.DischargeAsync(id, request.ExpectedVersion, on, request.Reason, context.CancellationToken);
        audit.Touched(order.PersonId);
        return await messages.ToMessageAsync(order, await disclosure.ForPersonAsync(order.PersonId, context.CancellationToken), context.CancellationToken);
    }

    private List<Condition> ReadConditions(IList<V1.Condition> conditions, string field, DateOnly addedOn, Validator v)
    {
        var read = v.Each(field, conditions, RequestLimits.Conditions, (name, c) => ConditionMessages.ToDomain(c, name, areas.Current.Extent, addedOn, v));
        return read.OfType<Condition>().ToList();
    }


}
