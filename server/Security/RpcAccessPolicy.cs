using System.Collections.Frozen;
using OffenderMgmt.Server.Audit;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Security;

/// <summary>How a call is handled: a read, or a write done as one unit of work.</summary>
public enum CallKind
{
    Read,
    /// <summary>Runs in one transaction with its audit entry and idempotency record.</summary>
    Write,
    /// <summary>Writes that must stand even when the call fails (sign-in counts failures).</summary>
    SelfCommitting,
}

/// <summary>Which rate limit a call counts against, if any.</summary>
public enum RateLimit { None, SignIn, Search }

/// <summary>The declared access rule of one RPC.</summary>
public sealed record RpcRule(
    IReadOnlySet<Role> Roles,
    CallKind Kind,
    AuditAction Action,
    bool PersonalData,
    bool Anonymous = false,
    RateLimit Limit = RateLimit.None);

/// <summary>
/// Every offendermgmt.v1 RPC and who may call it, in one table. A method missing from the
/// table is refused (fail closed), and a test checks every method in the contracts has a rule.
/// Beyond these roles, <see cref="DisclosurePolicy"/> decides which records and fields a caller
/// may see.
/// </summary>
public static class RpcAccessPolicy
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] CaseWorkers = [Role.OffenderManager, Role.Supervisor];

    private static readonly Dictionary<string, RpcRule> Rules = new(StringComparer.Ordinal)
    {
        [Method(V1.Auth.Descriptor, nameof(V1.Auth.AuthBase.SignIn))] =
            new(new HashSet<Role>(), CallKind.SelfCommitting, AuditAction.SignIn, PersonalData: false, Anonymous: true, Limit: RateLimit.SignIn),
        [Method(V1.Auth.Descriptor, nameof(V1.Auth.AuthBase.WhoAmI))] = Read(Everyone, personal: false),

        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.CreatePerson))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.UpdatePerson))] = Write(AuditAction.Update, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.GetPerson))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.SearchPeople))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.Service]) with { Limit = RateLimit.Search },
        // Photos are briefing fields (issue 18): custody sends them as a service; PhotoAccess decides whose a local officer sees.
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.AddPhoto))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.RetirePhoto))] = Write(AuditAction.Update, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.GetPhoto))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.ListPhotos))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.PartnerAgency, Role.Service]),
        // Issue 18: marks and vehicles are briefing fields, devices and online identifiers casework
        // (IdentifierRules.MaySee filters what each role sees); searches are limited like SearchPeople.
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.AddIdentifier))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.UpdateIdentifier))] = Write(AuditAction.Update, [.. CaseWorkers, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.ListIdentifiers))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.SearchByVehicle))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.Service]) with { Limit = RateLimit.Search },
        [Method(V1.People.Descriptor, nameof(V1.People.PeopleBase.SearchByMark))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.Service]) with { Limit = RateLimit.Search },

        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.ListAreas))] = Read(Everyone, personal: false),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.GetArea))] = Read(Everyone, personal: false),

        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.CreateOrder))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.GetOrder))] =
            Read([.. CaseWorkers, Role.LocalOfficer, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.ListOrders))] = Read([.. CaseWorkers, Role.Analyst, Role.Service]),
        // Local officers often serve orders in person.
        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.ServeOrder))] = Write(AuditAction.Update, [.. CaseWorkers, Role.LocalOfficer, Role.Service]),
        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.VaryOrder))] = Write(AuditAction.Update, [.. CaseWorkers, Role.Service]),
        [Method(V1.Orders.Descriptor, nameof(V1.Orders.OrdersBase.DischargeOrder))] = Write(AuditAction.Update, [.. CaseWorkers, Role.Service]),

        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.ListDue))] = Read(CaseWorkers),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.ListOverdue))] = Read(CaseWorkers),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.ListHistory))] = Read([.. CaseWorkers, Role.Analyst]),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.RecordOutcome))] = Write(AuditAction.Update, CaseWorkers),
        // Anyone who sees a breach may report it: a local officer on patrol, a partner system.
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.RecordBreach))] = Write(AuditAction.Create, [.. CaseWorkers, Role.LocalOfficer, Role.Service]),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.UpdateBreach))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.ListBreaches))] = Read([.. CaseWorkers, Role.Analyst]),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.CalculateNotificationPeriod))] =
            Read([.. CaseWorkers, Role.Analyst, Role.Service], personal: false),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.GetNotificationStatus))] = Read(CaseWorkers),
        // Notifications are given at a police station and recorded by the case's managers.
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.RecordNotification))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Compliance.Descriptor, nameof(V1.Compliance.ComplianceBase.ApproveReactiveManagement))] = Write(AuditAction.Update, [Role.Supervisor]),

        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.Enrol))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.GetManagement))] = Read([.. CaseWorkers, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ListManagements))] = Read([.. CaseWorkers, Role.Analyst, Role.PartnerAgency, Role.Service]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ListCaseload))] = Read(CaseWorkers),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ChangeRisk))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.EndManagement))] = Write(AuditAction.Update, CaseWorkers),
        // Analysts see workloads without the names behind them.
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.GetOfficerWorkload))] = Read([.. CaseWorkers, Role.Analyst]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.GetTeamWorkload))] = Read([.. CaseWorkers, Role.Analyst], personal: false),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.OfficerLeaves))] = Write(AuditAction.Update, [Role.Supervisor]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ListOrphaned))] = Read([Role.Supervisor]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.SuggestOwners))] = Read([Role.Supervisor]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.Reallocate))] = Write(AuditAction.Update, [Role.Supervisor]),
        // Custody and the regional organised crime unit tell us of releases; case systems of charges.
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.NotifyRelease))] = Write(AuditAction.Update, [Role.Service, Role.Supervisor]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.NotifyCharge))] = Write(AuditAction.Create, [Role.Service, Role.Supervisor]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ListTasks))] = Read(CaseWorkers),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.CompleteTask))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.RecordContact))] = Write(AuditAction.Create, CaseWorkers),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.ListContacts))] = Read(CaseWorkers),
        // Partners sit at the weekly IOM review and record their actions there.
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.GetIomReviewAgenda))] = Read([.. CaseWorkers, Role.PartnerAgency]),
        [Method(V1.Caseload.Descriptor, nameof(V1.Caseload.CaseloadBase.RecordIomDecision))] = Write(AuditAction.Update, [.. CaseWorkers, Role.PartnerAgency]),

        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.GetBriefing))] = Read([Role.LocalOfficer, .. CaseWorkers]),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.ExportBriefing))] = Read([Role.LocalOfficer, .. CaseWorkers]),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.SearchNear))] = Read([Role.LocalOfficer, .. CaseWorkers]) with { Limit = RateLimit.Search },
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.ZonesAt))] = Read([Role.LocalOfficer, .. CaseWorkers, Role.Service]),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.CheckSighting))] = Read([Role.LocalOfficer, .. CaseWorkers]),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.RecordSighting))] = Write(AuditAction.Create, [Role.LocalOfficer, .. CaseWorkers, Role.Service]),
        [Method(V1.Areas.Descriptor, nameof(V1.Areas.AreasBase.ListSightings))] = Read([Role.LocalOfficer, .. CaseWorkers, Role.Analyst]),
        [Method(V1.Alerts.Descriptor, nameof(V1.Alerts.AlertsBase.Watch))] = Read([Role.LocalOfficer, .. CaseWorkers]),

        // Issue 17: managers record assessments and plans on their own cases, supervisors approve;
        // partners read only what their MAPPA meeting covers; local officers get the risk summary.
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.RecordAssessment))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.ListAssessments))] = Read([.. CaseWorkers, Role.Analyst, Role.PartnerAgency]),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.ListAssessmentsDue))] = Read(CaseWorkers),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.CreatePlan))] = Write(AuditAction.Create, CaseWorkers),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.UpdatePlan))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.ApprovePlan))] = Write(AuditAction.Update, [Role.Supervisor]),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.GetPlan))] = Read([.. CaseWorkers, Role.PartnerAgency]),
        [Method(V1.Risk.Descriptor, nameof(V1.Risk.RiskBase.GetRiskSummary))] = Read([Role.LocalOfficer, .. CaseWorkers, Role.PartnerAgency, Role.Service]),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.Refer))] = Write(AuditAction.Create, [.. CaseWorkers, Role.Service]),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.SetLevel))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.ScheduleMeeting))] = Write(AuditAction.Create, [Role.Supervisor, Role.Service]),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.ListMeetings))] = Read([.. CaseWorkers, Role.PartnerAgency], personal: false),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.GetMeeting))] = Read([.. CaseWorkers, Role.PartnerAgency]),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.RecordMinutes))] = Write(AuditAction.Update, CaseWorkers),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.ListActions))] = Read([.. CaseWorkers, Role.PartnerAgency]),
        [Method(V1.Mappa.Descriptor, nameof(V1.Mappa.MappaBase.SetPartnerAgency))] = Write(AuditAction.Update, [Role.Admin]) with { PersonalData = false },

        // Issue 19: supervisors grant analysts access to named people; analysts see their own grants.
        [Method(V1.Access.Descriptor, nameof(V1.Access.AccessBase.GrantAnalystAccess))] = Write(AuditAction.Create, [Role.Supervisor]),
        [Method(V1.Access.Descriptor, nameof(V1.Access.AccessBase.ListAnalystGrants))] = Read([Role.Supervisor, Role.Analyst]),
        [Method(V1.Access.Descriptor, nameof(V1.Access.AccessBase.RevokeAnalystGrant))] = Write(AuditAction.Update, [Role.Supervisor]),
        [Method(V1.Access.Descriptor, nameof(V1.Access.AccessBase.ListAnalysts))] = Read([Role.Supervisor], personal: false),
        // Issue 19: reports are aggregates with no personal field (small counts suppressed), for
        // analysts and supervisors; reviewing and disposing of records is for supervisors and admin.
        [Method(V1.Reports.Descriptor, nameof(V1.Reports.ReportsBase.GetReport))] = Read([Role.Analyst, Role.Supervisor], personal: false),
        [Method(V1.Reports.Descriptor, nameof(V1.Reports.ReportsBase.ExportReport))] = Read([Role.Analyst, Role.Supervisor], personal: false),
        [Method(V1.Retention.Descriptor, nameof(V1.Retention.RetentionBase.ListDueForReview))] = Read([Role.Supervisor, Role.Admin]),
        [Method(V1.Retention.Descriptor, nameof(V1.Retention.RetentionBase.RecordReviewDecision))] = Write(AuditAction.Update, [Role.Supervisor, Role.Admin]),

        [Method(V1.Audit.Descriptor, nameof(V1.Audit.AuditBase.Query))] = Read([Role.Admin, Role.Supervisor]),
        [Method(V1.Audit.Descriptor, nameof(V1.Audit.AuditBase.VerifyChain))] = Read([Role.Admin, Role.Supervisor], personal: false),
    };

    public static RpcRule? Find(string fullMethod) => Rules.GetValueOrDefault(fullMethod);

    public static IReadOnlyDictionary<string, RpcRule> All => Rules;

    /// <summary>Full method names the role may call, for telling a client what to offer.</summary>
    public static IReadOnlyList<string> AllowedFor(Role role) => AllowedByRole.GetValueOrDefault(role, []);

    // Worked out once per role (after Rules, which it reads): WhoAmI answers with this list on
    // every call, and filtering and sorting the table each time was a twentieth of its CPU
    // (docs/benchmarks.md, 2026-12-02).
    private static readonly FrozenDictionary<Role, string[]> AllowedByRole = Everyone.ToFrozenDictionary(
        role => role,
        role => Rules.Where(r => r.Value.Anonymous || r.Value.Roles.Contains(role)).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray());

    public static string Method(Google.Protobuf.Reflection.ServiceDescriptor service, string method)
    {
        var descriptor = service.FindMethodByName(method)
                         ?? throw new InvalidOperationException($"{service.FullName} has no method {method}.");
        return $"/{service.FullName}/{descriptor.Name}";
    }

    private static RpcRule Read(Role[] roles, bool personal = true) =>
        new(roles.ToHashSet(), CallKind.Read, AuditAction.Read, personal);

    private static RpcRule Write(AuditAction action, Role[] roles) =>
        new(roles.ToHashSet(), CallKind.Write, action, PersonalData: true);
}
