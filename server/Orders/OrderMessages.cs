using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// Writes orders for the wire, with the names a reader needs (the person, the lead officer,
/// anyone named in a non-association) looked up in one go, and restricted fields only for
/// callers whose disclosure level allows them.
/// </summary>
public sealed class OrderMessages(OffenderMgmtDb db, ForceClock clock)
{
    public async Task<V1.Order> ToMessageAsync(Order order, DisclosureLevel level, CancellationToken cancellationToken) =>
        (await ToMessagesAsync([order], _ => level, cancellationToken))[0];

    public async Task<IReadOnlyList<V1.Order>> ToMessagesAsync(IReadOnlyList<Order> orders, Func<Guid, DisclosureLevel> levelFor, CancellationToken cancellationToken)
    {
        var personIds = orders.Select(o => o.PersonId)
            .Concat(orders.SelectMany(o => o.Conditions).OfType<NonAssociationCondition>().SelectMany(c => c.Associates).Select(a => a.PersonId).OfType<Guid>())
            .Distinct().ToList();
        var people = await db.NamesOfAsync(personIds, cancellationToken);
        var officerIds = orders.Select(o => o.LeadOfficerId).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        return orders.Select(o => ToMessage(o, levelFor(o.PersonId), people, officers)).ToList();
    }

    private V1.Order ToMessage(Order order, DisclosureLevel level, Dictionary<Guid, string> people, Dictionary<Guid, string> officers)
    {
        var message = new V1.Order
        {
            Id = order.Id.ToString(),
            PersonId = order.PersonId.ToString(),
            PersonName = people.GetValueOrDefault(order.PersonId, ""),
            Type = OrderEnums.Types.ToProto(order.Type),
            Status = OrderEnums.Statuses.ToProto(order.Status),
            Court = order.Court,
            CaseReference = order.CaseReference,
            MadeOn = IsoDate.Format(order.MadeOn),
            StartsOn = IsoDate.Format(order.StartsOn),
            EndsOn = IsoDate.Format(order.EndsOn),
            ServedWhere = order.ServedWhere,
            ServedByOfficerId = order.ServedByOfficerId?.ToString() ?? "",
            LeadOfficerId = order.LeadOfficerId?.ToString() ?? "",
            LeadOfficerName = order.LeadOfficerId is { } lead ? officers.GetValueOrDefault(lead, "") : "",
            OwningTeamId = order.OwningTeamId.ToString(),
            DischargedOn = IsoDate.Format(order.DischargedOn),
            DischargeReason = order.DischargeReason,
            Version = order.Version,
            Enforceable = order.ServedAt is not null && order.IsEnforceableOn(clock.Today),
        };
        if (order.ServedAt is { } served) message.ServedAt = Timestamp.FromDateTimeOffset(served);
        string? NameOf(Guid id) => people.GetValueOrDefault(id);
        foreach (var condition in order.Conditions.OrderBy(c => c.AddedOn).ThenBy(c => c.Id))
        {
            var areas = condition is ExclusionZoneCondition zone ? zone.Areas.Select(a => a.AreaCode).Order(StringComparer.Ordinal).ToList() : [];
            (condition.IsInForce ? message.Conditions : message.RemovedConditions).Add(ConditionMessages.ToMessage(condition, NameOf, areas));
        }
        message.Variations.AddRange(order.Variations.OrderBy(v => v.RecordedAt).Select(v => new V1.OrderVariation
        {
            VariedOn = IsoDate.Format(v.VariedOn), RecordedAt = Timestamp.FromDateTimeOffset(v.RecordedAt),
            RecordedBy = v.RecordedBy, Court = v.Court, Summary = v.Summary,
        }));
        if (level.Allows(RestrictedField.VictimDetails)) message.VictimDetails = order.VictimDetails;
        return message;
    }
}
