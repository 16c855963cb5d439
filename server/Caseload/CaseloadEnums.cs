using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Tasks;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Explicit tables between the caseload and task enums and their proto enums.</summary>
public static class CaseloadEnums
{
    public static readonly EnumTable<Scheme, V1.Scheme> Schemes = new(new Dictionary<Scheme, V1.Scheme>
    {
        [Scheme.Iom] = V1.Scheme.Iom, [Scheme.Vsomt] = V1.Scheme.Vsomt, [Scheme.SocLifetime] = V1.Scheme.SocLifetime,
    });

    public static readonly EnumTable<IomCohortType, V1.IomCohortType> Cohorts = new(new Dictionary<IomCohortType, V1.IomCohortType>
    {
        [IomCohortType.Fixed] = V1.IomCohortType.Fixed, [IomCohortType.Flex] = V1.IomCohortType.Flex, [IomCohortType.Free] = V1.IomCohortType.Free,
    });

    /// <summary>Not on a register is the proto's zero: a management outside VSOMT has none.</summary>
    public static readonly EnumTable<Register, V1.Register> Registers = new(new Dictionary<Register, V1.Register>
    {
        [Register.None] = V1.Register.Unspecified, [Register.RegisteredSexOffender] = V1.Register.SexOffender,
        [Register.RegisteredViolentOffender] = V1.Register.ViolentOffender,
    });

    public static readonly EnumTable<AssignmentReason, V1.AssignmentReason> AssignmentReasons = new(new Dictionary<AssignmentReason, V1.AssignmentReason>
    {
        [AssignmentReason.InitialAllocation] = V1.AssignmentReason.InitialAllocation, [AssignmentReason.CaseloadAdjustment] = V1.AssignmentReason.CaseloadAdjustment,
        [AssignmentReason.ChangeOfRisk] = V1.AssignmentReason.ChangeOfRisk, [AssignmentReason.ChangeOfAddress] = V1.AssignmentReason.ChangeOfAddress,
        [AssignmentReason.OfficerLeft] = V1.AssignmentReason.OfficerLeft, [AssignmentReason.RiskToStaff] = V1.AssignmentReason.RiskToStaff,
        [AssignmentReason.TransferIn] = V1.AssignmentReason.TransferIn, [AssignmentReason.Other] = V1.AssignmentReason.Other,
    });

    public static readonly EnumTable<ContactKind, V1.ContactKind> ContactKinds = new(new Dictionary<ContactKind, V1.ContactKind>
    {
        [ContactKind.HomeVisit] = V1.ContactKind.HomeVisit, [ContactKind.OfficeAppointment] = V1.ContactKind.OfficeAppointment,
        [ContactKind.Phone] = V1.ContactKind.Phone, [ContactKind.Other] = V1.ContactKind.Other,
    });

    public static readonly EnumTable<AgendaReason, V1.AgendaReason> AgendaReasons = new(new Dictionary<AgendaReason, V1.AgendaReason>
    {
        [AgendaReason.NewEntrant] = V1.AgendaReason.NewEntrant, [AgendaReason.ChangedRisk] = V1.AgendaReason.ChangedRisk,
        [AgendaReason.Breach] = V1.AgendaReason.Breach, [AgendaReason.NonCompliance] = V1.AgendaReason.NonCompliance,
        [AgendaReason.ReleaseDue] = V1.AgendaReason.ReleaseDue, [AgendaReason.ProposedDeselection] = V1.AgendaReason.ProposedDeselection,
    });

    public static readonly EnumTable<TaskKind, V1.TaskKind> TaskKinds = new(new Dictionary<TaskKind, V1.TaskKind>
    {
        [TaskKind.OrphanedCase] = V1.TaskKind.OrphanedCase, [TaskKind.OverdueCheck] = V1.TaskKind.OverdueCheck,
        [TaskKind.PendingReleaseReview] = V1.TaskKind.PendingReleaseReview, [TaskKind.ConsiderScpo] = V1.TaskKind.ConsiderScpo,
        [TaskKind.ConsiderAncillaryOrders] = V1.TaskKind.ConsiderAncillaryOrders, [TaskKind.ReviewDue] = V1.TaskKind.ReviewDue,
        [TaskKind.SuspectedBreach] = V1.TaskKind.SuspectedBreach, [TaskKind.OrphanedOrder] = V1.TaskKind.OrphanedOrder,
        [TaskKind.ChangeOfDetails] = V1.TaskKind.ChangeOfDetails, [TaskKind.PlanRequired] = V1.TaskKind.PlanRequired,
        [TaskKind.AssessmentReviewDue] = V1.TaskKind.AssessmentReviewDue, [TaskKind.PlanReviewDue] = V1.TaskKind.PlanReviewDue,
    });

    public static readonly EnumTable<WorkTaskStatus, V1.TaskStatus> TaskStatuses = new(new Dictionary<WorkTaskStatus, V1.TaskStatus>
    {
        [WorkTaskStatus.Open] = V1.TaskStatus.Open, [WorkTaskStatus.Done] = V1.TaskStatus.Done, [WorkTaskStatus.Cancelled] = V1.TaskStatus.Cancelled,
    });

    /// <summary>Contact kinds in a sentence's words ("last contact office appointment 2026-11-20").</summary>
    public static readonly WordTable<ContactKind> ContactKindWords = new(new Dictionary<ContactKind, string>
    {
        [ContactKind.HomeVisit] = "home visit", [ContactKind.OfficeAppointment] = "office appointment",
        [ContactKind.Phone] = "phone call", [ContactKind.Other] = "other contact",
    });

    /// <summary>Schemes as officers say them.</summary>
    public static readonly WordTable<Scheme> SchemeWords = new(new Dictionary<Scheme, string>
    {
        [Scheme.Iom] = "IOM", [Scheme.Vsomt] = "VSOMT", [Scheme.SocLifetime] = "SOC lifetime management",
    });

    public static readonly WordTable<IomCohortType> CohortWords = new(new Dictionary<IomCohortType, string>
    {
        [IomCohortType.Fixed] = "fixed cohort", [IomCohortType.Flex] = "flex cohort", [IomCohortType.Free] = "free cohort",
    });
}
