using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>The client's enums against the proto's, one explicit table each.</summary>
internal static class WireEnums
{
    public static readonly WireEnum<UserRole, V1.Role> Roles = new(new Dictionary<UserRole, V1.Role>
    {
        [UserRole.OffenderManager] = V1.Role.OffenderManager, [UserRole.Supervisor] = V1.Role.Supervisor, [UserRole.LocalOfficer] = V1.Role.LocalOfficer,
        [UserRole.Analyst] = V1.Role.Analyst, [UserRole.PartnerAgency] = V1.Role.PartnerAgency, [UserRole.Service] = V1.Role.Service,
        [UserRole.Admin] = V1.Role.Admin, [UserRole.Unknown] = V1.Role.Unspecified,
    }, UserRole.Unknown);

    public static readonly WireEnum<Risk, V1.RiskLevel> Risks = new(new Dictionary<Risk, V1.RiskLevel>
    {
        [Risk.Low] = V1.RiskLevel.Low, [Risk.Medium] = V1.RiskLevel.Medium, [Risk.High] = V1.RiskLevel.High,
        [Risk.VeryHigh] = V1.RiskLevel.VeryHigh, [Risk.Unknown] = V1.RiskLevel.Unspecified,
    }, Risk.Unknown);

    public static readonly WireEnum<Verdict, V1.Verdict> Verdicts = new(new Dictionary<Verdict, V1.Verdict>
    {
        [Verdict.NoBreach] = V1.Verdict.NoBreach, [Verdict.Breach] = V1.Verdict.Breach,
        [Verdict.NotEnoughInformation] = V1.Verdict.NotEnoughInformation, [Verdict.Unknown] = V1.Verdict.Unspecified,
    }, Verdict.Unknown);

    public static readonly WireEnum<PlanState, V1.PlanStatus> PlanStates = new(new Dictionary<PlanState, V1.PlanStatus>
    {
        [PlanState.AwaitingApproval] = V1.PlanStatus.AwaitingApproval, [PlanState.Approved] = V1.PlanStatus.Approved,
        [PlanState.Superseded] = V1.PlanStatus.Superseded, [PlanState.Unknown] = V1.PlanStatus.Unspecified,
    }, PlanState.Unknown);

    public static readonly WireEnum<CheckResult, V1.CheckOutcome> CheckResults = new(new Dictionary<CheckResult, V1.CheckOutcome>
    {
        [CheckResult.Compliant] = V1.CheckOutcome.Compliant, [CheckResult.NonCompliant] = V1.CheckOutcome.NonCompliant,
        [CheckResult.NoAccess] = V1.CheckOutcome.NoAccess, [CheckResult.BreachSuspected] = V1.CheckOutcome.BreachSuspected,
    }, default);

    public static readonly WireEnum<ContactType, V1.ContactKind> ContactTypes = new(new Dictionary<ContactType, V1.ContactKind>
    {
        [ContactType.HomeVisit] = V1.ContactKind.HomeVisit, [ContactType.OfficeAppointment] = V1.ContactKind.OfficeAppointment,
        [ContactType.Phone] = V1.ContactKind.Phone, [ContactType.Other] = V1.ContactKind.Other,
    }, default);

    /// <summary>A supervisor reallocates for any reason but the first allocation, which only enrolment gives.</summary>
    public static readonly WireEnum<ReallocationReason, V1.AssignmentReason> ReallocationReasons = new(new Dictionary<ReallocationReason, V1.AssignmentReason>
    {
        [ReallocationReason.CaseloadAdjustment] = V1.AssignmentReason.CaseloadAdjustment, [ReallocationReason.ChangeOfRisk] = V1.AssignmentReason.ChangeOfRisk,
        [ReallocationReason.ChangeOfAddress] = V1.AssignmentReason.ChangeOfAddress, [ReallocationReason.OfficerLeft] = V1.AssignmentReason.OfficerLeft,
        [ReallocationReason.RiskToStaff] = V1.AssignmentReason.RiskToStaff, [ReallocationReason.TransferIn] = V1.AssignmentReason.TransferIn,
        [ReallocationReason.Other] = V1.AssignmentReason.Other,
    }, default, V1.AssignmentReason.InitialAllocation);

    public static readonly WireEnum<NotificationKindChoice, V1.NotificationKind> NotificationKinds = new(new Dictionary<NotificationKindChoice, V1.NotificationKind>
    {
        [NotificationKindChoice.Initial] = V1.NotificationKind.Initial, [NotificationKindChoice.Periodic] = V1.NotificationKind.Periodic,
        [NotificationKindChoice.Weekly] = V1.NotificationKind.Weekly, [NotificationKindChoice.ChangeOfName] = V1.NotificationKind.ChangeOfName,
        [NotificationKindChoice.ChangeOfAddress] = V1.NotificationKind.ChangeOfAddress, [NotificationKindChoice.StayOfSevenDays] = V1.NotificationKind.StayOfSevenDays,
        [NotificationKindChoice.HouseholdWithChild] = V1.NotificationKind.HouseholdWithChild, [NotificationKindChoice.BankOrCardDetails] = V1.NotificationKind.BankOrCardDetails,
        [NotificationKindChoice.IdentityDocument] = V1.NotificationKind.IdentityDocument, [NotificationKindChoice.ForeignTravel] = V1.NotificationKind.ForeignTravel,
        [NotificationKindChoice.ReturnFromTravel] = V1.NotificationKind.ReturnFromTravel, [NotificationKindChoice.ReleaseFromCustody] = V1.NotificationKind.ReleaseFromCustody,
        [NotificationKindChoice.SpoNameAndAddress] = V1.NotificationKind.SpoNameAndAddress,
    }, default);
}
