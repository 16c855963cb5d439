using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Orders;

/// <summary>Explicit tables between the order enums and their proto enums.</summary>
public static class OrderEnums
{
    public static readonly EnumTable<OrderType, V1.OrderType> Types = new(new Dictionary<OrderType, V1.OrderType>
    {
        [OrderType.SeriousCrimePreventionOrder] = V1.OrderType.Scpo, [OrderType.SexualHarmPreventionOrder] = V1.OrderType.Shpo,
        [OrderType.SexualRiskOrder] = V1.OrderType.Sro, [OrderType.CriminalBehaviourOrder] = V1.OrderType.Cbo,
        [OrderType.DomesticViolenceProtectionOrder] = V1.OrderType.Dvpo, [OrderType.DomesticAbuseProtectionOrder] = V1.OrderType.Dapo,
        [OrderType.StalkingProtectionOrder] = V1.OrderType.Spo, [OrderType.Injunction] = V1.OrderType.Injunction,
    });

    public static readonly EnumTable<OrderStatus, V1.OrderStatus> Statuses = new(new Dictionary<OrderStatus, V1.OrderStatus>
    {
        [OrderStatus.MadeNotServed] = V1.OrderStatus.MadeNotServed, [OrderStatus.Active] = V1.OrderStatus.Active, [OrderStatus.Varied] = V1.OrderStatus.Varied,
        [OrderStatus.Expired] = V1.OrderStatus.Expired, [OrderStatus.Discharged] = V1.OrderStatus.Discharged,
    });
}

/// <summary>An order's status in words, for exports and messages.</summary>
public static class OrderStatusWords
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.MadeNotServed => "made, not served",
        OrderStatus.Active => "in force",
        OrderStatus.Varied => "varied",
        OrderStatus.Expired => "expired",
        OrderStatus.Discharged => "discharged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "an order status without words"),
    };
}
