using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// The API's enums in the words officers use. An unknown value (a newer server) is shown as
/// "unknown", never thrown on: the client must not fall over because the server learned a word.
/// </summary>
internal static class Wording
{
    public static string Of(V1.Scheme scheme) => scheme switch
    {
        V1.Scheme.Iom => "IOM",
        V1.Scheme.Vsomt => "VSOMT",
        V1.Scheme.SocLifetime => "SOC lifetime",
        _ => "Unknown",
    };

    public static string Of(V1.OrderType type) => type switch
    {
        V1.OrderType.Scpo => "SCPO",
        V1.OrderType.Shpo => "SHPO",
        V1.OrderType.Sro => "SRO",
        V1.OrderType.Cbo => "CBO",
        V1.OrderType.Dvpo => "DVPO",
        V1.OrderType.Dapo => "DAPO",
        V1.OrderType.Spo => "SPO",
        V1.OrderType.Injunction => "Injunction",
        _ => "Order",
    };

    public static string LongName(V1.OrderType type) => type switch
    {
        V1.OrderType.Scpo => "Serious crime prevention order",
        V1.OrderType.Shpo => "Sexual harm prevention order",
        V1.OrderType.Sro => "Sexual risk order",
        V1.OrderType.Cbo => "Criminal behaviour order",
        V1.OrderType.Dvpo => "Domestic violence protection order",
        V1.OrderType.Dapo => "Domestic abuse protection order",
        V1.OrderType.Spo => "Stalking protection order",
        V1.OrderType.Injunction => "Injunction",
        _ => "Order",
    };

    public static string Of(V1.OrderStatus status) => status switch
    {
        V1.OrderStatus.MadeNotServed => "made, not yet served",
        V1.OrderStatus.Active => "active",
        V1.OrderStatus.Varied => "varied",
        V1.OrderStatus.Expired => "expired",
        V1.OrderStatus.Discharged => "discharged",
        _ => "unknown",
    };

    public static string Of(V1.CheckKind kind) => kind switch
    {
        V1.CheckKind.HomeVisit => "Home visit",
        V1.CheckKind.FinancialReport => "Financial report",
        V1.CheckKind.DeviceInspection => "Device inspection",
        V1.CheckKind.CurfewCheck => "Curfew check",
        V1.CheckKind.RsoPeriodicNotification => "RSO notification",
        V1.CheckKind.TravelNotification => "Travel notification",
        V1.CheckKind.ChangeOfDetailsNotification => "Change of details",
        V1.CheckKind.WeeklyNotification => "Weekly notification",
        V1.CheckKind.ReleaseNotification => "Release notification",
        V1.CheckKind.InitialNotification => "Initial notification",
        V1.CheckKind.SpoNotification => "SPO notification",
        V1.CheckKind.OtherCondition => "Condition check",
        _ => "Check",
    };

    public static string Of(V1.CheckStatus status) => status switch
    {
        V1.CheckStatus.Open => "open",
        V1.CheckStatus.Completed => "done",
        V1.CheckStatus.Cancelled => "withdrawn",
        _ => "unknown",
    };

    public static string Of(V1.CheckOutcome outcome) => outcome switch
    {
        V1.CheckOutcome.Compliant => "Compliant",
        V1.CheckOutcome.NonCompliant => "Non-compliant",
        V1.CheckOutcome.NoAccess => "No access",
        V1.CheckOutcome.BreachSuspected => "Breach suspected",
        _ => "",
    };

    public static string Of(V1.BreachStatus status) => status switch
    {
        V1.BreachStatus.Suspected => "suspected",
        V1.BreachStatus.Confirmed => "confirmed",
        V1.BreachStatus.ActionTaken => "action taken",
        V1.BreachStatus.NotABreach => "not a breach",
        _ => "unknown",
    };

    public static string Of(V1.BreachAction action) => action switch
    {
        V1.BreachAction.Warning => "warning",
        V1.BreachAction.Arrest => "arrest",
        V1.BreachAction.Charge => "charge",
        _ => "",
    };

    public static string Of(V1.BreachSource source) => source switch
    {
        V1.BreachSource.ComplianceCheck => "compliance check",
        V1.BreachSource.Sighting => "sighting",
        V1.BreachSource.Report => "report",
        _ => "",
    };

    public static string Of(V1.ContactKind kind) => kind switch
    {
        V1.ContactKind.HomeVisit => "Home visit",
        V1.ContactKind.OfficeAppointment => "Office appointment",
        V1.ContactKind.Phone => "Phone call",
        V1.ContactKind.Other => "Other contact",
        _ => "Contact",
    };

    public static string Of(V1.AssignmentReason reason) => reason switch
    {
        V1.AssignmentReason.InitialAllocation => "initial allocation",
        V1.AssignmentReason.CaseloadAdjustment => "caseload adjustment",
        V1.AssignmentReason.ChangeOfRisk => "change of risk",
        V1.AssignmentReason.ChangeOfAddress => "change of address",
        V1.AssignmentReason.OfficerLeft => "officer left",
        V1.AssignmentReason.RiskToStaff => "risk to staff",
        V1.AssignmentReason.TransferIn => "transfer in",
        V1.AssignmentReason.Other => "other",
        _ => "",
    };

    public static string Of(V1.IomCohortType cohort) => cohort switch
    {
        V1.IomCohortType.Fixed => "Fixed",
        V1.IomCohortType.Flex => "Flex",
        V1.IomCohortType.Free => "Free",
        _ => "",
    };

    public static string Of(V1.IomCategory category) => category switch
    {
        V1.IomCategory.SeriousAcquisitive => "serious acquisitive",
        V1.IomCategory.DomesticAbuse => "domestic abuse",
        V1.IomCategory.Violent => "violent",
        V1.IomCategory.OcgMember => "OCG member",
        _ => "",
    };

    public static string Of(V1.Register register) => register switch
    {
        V1.Register.SexOffender => "registered sex offender",
        V1.Register.ViolentOffender => "registered violent offender",
        _ => "",
    };

    public static string Of(V1.AgendaReason reason) => reason switch
    {
        V1.AgendaReason.NewEntrant => "new entrant",
        V1.AgendaReason.ChangedRisk => "risk changed",
        V1.AgendaReason.Breach => "breach",
        V1.AgendaReason.NonCompliance => "non-compliance",
        V1.AgendaReason.ReleaseDue => "release due",
        V1.AgendaReason.ProposedDeselection => "proposed deselection",
        _ => "",
    };

    public static string Of(V1.TaskKind kind) => kind switch
    {
        V1.TaskKind.OrphanedCase => "Orphaned case",
        V1.TaskKind.OverdueCheck => "Overdue check",
        V1.TaskKind.PendingReleaseReview => "Pending release",
        V1.TaskKind.ConsiderScpo => "Consider SCPO",
        V1.TaskKind.ConsiderAncillaryOrders => "Consider orders",
        V1.TaskKind.ReviewDue => "Review due",
        V1.TaskKind.SuspectedBreach => "Suspected breach",
        V1.TaskKind.OrphanedOrder => "Orphaned order",
        V1.TaskKind.ChangeOfDetails => "Change of details",
        _ => "Task",
    };

    public static string Of(V1.WarningMarker marker) => marker switch
    {
        V1.WarningMarker.Violent => "violent",
        V1.WarningMarker.Weapons => "weapons",
        V1.WarningMarker.SelfHarm => "self-harm",
        V1.WarningMarker.Drugs => "drugs",
        V1.WarningMarker.MentalHealth => "mental health",
        V1.WarningMarker.Escaper => "escaper",
        V1.WarningMarker.Contagious => "contagious",
        V1.WarningMarker.Firearms => "firearms",
        _ => "",
    };

    public static string Of(V1.Sex sex) => sex switch
    {
        V1.Sex.Male => "male",
        V1.Sex.Female => "female",
        V1.Sex.Other => "other",
        _ => "",
    };

    public static string Of(V1.DayOfWeek day) => day switch
    {
        V1.DayOfWeek.Monday => "Mon",
        V1.DayOfWeek.Tuesday => "Tue",
        V1.DayOfWeek.Wednesday => "Wed",
        V1.DayOfWeek.Thursday => "Thu",
        V1.DayOfWeek.Friday => "Fri",
        V1.DayOfWeek.Saturday => "Sat",
        V1.DayOfWeek.Sunday => "Sun",
        _ => "?",
    };

    public static string Of(V1.AlertKind kind) => kind switch
    {
        V1.AlertKind.SuspectedBreach => "Suspected breach",
        V1.AlertKind.OrderServed => "Order served",
        V1.AlertKind.ReleaseIntoArea => "Release into area",
        _ => "Alert",
    };

    public static string Of(V1.Role role) => role switch
    {
        V1.Role.OffenderManager => "offender manager",
        V1.Role.Supervisor => "supervisor",
        V1.Role.LocalOfficer => "local officer",
        V1.Role.Analyst => "analyst",
        V1.Role.PartnerAgency => "partner agency",
        V1.Role.Service => "service",
        V1.Role.Admin => "administrator",
        _ => "unknown role",
    };

    public static string Name(V1.PersonName? name) =>
        name is null ? "" : string.Join(" ", new[] { name.GivenName, name.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n)));

    /// <summary>"SMITH, John" would shout; officers write "John Smith" and sort by family name.</summary>
    public static string SortName(V1.PersonName? name) =>
        name is null ? "" : $"{name.FamilyName} {name.GivenName}".Trim();
}
