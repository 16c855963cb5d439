using Grpc.Core;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// Which role may call which RPC, as designed (DESIGN.md section 6), checked against the
/// running server: allowed roles are not refused for their role; the others get
/// PERMISSION_DENIED. The expected table here is the specification; the server's table is
/// Security/RpcAccessPolicy.cs.
/// </summary>
public sealed class RoleMatrixTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string M = "offender-manager", S = "supervisor", L = "local-officer", An = "analyst", P = "partner-agency", Sv = "service", Ad = "admin";
    private static readonly string[] AllRoles = [M, S, L, An, P, Sv, Ad];

    public static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/offendermgmt.v1.Auth/WhoAmI"] = AllRoles,
        ["/offendermgmt.v1.People/CreatePerson"] = [M, S, Sv],
        ["/offendermgmt.v1.People/UpdatePerson"] = [M, S, Sv],
        ["/offendermgmt.v1.People/GetPerson"] = [M, S, L, An, P, Sv],
        ["/offendermgmt.v1.People/SearchPeople"] = [M, S, L, An, Sv],
        ["/offendermgmt.v1.People/AddPhoto"] = [M, S, Sv],
        ["/offendermgmt.v1.People/RetirePhoto"] = [M, S, Sv],
        ["/offendermgmt.v1.People/GetPhoto"] = [M, S, L, An, P, Sv],
        ["/offendermgmt.v1.People/ListPhotos"] = [M, S, L, An, P, Sv],
        ["/offendermgmt.v1.People/AddIdentifier"] = [M, S, Sv],
        ["/offendermgmt.v1.People/UpdateIdentifier"] = [M, S, Sv],
        ["/offendermgmt.v1.People/ListIdentifiers"] = [M, S, L, An, P, Sv],
        ["/offendermgmt.v1.People/SearchByVehicle"] = [M, S, L, An, Sv],
        ["/offendermgmt.v1.People/SearchByMark"] = [M, S, L, An, Sv],
        ["/offendermgmt.v1.Areas/ListAreas"] = AllRoles,
        ["/offendermgmt.v1.Areas/GetArea"] = AllRoles,
        ["/offendermgmt.v1.Orders/CreateOrder"] = [M, S, Sv],
        ["/offendermgmt.v1.Orders/GetOrder"] = [M, S, L, An, P, Sv],
        ["/offendermgmt.v1.Orders/ListOrders"] = [M, S, An, Sv],
        ["/offendermgmt.v1.Orders/ServeOrder"] = [M, S, L, Sv],
        ["/offendermgmt.v1.Orders/VaryOrder"] = [M, S, Sv],
        ["/offendermgmt.v1.Orders/DischargeOrder"] = [M, S, Sv],
        ["/offendermgmt.v1.Compliance/ListDue"] = [M, S],
        ["/offendermgmt.v1.Compliance/ListOverdue"] = [M, S],
        ["/offendermgmt.v1.Compliance/ListHistory"] = [M, S, An],
        ["/offendermgmt.v1.Compliance/RecordOutcome"] = [M, S],
        ["/offendermgmt.v1.Compliance/RecordBreach"] = [M, S, L, Sv],
        ["/offendermgmt.v1.Compliance/UpdateBreach"] = [M, S],
        ["/offendermgmt.v1.Compliance/ListBreaches"] = [M, S, An],
        ["/offendermgmt.v1.Compliance/CalculateNotificationPeriod"] = [M, S, An, Sv],
        ["/offendermgmt.v1.Compliance/GetNotificationStatus"] = [M, S],
        ["/offendermgmt.v1.Compliance/RecordNotification"] = [M, S],
        ["/offendermgmt.v1.Compliance/ApproveReactiveManagement"] = [S],
        ["/offendermgmt.v1.Caseload/Enrol"] = [M, S, Sv],
        ["/offendermgmt.v1.Caseload/GetManagement"] = [M, S, An, P, Sv],
        ["/offendermgmt.v1.Caseload/ListManagements"] = [M, S, An, P, Sv],
        ["/offendermgmt.v1.Caseload/ListCaseload"] = [M, S],
        ["/offendermgmt.v1.Caseload/ChangeRisk"] = [M, S],
        ["/offendermgmt.v1.Caseload/EndManagement"] = [M, S],
        ["/offendermgmt.v1.Caseload/GetOfficerWorkload"] = [M, S, An],
        ["/offendermgmt.v1.Caseload/GetTeamWorkload"] = [M, S, An],
        ["/offendermgmt.v1.Caseload/OfficerLeaves"] = [S],
        ["/offendermgmt.v1.Caseload/ListOrphaned"] = [S],
        ["/offendermgmt.v1.Caseload/SuggestOwners"] = [S],
        ["/offendermgmt.v1.Caseload/Reallocate"] = [S],
        ["/offendermgmt.v1.Caseload/NotifyRelease"] = [S, Sv],
        ["/offendermgmt.v1.Caseload/NotifyCharge"] = [S, Sv],
        ["/offendermgmt.v1.Caseload/ListTasks"] = [M, S],
        ["/offendermgmt.v1.Caseload/CompleteTask"] = [M, S],
        ["/offendermgmt.v1.Caseload/RecordContact"] = [M, S],
        ["/offendermgmt.v1.Caseload/ListContacts"] = [M, S],
        ["/offendermgmt.v1.Caseload/GetIomReviewAgenda"] = [M, S, P],
        ["/offendermgmt.v1.Caseload/RecordIomDecision"] = [M, S, P],
        ["/offendermgmt.v1.Areas/GetBriefing"] = [M, S, L],
        ["/offendermgmt.v1.Areas/ExportBriefing"] = [M, S, L],
        ["/offendermgmt.v1.Areas/SearchNear"] = [M, S, L],
        ["/offendermgmt.v1.Areas/ZonesAt"] = [M, S, L, Sv],
        ["/offendermgmt.v1.Areas/CheckSighting"] = [M, S, L],
        ["/offendermgmt.v1.Areas/RecordSighting"] = [M, S, L, Sv],
        ["/offendermgmt.v1.Areas/ListSightings"] = [M, S, L, An],
        ["/offendermgmt.v1.Alerts/Watch"] = [M, S, L],
        ["/offendermgmt.v1.Risk/RecordAssessment"] = [M, S, Sv],
        ["/offendermgmt.v1.Risk/ListAssessments"] = [M, S, An, P],
        ["/offendermgmt.v1.Risk/ListAssessmentsDue"] = [M, S],
        ["/offendermgmt.v1.Risk/CreatePlan"] = [M, S],
        ["/offendermgmt.v1.Risk/UpdatePlan"] = [M, S],
        ["/offendermgmt.v1.Risk/ApprovePlan"] = [S],
        ["/offendermgmt.v1.Risk/GetPlan"] = [M, S, P],
        ["/offendermgmt.v1.Risk/GetRiskSummary"] = [M, S, L, P, Sv],
        ["/offendermgmt.v1.Mappa/Refer"] = [M, S, Sv],
        ["/offendermgmt.v1.Mappa/SetLevel"] = [M, S],
        ["/offendermgmt.v1.Mappa/ScheduleMeeting"] = [S, Sv],
        ["/offendermgmt.v1.Mappa/ListMeetings"] = [M, S, P],
        ["/offendermgmt.v1.Mappa/GetMeeting"] = [M, S, P],
        ["/offendermgmt.v1.Mappa/RecordMinutes"] = [M, S],
        ["/offendermgmt.v1.Mappa/ListActions"] = [M, S, P],
        ["/offendermgmt.v1.Mappa/SetPartnerAgency"] = [Ad],
        ["/offendermgmt.v1.Access/GrantAnalystAccess"] = [S],
        ["/offendermgmt.v1.Access/ListAnalystGrants"] = [S, An],
        ["/offendermgmt.v1.Access/ListAnalysts"] = [S],
        ["/offendermgmt.v1.Access/RevokeAnalystGrant"] = [S],
        ["/offendermgmt.v1.Audit/Query"] = [S, Ad],
        ["/offendermgmt.v1.Audit/VerifyChain"] = [S, Ad],
        // Issue 19: aggregates for analysts and supervisors; review and disposal for supervisors and admin.
        ["/offendermgmt.v1.Reports/GetReport"] = [S, An],
        ["/offendermgmt.v1.Reports/ExportReport"] = [S, An],
        ["/offendermgmt.v1.Retention/ListDueForReview"] = [S, Ad],
        ["/offendermgmt.v1.Retention/RecordReviewDecision"] = [S, Ad],
    };

    private static readonly Dictionary<string, string> AccountFor = new()
    {
        [M] = "demo.manager", [S] = "demo.supervisor", [L] = "demo.officer", [An] = "demo.analyst",
        [P] = "demo.partner", [Sv] = "demo.service", [Ad] = "demo.admin",
    };

    [Fact]
    public void The_specification_covers_every_method_but_sign_in()
    {
        var methods = RawCalls.AllMethods().Select(RawCalls.FullName).Where(m => m != "/offendermgmt.v1.Auth/SignIn");
        Assert.Equal(methods.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(M)]
    [InlineData(S)]
    [InlineData(L)]
    [InlineData(An)]
    [InlineData(P)]
    [InlineData(Sv)]
    [InlineData(Ad)]
    public async Task WhoAmI_offers_each_role_exactly_the_methods_designed_for_it_and_sign_in_in_order(string role)
    {
        var auth = new OffenderMgmt.Contracts.V1.Auth.AuthClient(await server.As(AccountFor[role], ""));
        var offered = (await auth.WhoAmIAsync(new OffenderMgmt.Contracts.V1.WhoAmIRequest())).AllowedMethods.ToList();
        var designed = Expected.Where(e => e.Value.Contains(role)).Select(e => e.Key).Append("/offendermgmt.v1.Auth/SignIn").Order(StringComparer.Ordinal);
        Assert.Equal(designed, offered);
        // Asked again, the same list (kept per role, not shared for another role to change).
        Assert.Equal(offered, (await auth.WhoAmIAsync(new OffenderMgmt.Contracts.V1.WhoAmIRequest())).AllowedMethods);
    }

    public static TheoryData<string, string> MethodsAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in Expected.Keys)
            foreach (var role in AllRoles)
                data.Add(method, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsAndRoles))]
    public async Task Each_role_may_call_exactly_the_methods_designed_for_it(string fullName, string role)
    {
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == fullName);
        var invoker = await server.As(AccountFor[role], "reason: checking the role matrix in a test");
        RpcException? error = null;
        try
        {
            await RawCalls.CallAsync(invoker, method);
        }
        catch (RpcException e)
        {
            error = e;
        }

        var refusedForRole = error is { StatusCode: StatusCode.PermissionDenied } && error.Status.Detail.Contains("may not call", StringComparison.Ordinal);
        if (Expected[fullName].Contains(role))
            Assert.False(refusedForRole, $"{role} should be allowed to call {fullName}: {error?.Status.Detail}");
        else
            Assert.True(refusedForRole, $"{role} should be refused {fullName}, got {error?.StatusCode.ToString() ?? "OK"}: {error?.Status.Detail}");
    }
}
