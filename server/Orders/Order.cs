using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// A civil or ancillary order made by a court (SCPO, SHPO, CBO...). It is not enforceable until
/// served. Like a case, it always has an owner: its lead officer or its team's queue.
/// </summary>
public sealed class Order : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public OrderType Type { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.MadeNotServed;
    public string Court { get; set; } = "";
    public string CaseReference { get; set; } = "";
    public DateOnly MadeOn { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Last day the order has effect; null for an order until further order.</summary>
    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset? ServedAt { get; set; }
    public Guid? ServedByOfficerId { get; set; }
    public string ServedWhere { get; set; } = "";

    public Guid OwningTeamId { get; set; }
    /// <summary>The officer leading on the order; null means it sits in the team's orphaned queue.</summary>
    public Guid? LeadOfficerId { get; set; }

    public DateOnly? DischargedOn { get; set; }
    public string DischargeReason { get; set; } = "";

    /// <summary>Restricted: details of the protected person(s), never in a briefing.</summary>
    public string VictimDetails { get; set; } = "";

    /// <summary>The creating service's request id, so a retried create is not applied twice.</summary>
    public string? SourceRequestId { get; set; }

    /// <summary>The account that recorded the order (a court system reads the orders it recorded: ServiceScopes orders:read-own).</summary>
    public string RecordedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public List<Condition> Conditions { get; set; } = [];
    public List<OrderVariation> Variations { get; set; } = [];
    public List<OrderAssignment> Assignments { get; set; } = [];

    public bool IsLive => Status is not (OrderStatus.Discharged or OrderStatus.Expired);

    /// <summary>Served, started and not ended: its conditions bind the person.</summary>
    public bool IsEnforceableOn(DateOnly date) =>
        Status is OrderStatus.Active or OrderStatus.Varied &&
        StartsOn <= date && (EndsOn is null || date <= EndsOn);
}

public enum OrderType
{
    SeriousCrimePreventionOrder = 1,
    SexualHarmPreventionOrder = 2,
    SexualRiskOrder = 3,
    CriminalBehaviourOrder = 4,
    DomesticViolenceProtectionOrder = 5,
    DomesticAbuseProtectionOrder = 6,
    StalkingProtectionOrder = 7,
    Injunction = 8,
}

public enum OrderStatus
{
    MadeNotServed = 1,
    Active = 2,
    Varied = 3,
    Expired = 4,
    Discharged = 5,
}

/// <summary>A variation of an order's conditions, kept as history.</summary>
public sealed class OrderVariation
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public DateOnly VariedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string Court { get; set; } = "";
    /// <summary>What changed, in words (conditions added, changed, removed).</summary>
    public string Summary { get; set; } = "";
}
