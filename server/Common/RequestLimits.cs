namespace OffenderMgmt.Server.Common;

/// <summary>
/// The most items each repeated field of a request may carry (README "Limits on requests", and
/// the proto comments). A longer list is refused as a whole with one violation naming the
/// field, before any item is read, so a request with thousands of bad items costs no more than
/// one with a few and its answer stays small.
/// </summary>
public static class RequestLimits
{
    /// <summary>PersonInput.aliases.</summary>
    public const int Aliases = 30;

    /// <summary>PersonInput.warning_markers: each marker once (there are fewer than 20 kinds).</summary>
    public const int WarningMarkers = 20;

    /// <summary>UpdatePersonRequest.update_mask paths: each field once.</summary>
    public const int MaskPaths = 20;

    /// <summary>EnrolRequest.iom_categories: each category once.</summary>
    public const int IomCategories = 10;

    /// <summary>CheckSightingRequest / RecordSightingRequest.with_person_ids: the people seen with the subject.</summary>
    public const int WithPersonIds = 20;

    /// <summary>RecordOutcomeRequest.devices_found: the devices found at one inspection (issue 18).</summary>
    public const int DevicesFound = 20;

    /// <summary>CreateOrderRequest.conditions, and each of VaryOrderRequest's add_conditions, change_conditions and remove_condition_ids.</summary>
    public const int Conditions = 100;

    /// <summary>PolygonZone.ring: points of an exclusion zone's outline.</summary>
    public const int ZonePoints = 1000;

    /// <summary>ExclusionZone.windows and Curfew.windows: three a day for a week.</summary>
    public const int TimeWindows = 21;

    /// <summary>NonAssociation.associates.</summary>
    public const int Associates = 50;

    /// <summary>ReallocateRequest.items.</summary>
    public const int ReallocationItems = 500;

    /// <summary>RecordIomDecisionRequest.actions.</summary>
    public const int IomActions = 20;
}
