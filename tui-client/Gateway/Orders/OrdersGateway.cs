using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A person's orders and their conditions.</summary>
public sealed class OrdersGateway(ServerConnection connection)
{
    private readonly V1.Orders.OrdersClient _orders = new(connection.Invoker);

    /// <summary>Every order of the person, live ones first, then by when they were made (newest first).</summary>
    public async Task<IReadOnlyList<OrderView>> ForPersonAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var orders = await connection.AllPagesAsync(purpose,
            (token, o) => _orders.ListOrdersAsync(new V1.ListOrdersRequest { PersonId = personId, PageSize = 100, PageToken = token }, o),
            r => r.Orders, r => r.NextPageToken, 500, cancellationToken);
        return orders
            .OrderBy(o => o.Status is V1.OrderStatus.Expired or V1.OrderStatus.Discharged)
            .ThenByDescending(o => o.MadeOn, StringComparer.Ordinal)
            .Select(ToView).ToList();
    }

    /// <summary>Made, served or varied: not yet expired or discharged.</summary>
    internal static bool IsLive(V1.OrderStatus status) => status is not (V1.OrderStatus.Expired or V1.OrderStatus.Discharged);

    internal static OrderView ToView(V1.Order o) => new(
        o.Id, Wording.Of(o.Type), Wording.LongName(o.Type), Wording.Of(o.Status), IsLive(o.Status), o.Enforceable, Wire.Text(o.Court),
        Wire.Date(o.MadeOn), Wire.Date(o.StartsOn), Wire.Date(o.EndsOn), Wire.Instant(o.ServedAt), Wire.Text(o.LeadOfficerName),
        o.Conditions.Select(ConditionWording.ToView).ToList(), o.Version);
}
