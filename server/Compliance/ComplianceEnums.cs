using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// Explicit tables between the compliance enums and their proto enums, so neither side's numbering
/// leaks into the other (a proto number from a newer client is refused by field, not stored).
/// </summary>
public static class ComplianceEnums
{
    public static readonly EnumTable<CheckKind, V1.CheckKind> Kinds = new(new Dictionary<CheckKind, V1.CheckKind>
    {
        [CheckKind.HomeVisit] = V1.CheckKind.HomeVisit, [CheckKind.FinancialReport] = V1.CheckKind.FinancialReport,
        [CheckKind.DeviceInspection] = V1.CheckKind.DeviceInspection, [CheckKind.CurfewCheck] = V1.CheckKind.CurfewCheck,
        [CheckKind.RsoPeriodicNotification] = V1.CheckKind.RsoPeriodicNotification, [CheckKind.TravelNotification] = V1.CheckKind.TravelNotification,
        [CheckKind.ChangeOfDetailsNotification] = V1.CheckKind.ChangeOfDetailsNotification, [CheckKind.WeeklyNotification] = V1.CheckKind.WeeklyNotification,
        [CheckKind.ReleaseNotification] = V1.CheckKind.ReleaseNotification, [CheckKind.OtherConditionCheck] = V1.CheckKind.OtherCondition,
        [CheckKind.InitialNotification] = V1.CheckKind.InitialNotification, [CheckKind.SpoNotification] = V1.CheckKind.SpoNotification,
    });

    public static readonly EnumTable<CheckStatus, V1.CheckStatus> Statuses = new(new Dictionary<CheckStatus, V1.CheckStatus>
    {
        [CheckStatus.Open] = V1.CheckStatus.Open, [CheckStatus.Completed] = V1.CheckStatus.Completed, [CheckStatus.Cancelled] = V1.CheckStatus.Cancelled,
    });

    public static readonly EnumTable<CheckOutcome, V1.CheckOutcome> Outcomes = new(new Dictionary<CheckOutcome, V1.CheckOutcome>
    {
        [CheckOutcome.Compliant] = V1.CheckOutcome.Compliant, [CheckOutcome.NonCompliant] = V1.CheckOutcome.NonCompliant,
        [CheckOutcome.NoAccess] = V1.CheckOutcome.NoAccess, [CheckOutcome.BreachSuspected] = V1.CheckOutcome.BreachSuspected,
    });

    public static readonly EnumTable<BreachSource, V1.BreachSource> BreachSources = new(new Dictionary<BreachSource, V1.BreachSource>
    {
        [BreachSource.ComplianceCheck] = V1.BreachSource.ComplianceCheck, [BreachSource.Sighting] = V1.BreachSource.Sighting, [BreachSource.Report] = V1.BreachSource.Report,
    });

    public static readonly EnumTable<BreachStatus, V1.BreachStatus> BreachStatuses = new(new Dictionary<BreachStatus, V1.BreachStatus>
    {
        [BreachStatus.Suspected] = V1.BreachStatus.Suspected, [BreachStatus.Confirmed] = V1.BreachStatus.Confirmed,
        [BreachStatus.ActionTaken] = V1.BreachStatus.ActionTaken, [BreachStatus.NotABreach] = V1.BreachStatus.NotABreach,
    });

    public static readonly EnumTable<BreachAction, V1.BreachAction> BreachActions = new(new Dictionary<BreachAction, V1.BreachAction>
    {
        [BreachAction.Warning] = V1.BreachAction.Warning, [BreachAction.Arrest] = V1.BreachAction.Arrest, [BreachAction.Charge] = V1.BreachAction.Charge,
    });

    /// <summary>Check kinds in a sentence's words ("next device inspection due").</summary>
    public static readonly WordTable<CheckKind> KindWords = new(new Dictionary<CheckKind, string>
    {
        [CheckKind.HomeVisit] = "home visit", [CheckKind.FinancialReport] = "financial report",
        [CheckKind.DeviceInspection] = "device inspection", [CheckKind.CurfewCheck] = "curfew check",
        [CheckKind.RsoPeriodicNotification] = "periodic notification", [CheckKind.TravelNotification] = "foreign travel notification",
        [CheckKind.ChangeOfDetailsNotification] = "change of details notification", [CheckKind.WeeklyNotification] = "weekly notification",
        [CheckKind.ReleaseNotification] = "notification on release", [CheckKind.OtherConditionCheck] = "condition check",
        [CheckKind.InitialNotification] = "initial notification", [CheckKind.SpoNotification] = "SPO notification",
    });

    public static readonly WordTable<CheckOutcome> OutcomeWords = new(new Dictionary<CheckOutcome, string>
    {
        [CheckOutcome.Compliant] = "compliant", [CheckOutcome.NonCompliant] = "not compliant",
        [CheckOutcome.NoAccess] = "no access", [CheckOutcome.BreachSuspected] = "breach suspected",
    });

    public static readonly WordTable<CheckStatus> StatusWords = new(new Dictionary<CheckStatus, string>
    {
        [CheckStatus.Open] = "open", [CheckStatus.Completed] = "completed", [CheckStatus.Cancelled] = "cancelled",
    });

    public static readonly WordTable<BreachSource> SourceWords = new(new Dictionary<BreachSource, string>
    {
        [BreachSource.ComplianceCheck] = "found at a compliance check", [BreachSource.Sighting] = "from a sighting", [BreachSource.Report] = "reported",
    });
}
