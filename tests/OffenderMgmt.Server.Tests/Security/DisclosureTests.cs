using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Testing;

using Scheme = OffenderMgmt.Server.Caseload.Scheme;
using Register = OffenderMgmt.Server.Caseload.Register;
namespace OffenderMgmt.Tests.Security;

/// <summary>Who sees what of a person: by role, by relationship, and with a stated reason.</summary>
public sealed class DisclosureTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string AReason = "reason: covering a colleague's caseload this week";

    /// <summary>A person with health notes managed by the given demo account's officer (or by someone else).</summary>
    private Task<Server.People.Person> PersonWithHealthNotes(bool managedByDemoManager) =>
        server.WithDb(async db =>
        {
            var officer = await db.UserAccounts.Where(a => a.Username == "demo.manager").Select(a => a.OfficerId).SingleAsync();
            var ids = db.Managements.Where(m => m.Status == ManagementStatus.Active && m.Scheme == Scheme.Vsomt &&
                                                (m.ResponsibleOfficerId == officer) == managedByDemoManager).Select(m => m.PersonId);
            // Not also held by the demo manager some other way.
            var mine = db.Managements.Where(m => m.ResponsibleOfficerId == officer).Select(m => m.PersonId);
            return await db.People.Where(p => ids.Contains(p.Id) && p.HealthNotes != "" && (managedByDemoManager || !mine.Contains(p.Id)))
                .OrderBy(p => p.SortName).FirstAsync();
        });

    [Fact]
    public async Task An_offender_manager_reads_their_own_case_in_full()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: true);
        var people = new People.PeopleClient(await server.As("demo.manager", "case-management"));
        var read = await people.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() });
        Assert.Equal(person.HealthNotes, read.HealthNotes);
    }

    [Fact]
    public async Task Reading_someone_elses_case_without_a_reason_is_refused_saying_a_reason_is_needed()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: false);
        var people = new People.PeopleClient(await server.As("demo.manager", "case-management"));
        var error = await RpcAssert.Fails(StatusCode.PermissionDenied,
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() }).ResponseAsync);
        Assert.Contains("reason is needed", error.Status.Detail);
    }

    [Fact]
    public async Task With_a_stated_reason_someone_elses_case_can_be_read_and_the_reason_is_audited()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: false);
        var people = new People.PeopleClient(await server.As("demo.manager", AReason));
        var read = await people.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() });
        Assert.Equal(person.HealthNotes, read.HealthNotes);

        var audit = new Audit.AuditClient(await server.As("demo.admin", "audit"));
        var entries = await audit.QueryAsync(new QueryAuditRequest { RecordId = person.Id.ToString() });
        Assert.Contains(entries.Entries, e => e.Subject == "demo.manager" && e.Purpose == AReason["reason: ".Length..].Insert(0, "reason: ") && e.Rpc.EndsWith("GetPerson", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_officers_view_of_a_person_carries_no_restricted_field_on_the_wire()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: true);
        var invoker = await server.As("demo.officer", "briefing");
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == "/offendermgmt.v1.People/GetPerson");

        var wire = await RawCalls.CallAsync(invoker, method, Google.Protobuf.MessageExtensions.ToByteArray(new GetPersonRequest { Id = person.Id.ToString() }));

        var message = Person.Parser.ParseFrom(wire);
        Assert.Equal(person.FamilyName, message.Name.FamilyName);
        Assert.Equal(person.Description, message.Description);
        Assert.Equal(person.Address!.AreaCode, message.Address.AreaCode);
        Assert.Equal("", message.HealthNotes);
        Assert.DoesNotContain(person.HealthNotes, System.Text.Encoding.UTF8.GetString(wire));
    }

    [Fact]
    public async Task A_local_officer_must_be_briefing_or_checking_a_sighting()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: true);
        var people = new People.PeopleClient(await server.As("demo.officer", "case-management"));
        var error = await RpcAssert.Fails(StatusCode.PermissionDenied,
            () => people.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() }).ResponseAsync);
        Assert.Contains("briefing", error.Status.Detail);
    }

    [Fact]
    public async Task A_partner_agency_sees_iom_cohort_members_without_restricted_fields_and_nobody_else()
    {
        var (iomMember, rso) = await server.WithDb(async db => (
            await db.People.Where(p => p.HealthNotes != "" && db.Managements.Any(m => m.PersonId == p.Id && m.Scheme == Scheme.Iom)).FirstAsync(),
            await db.People.Where(p => db.Managements.Any(m => m.PersonId == p.Id && m.Register == Register.RegisteredSexOffender)).FirstAsync()));
        var people = new People.PeopleClient(await server.As("demo.partner", "case-management"));

        var read = await people.GetPersonAsync(new GetPersonRequest { Id = iomMember.Id.ToString() });
        Assert.Equal(iomMember.FamilyName, read.Name.FamilyName);
        Assert.Equal("", read.HealthNotes);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => people.GetPersonAsync(new GetPersonRequest { Id = rso.Id.ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task Calls_that_touch_personal_data_must_state_a_purpose_and_a_bad_purpose_is_refused()
    {
        var person = await PersonWithHealthNotes(managedByDemoManager: true);
        var unstated = new People.PeopleClient(await server.As("demo.manager", ""));
        await RpcAssert.FailsOnField("x-access-purpose", () => unstated.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() }).ResponseAsync);
        var garbled = new People.PeopleClient(await server.As("demo.manager", "because"));
        await RpcAssert.FailsOnField("x-access-purpose", () => garbled.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() }).ResponseAsync);
        var terse = new People.PeopleClient(await server.As("demo.manager", "reason: x"));
        await RpcAssert.FailsOnField("x-access-purpose", () => terse.GetPersonAsync(new GetPersonRequest { Id = person.Id.ToString() }).ResponseAsync);
    }
}
