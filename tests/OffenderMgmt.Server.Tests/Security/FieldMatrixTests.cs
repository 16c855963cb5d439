using System.Collections;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// The field matrix (issue 19): for every read RPC that can carry a restricted field, and every
/// role allowed to call it, the response on the wire carries no restricted field the role must
/// not see, even with a stated reason and (for the analyst) a supervisor's grant for the people
/// asked about. The restricted fields are the ones the protos mark "restricted"; a test checks
/// the table below lists exactly those, and another that every read RPC able to carry one has a
/// request here. Adding a restricted field is one line in <see cref="Restricted"/>.
/// The rule: DPA 2018 s.35(3) and s.36(1) (law enforcement processing adequate, relevant and not
/// excessive; special category data, such as health, only where strictly necessary, s.35(5)).
/// </summary>
public sealed class FieldMatrixTests(FieldMatrixTests.Fixture fixture) : IClassFixture<FieldMatrixTests.Fixture>
{
    /// <summary>What kind of restricted information a field holds, and so who may see it.</summary>
    public enum Kind { Health, Victim, RiskNarrative, CaseworkText, Intelligence, MappaMinutes }

    /// <summary>Every restricted field of the contracts, by proto full name (one line each).</summary>
    public static readonly Dictionary<string, Kind> Restricted = new()
    {
        ["offendermgmt.v1.Person.health_notes"] = Kind.Health,
        ["offendermgmt.v1.Order.victim_details"] = Kind.Victim,
        ["offendermgmt.v1.Management.risk_assessment"] = Kind.RiskNarrative,
        ["offendermgmt.v1.Assessment.narrative"] = Kind.RiskNarrative,
        ["offendermgmt.v1.RecordAssessmentRequest.narrative"] = Kind.RiskNarrative,
        ["offendermgmt.v1.ComplianceCheck.notes"] = Kind.CaseworkText,
        ["offendermgmt.v1.Breach.details"] = Kind.CaseworkText,
        ["offendermgmt.v1.ContactNote.text"] = Kind.CaseworkText,
        ["offendermgmt.v1.RecordNotificationRequest.details"] = Kind.CaseworkText,
        ["offendermgmt.v1.Sighting.text"] = Kind.Intelligence,
        ["offendermgmt.v1.MappaAgendaCase.minutes"] = Kind.MappaMinutes,
    };

    /// <summary>
    /// Who may ever see each kind (given the relationship: own or team cases, or a stated
    /// reason). Partners see risk narratives and minutes only for the cases of MAPPA meetings
    /// their agency attends (MAPPA Guidance ch. 9, information sharing at meetings). Analysts,
    /// local officers, services and admins never see any.
    /// </summary>
    public static readonly Dictionary<Kind, Role[]> MaySee = new()
    {
        [Kind.Health] = [Role.OffenderManager, Role.Supervisor],
        [Kind.Victim] = [Role.OffenderManager, Role.Supervisor],
        [Kind.RiskNarrative] = [Role.OffenderManager, Role.Supervisor, Role.PartnerAgency],
        [Kind.CaseworkText] = [Role.OffenderManager, Role.Supervisor],
        [Kind.Intelligence] = [Role.OffenderManager, Role.Supervisor],
        [Kind.MappaMinutes] = [Role.OffenderManager, Role.Supervisor, Role.PartnerAgency],
    };

    /// <summary>The records the requests ask about, each chosen so its restricted field is filled in.</summary>
    public sealed record Scenario(
        Guid HealthPerson, Guid VictimOrder, Guid VictimOrderPerson, Guid NotedCheckPerson, Guid BreachPerson, Guid ContactPerson,
        Guid RiskManagement, Guid RiskManagementPerson, Guid NarrativePerson, Guid SightingPerson, Guid MinutedMeeting, Guid ManagerOfficer)
    {
        public IEnumerable<Guid> People => [HealthPerson, VictimOrderPerson, NotedCheckPerson, BreachPerson, ContactPerson, RiskManagementPerson, NarrativePerson, SightingPerson];
    }

    /// <summary>A request for every read RPC whose response can carry a restricted field.</summary>
    private static readonly Dictionary<string, Func<Scenario, IMessage>> Requests = new()
    {
        ["/offendermgmt.v1.People/GetPerson"] = s => new GetPersonRequest { Id = s.HealthPerson.ToString() },
        ["/offendermgmt.v1.Orders/GetOrder"] = s => new GetOrderRequest { Id = s.VictimOrder.ToString() },
        ["/offendermgmt.v1.Orders/ListOrders"] = s => new ListOrdersRequest { PersonId = s.VictimOrderPerson.ToString() },
        ["/offendermgmt.v1.Compliance/ListHistory"] = s => new ListHistoryRequest { PersonId = s.NotedCheckPerson.ToString(), PageSize = 200 },
        ["/offendermgmt.v1.Compliance/ListDue"] = s => new ListChecksRequest { PersonId = s.NotedCheckPerson.ToString(), HorizonDays = 366 },
        ["/offendermgmt.v1.Compliance/ListOverdue"] = s => new ListChecksRequest { PersonId = s.NotedCheckPerson.ToString() },
        ["/offendermgmt.v1.Compliance/ListBreaches"] = s => new ListBreachesRequest { PersonId = s.BreachPerson.ToString() },
        ["/offendermgmt.v1.Caseload/ListContacts"] = s => new ListContactsRequest { PersonId = s.ContactPerson.ToString() },
        ["/offendermgmt.v1.Caseload/GetManagement"] = s => new GetManagementRequest { Id = s.RiskManagement.ToString() },
        ["/offendermgmt.v1.Caseload/ListManagements"] = s => new ListManagementsRequest { PersonId = s.RiskManagementPerson.ToString() },
        ["/offendermgmt.v1.Areas/ListSightings"] = s => new ListSightingsRequest { PersonId = s.SightingPerson.ToString() },
        ["/offendermgmt.v1.Risk/ListAssessments"] = s => new ListAssessmentsRequest { PersonId = s.NarrativePerson.ToString() },
        ["/offendermgmt.v1.Risk/ListAssessmentsDue"] = s => new ListAssessmentsDueRequest { OfficerId = s.ManagerOfficer.ToString(), HorizonDays = 366 },
        ["/offendermgmt.v1.Mappa/GetMeeting"] = s => new GetMeetingRequest { Id = s.MinutedMeeting.ToString() },
        ["/offendermgmt.v1.Mappa/ListMeetings"] = _ => new ListMeetingsRequest { From = "2025-12-01", To = "2027-06-01" },
    };

    private const string StatedReason = "reason: checking the field matrix in a test";

    private static readonly Dictionary<Role, string> AccountFor = new()
    {
        [Role.OffenderManager] = "demo.manager", [Role.Supervisor] = "demo.supervisor", [Role.LocalOfficer] = "demo.officer",
        [Role.Analyst] = "demo.analyst", [Role.PartnerAgency] = "demo.partner", [Role.Service] = "demo.service", [Role.Admin] = "demo.admin",
    };

    [Fact]
    public void The_table_lists_exactly_the_fields_the_protos_mark_restricted()
    {
        var marked = FieldsMarkedRestrictedInProtos().ToList();
        var unlisted = marked.Except(Restricted.Keys).ToList();
        Assert.True(unlisted.Count == 0, $"The protos mark {string.Join(", ", unlisted)} restricted: add a line to Restricted");
        var unmarked = Restricted.Keys.Except(marked).ToList();
        Assert.True(unmarked.Count == 0, $"Restricted lists {string.Join(", ", unmarked)}, which the protos do not mark restricted");
        Assert.All(Enum.GetValues<Kind>(), kind => Assert.True(MaySee.ContainsKey(kind), $"{kind} has no row in MaySee"));
    }

    [Fact]
    public void Every_read_rpc_that_can_carry_a_restricted_field_has_a_request_in_the_matrix()
    {
        var reaching = ReadMethods().Where(m => ReachableRestricted(m.OutputType).Count > 0).Select(RawCalls.FullName).ToList();
        var missing = reaching.Except(Requests.Keys).ToList();
        Assert.True(missing.Count == 0, $"No request in the field matrix for {string.Join(", ", missing)}: add a line to Requests");
        var needless = Requests.Keys.Except(reaching).ToList();
        Assert.True(needless.Count == 0, $"The field matrix has requests for RPCs that carry no restricted field: {string.Join(", ", needless)}");
    }

    public static TheoryData<string, Role> RpcsAndRoles()
    {
        var data = new TheoryData<string, Role>();
        foreach (var rpc in Requests.Keys.Order(StringComparer.Ordinal))
            foreach (var role in RpcAccessPolicy.Find(rpc)!.Roles.Order())
                data.Add(rpc, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(RpcsAndRoles))]
    public async Task No_restricted_field_reaches_a_role_that_must_not_see_it(string rpc, Role role)
    {
        var (seen, _) = await fixture.CallAsync(rpc, role);
        var leaks = seen.Where(field => !MaySee[Restricted[field]].Contains(role)).ToList();
        Assert.True(leaks.Count == 0, $"{rpc} showed {role.ToClaim()} {string.Join(", ", leaks)}");
    }

    /// <summary>The matrix can fail: a supervisor with a reason gets every restricted field the read RPCs can carry, filled in.</summary>
    [Fact]
    public async Task The_scenario_fills_in_every_restricted_field_a_read_can_carry_so_a_leak_would_show()
    {
        var seen = new HashSet<string>();
        foreach (var rpc in Requests.Keys)
        {
            var (fields, error) = await fixture.CallAsync(rpc, Role.Supervisor);
            Assert.True(error is null, $"{rpc} refused the supervisor: {error?.Status.Detail}");
            seen.UnionWith(fields);
        }
        var reachable = ReadMethods().SelectMany(m => ReachableRestricted(m.OutputType)).ToHashSet();
        Assert.Equal(reachable.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>And an analyst granted the people does get their records, just not the restricted fields.</summary>
    [Fact]
    public async Task The_granted_analyst_gets_the_records_themselves()
    {
        foreach (var rpc in new[] { "/offendermgmt.v1.People/GetPerson", "/offendermgmt.v1.Compliance/ListHistory", "/offendermgmt.v1.Compliance/ListBreaches", "/offendermgmt.v1.Areas/ListSightings" })
        {
            var (_, error) = await fixture.CallAsync(rpc, Role.Analyst);
            Assert.True(error is null, $"{rpc} refused the granted analyst: {error?.Status.Detail}");
        }
    }

    private static IEnumerable<MethodDescriptor> ReadMethods() =>
        RawCalls.AllMethods().Where(m => RpcAccessPolicy.Find(RawCalls.FullName(m)) is { Kind: CallKind.Read });

    /// <summary>The restricted fields a message can carry, at any depth.</summary>
    private static HashSet<string> ReachableRestricted(MessageDescriptor root)
    {
        var found = new HashSet<string>();
        var visited = new HashSet<string>();
        void Walk(MessageDescriptor message)
        {
            if (!visited.Add(message.FullName)) return;
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                if (Restricted.ContainsKey(field.FullName)) found.Add(field.FullName);
                if (field.FieldType == FieldType.Message) Walk(field.MessageType);
            }
        }
        Walk(root);
        return found;
    }

    /// <summary>The restricted fields filled in (non-empty) in a response.</summary>
    private static HashSet<string> FilledRestricted(IMessage root)
    {
        var found = new HashSet<string>();
        void Walk(IMessage message)
        {
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                var value = field.Accessor.GetValue(message);
                var values = field.IsRepeated && value is IEnumerable list && !field.IsMap ? list.Cast<object>().ToList() : [value];
                foreach (var item in values)
                {
                    var filled = item switch { null => false, string s => s.Length > 0, IMessage => true, _ => false };
                    if (filled && Restricted.ContainsKey(field.FullName)) found.Add(field.FullName);
                    if (item is IMessage inner) Walk(inner);
                }
            }
        }
        Walk(root);
        return found;
    }

    /// <summary>Fields whose proto comment (on the line, or the comment just above) says "restricted".</summary>
    private static IEnumerable<string> FieldsMarkedRestrictedInProtos()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OffenderMgmt.sln"))) directory = directory.Parent;
        var protos = Path.Combine(directory!.FullName, "protos", "offendermgmt", "v1");
        var field = new Regex(@"^\s*(repeated\s+)?[\w.]+\s+(\w+)\s*=\s*\d+\s*;(.*)$");
        foreach (var file in Directory.GetFiles(protos, "*.proto"))
        {
            // Open blocks: a message's name, or null for a oneof, enum or service.
            var blocks = new Stack<string?>();
            var above = "";
            foreach (var line in File.ReadLines(file))
            {
                var trimmed = Regex.Replace(line, "//.*$", "").Trim();
                if (line.Trim().StartsWith("//", StringComparison.Ordinal)) { above += " " + line.Trim(); continue; }
                var opens = trimmed.Count(c => c == '{');
                var closes = trimmed.Count(c => c == '}');
                if (opens > closes)
                {
                    blocks.Push(Regex.Match(trimmed, @"^message\s+(\w+)") is { Success: true } m ? m.Groups[1].Value : null);
                }
                else if (closes > opens)
                {
                    if (blocks.Count > 0) blocks.Pop();
                }
                else if (field.Match(line) is { Success: true } f && blocks.Any(b => b is not null))
                {
                    if ((f.Groups[3].Value + above).Contains("restricted", StringComparison.OrdinalIgnoreCase))
                        yield return $"offendermgmt.v1.{string.Join('.', blocks.Where(b => b is not null).Reverse())}.{f.Groups[2].Value}";
                }
                above = "";
            }
        }
    }

    /// <summary>The demo force, the scenario's records, and a live grant of those people to the demo analyst.</summary>
    public sealed class Fixture : IAsyncLifetime, IDisposable
    {
        private readonly DemoServerFactory _server = new();
        private Scenario? _scenario;

        public async Task InitializeAsync()
        {
            _scenario = await _server.WithDb(async db =>
            {
                var health = await db.People.Where(p => p.HealthNotes != "" && db.Managements.Any(m => m.PersonId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
                var order = await db.Orders.Where(o => o.VictimDetails != "").OrderBy(o => o.Id).Select(o => new { o.Id, o.PersonId }).FirstAsync();
                var noted = await db.ComplianceChecks.Where(c => c.Notes != "").OrderBy(c => c.Id).Select(c => c.PersonId).FirstAsync();
                var breach = await db.Breaches.Where(b => b.Details != "").OrderBy(b => b.Id).Select(b => b.PersonId).FirstAsync();
                var contact = await db.ContactNotes.Where(n => n.Text != "").OrderBy(n => n.Id).Select(n => n.PersonId).FirstAsync();
                var risk = await db.Managements.Where(m => m.RiskAssessment != "").OrderBy(m => m.Id).Select(m => new { m.Id, m.PersonId }).FirstAsync();
                var narrative = await db.RiskAssessments.Where(a => a.Narrative != "").OrderBy(a => a.Id).Select(a => a.PersonId).FirstAsync();
                var meeting = await db.MappaMeetings.Where(m => m.MinutesRecordedAt != null).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
                var officer = await db.UserAccounts.Where(a => a.Username == "demo.manager").Select(a => a.OfficerId!.Value).SingleAsync();
                var sighted = await db.People.Where(p => p.Address != null).OrderBy(p => p.Id).Select(p => p.Id).Skip(3).FirstAsync();
                db.Sightings.Add(new Server.Sightings.Sighting
                {
                    PersonId = sighted, SeenAt = ServerFactory.StartTime.AddHours(-2), Latitude = 51.879, Longitude = -0.417, Location = "George Street",
                    Text = "Seen handing a package to a known dealer", ReportedBy = "demo.officer", Verdict = Server.Sightings.SightingVerdict.NoBreach,
                    RecordedAt = ServerFactory.StartTime.AddHours(-1),
                });
                await db.SaveChangesAsync();
                return new Scenario(health, order.Id, order.PersonId, noted, breach, contact, risk.Id, risk.PersonId, narrative, sighted, meeting, officer);
            });
            var access = new Access.AccessClient(await _server.As("demo.supervisor", "supervision"));
            await access.GrantAnalystAccessAsync(new GrantAnalystAccessRequest
            {
                Analyst = "demo.analyst", Purpose = "Field matrix test", Reason = "The people the field matrix asks about", Days = 30,
                PersonIds = { _scenario.People.Distinct().Select(p => p.ToString()) },
            });
        }

        /// <summary>Calls the RPC as the role's demo account with a stated reason: the restricted fields filled in, or the refusal.</summary>
        public async Task<(HashSet<string> Seen, RpcException? Error)> CallAsync(string rpc, Role role)
        {
            var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == rpc);
            var invoker = await _server.As(AccountFor[role], StatedReason);
            try
            {
                var wire = await RawCalls.CallAsync(invoker, method, Requests[rpc](_scenario!).ToByteArray());
                return (FilledRestricted(method.OutputType.Parser.ParseFrom(wire)), null);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound)
            {
                // A refusal discloses nothing.
                return ([], e);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _server.Dispose();
    }
}
