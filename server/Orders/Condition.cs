namespace OffenderMgmt.Server.Orders;

/// <summary>
/// One requirement or prohibition of an order. Each kind is its own subclass (stored in one
/// table) with the details its compliance checks and breach evaluation need.
/// </summary>
public abstract class Condition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public ConditionKind Kind { get; protected set; }
    /// <summary>The condition as worded in the order.</summary>
    public string Wording { get; set; } = "";
    public DateOnly AddedOn { get; set; }
    /// <summary>Set when a variation removes the condition; it is kept for history.</summary>
    public DateOnly? RemovedOn { get; set; }

    public bool IsInForce => RemovedOn is null;
}

public enum ConditionKind
{
    ExclusionZone = 1,
    Curfew = 2,
    NonAssociation = 3,
    Travel = 4,
    FinancialReporting = 5,
    Devices = 6,
    ResidenceNotification = 7,
    Other = 8,
}

public sealed class ExclusionZoneCondition : Condition
{
    public ExclusionZoneCondition() => Kind = ConditionKind.ExclusionZone;

    public string ZoneName { get; set; } = "";
    public ZoneShape Shape { get; set; }
    /// <summary>The zone polygon as WKB (for polygon zones).</summary>
    public byte[]? PolygonWkb { get; set; }
    public double? CentreLatitude { get; set; }
    public double? CentreLongitude { get; set; }
    public double? RadiusMetres { get; set; }
    /// <summary>Empty: excluded at all times; otherwise only within these windows.</summary>
    public List<WeeklyWindow> Windows { get; set; } = [];
    public double MinLatitude { get; set; }
    public double MinLongitude { get; set; }
    public double MaxLatitude { get; set; }
    public double MaxLongitude { get; set; }
    /// <summary>The areas the zone touches, decided when the zone is written.</summary>
    public List<ExclusionZoneArea> Areas { get; set; } = [];
}

public enum ZoneShape { Polygon = 1, Circle = 2 }

public sealed class ExclusionZoneArea
{
    public Guid ConditionId { get; set; }
    public string AreaCode { get; set; } = "";
}

public sealed class CurfewCondition : Condition
{
    public CurfewCondition() => Kind = ConditionKind.Curfew;

    public List<WeeklyWindow> Windows { get; set; } = [];
    /// <summary>Where the person must be during the curfew.</summary>
    public string AddressText { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class NonAssociationCondition : Condition
{
    public NonAssociationCondition() => Kind = ConditionKind.NonAssociation;

    public List<NonAssociate> Associates { get; set; } = [];
}

/// <summary>Someone the person must not associate with: a person on the system, or a description.</summary>
public sealed record NonAssociate(Guid? PersonId, string Description);

public sealed class TravelCondition : Condition
{
    public TravelCondition() => Kind = ConditionKind.Travel;

    /// <summary>Days' notice required before foreign travel.</summary>
    public int NoticeDays { get; set; }
    public bool PassportSurrendered { get; set; }
}

public sealed class FinancialReportingCondition : Condition
{
    public FinancialReportingCondition() => Kind = ConditionKind.FinancialReporting;

    /// <summary>What must be reported (bank statements, income, assets...).</summary>
    public string WhatToReport { get; set; } = "";
    public int IntervalMonths { get; set; } = 1;
}

public sealed class DevicesCondition : Condition
{
    public DevicesCondition() => Kind = ConditionKind.Devices;

    public int? MaxPhones { get; set; }
    public bool MustRegisterDevices { get; set; }
    public bool MustAllowInspection { get; set; }
    public int InspectionIntervalMonths { get; set; } = 3;
}

public sealed class ResidenceNotificationCondition : Condition
{
    public ResidenceNotificationCondition() => Kind = ConditionKind.ResidenceNotification;

    public int NotifyWithinDays { get; set; } = 3;
}

public sealed class OtherCondition : Condition
{
    public OtherCondition() => Kind = ConditionKind.Other;

    /// <summary>Days between checks, when the condition needs checking at all.</summary>
    public int? CheckIntervalDays { get; set; }
}
