using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>What the call pipeline promises every caller: bounded, machine-readable refusals, one audit entry per call.</summary>
public sealed class CallPipelineTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private Task<List<Server.Audit.AuditEntry>> EntriesAsync(string subject, string rpcEnd) =>
        server.WithDb(db => db.AuditEntries.Where(e => e.Subject == subject && e.Rpc.EndsWith(rpcEnd)).OrderBy(e => e.Sequence).ToListAsync());

    [Theory]
    [InlineData(400)]
    [InlineData(5000)]
    public async Task Thousands_of_bad_items_are_refused_at_once_with_twenty_listed_and_the_connection_keeps_working(int count)
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        var input = new PersonInput { Name = new PersonName { FamilyName = "Many" } };
        for (var i = 0; i < count; i++) input.WarningMarkers.Add((WarningMarker)99);

        var error = await RpcAssert.Fails(StatusCode.InvalidArgument,
            () => people.CreatePersonAsync(new CreatePersonRequest { Person = input }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        var status = error.GetRpcStatus()!;
        Assert.True(status.GetDetail<BadRequest>().FieldViolations.Count <= 20);
        Assert.True(status.CalculateSize() + error.Status.Detail.Length < 8 * 1024, $"{status.CalculateSize()} bytes of details");
        // Another call on the same channel is answered.
        var areas = new Areas.AreasClient(await server.As("demo.service"));
        Assert.NotEmpty((await areas.ListAreasAsync(new ListAreasRequest())).Areas);
    }

    [Fact]
    public async Task A_refusal_says_how_many_violations_it_did_not_list()
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        var input = new PersonInput { Name = new PersonName { FamilyName = "Many" } };
        // 30 bad aliases: within the list's maximum count (30), so each is a violation of its own.
        for (var i = 0; i < 30; i++) input.Aliases.Add(new PersonName { GivenName = "No family name" });
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => people.CreatePersonAsync(new CreatePersonRequest { Person = input }).ResponseAsync);
        Assert.Contains("and 10 more", error.Status.Detail);
        Assert.Equal("30", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["violations"]);
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_naming_the_field_and_nothing_is_stored()
    {
        // PostgreSQL cannot keep U+0000 in text: it must be refused before any database sees it, on either engine.
        var people = new People.PeopleClient(await server.As("demo.service"));
        var input = new PersonInput { Name = new PersonName { FamilyName = "Nul" } };
        input.Aliases.Add(new PersonName { FamilyName = "Hidden\0Name" });
        var before = await server.WithDb(db => db.People.CountAsync());

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => people.CreatePersonAsync(new CreatePersonRequest { Person = input, RequestId = "nul-test" }).ResponseAsync);
        Assert.Equal("person.aliases[0].family_name", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);

        var retried = await RpcAssert.FailsWith(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => people.CreatePersonAsync(new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { FamilyName = "Nul" } }, RequestId = "id\0" }).ResponseAsync);
        Assert.Equal("request_id", Assert.Single(retried.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(before, await server.WithDb(db => db.People.CountAsync()));
    }

    public static TheoryData<string, string, StatusCode, string> Refusals() => new()
    {
        // account, purpose, expected status, expected reason
        { "demo.admin", "audit", StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED" },
        { "demo.manager", "", StatusCode.InvalidArgument, "PURPOSE_REQUIRED" },
        { "demo.manager", "nonsense", StatusCode.InvalidArgument, "INVALID_FIELD" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_carries_a_reason_and_is_audited_once_with_the_purpose_the_caller_stated(string account, string purpose, StatusCode code, string reason)
    {
        var before = (await EntriesAsync(account, "Caseload/ListCaseload")).Count;
        var caseload = new Caseload.CaseloadClient(await server.As(account, purpose));
        await RpcAssert.FailsWith(code, reason, () => caseload.ListCaseloadAsync(new ListCaseloadRequest()).ResponseAsync);

        var entries = await EntriesAsync(account, "Caseload/ListCaseload");
        var entry = Assert.Single(entries.Skip(before));
        Assert.Equal(purpose, entry.Purpose);
        Assert.StartsWith(code.ToString(), entry.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_refusals_carry_their_reasons()
    {
        var anonymous = new Areas.AreasClient(server.Anonymous());
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, "UNAUTHENTICATED", () => anonymous.ListAreasAsync(new ListAreasRequest()).ResponseAsync);
        var people = new People.PeopleClient(await server.As("demo.manager"));
        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => people.GetPersonAsync(new GetPersonRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task A_refused_stream_leaves_only_its_refusal_and_an_admitted_one_only_its_opening()
    {
        var alerts = new Alerts.AlertsClient(await server.As("demo.officer", "briefing"));
        var before = (await EntriesAsync("demo.officer", "Alerts/Watch")).Count;
        using (var refused = alerts.Watch(new WatchRequest { AreaCode = "NOPE" }))
            await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => refused.ResponseStream.MoveNext(CancellationToken.None));
        var afterRefusal = (await EntriesAsync("demo.officer", "Alerts/Watch")).Skip(before).ToList();
        Assert.StartsWith("NotFound", Assert.Single(afterRefusal).Outcome, StringComparison.Ordinal);

        var area = await server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());
        using (var cancel = new CancellationTokenSource())
        {
            using var admitted = alerts.Watch(new WatchRequest { AreaCode = area }, cancellationToken: cancel.Token);
            await admitted.ResponseHeadersAsync;
            await cancel.CancelAsync();
        }
        var all = (await EntriesAsync("demo.officer", "Alerts/Watch")).Skip(before + 1).ToList();
        Assert.Equal("OK (stream opened)", Assert.Single(all).Outcome);
    }

    [Fact]
    public async Task An_unparseable_body_is_invalid_argument_and_audited_as_the_caller()
    {
        var invoker = await server.As("demo.manager");
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == "/offendermgmt.v1.People/GetPerson");
        // Field 1 (id, a string) with a length running past the end of the message.
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, "INVALID_REQUEST_BODY", () => RawCalls.CallAsync(invoker, method, [0x0a, 0x7f, 0x41]));
        Assert.Equal("the request is not a valid offendermgmt.v1.GetPersonRequest message", error.Status.Detail);
        var entry = (await EntriesAsync("demo.manager", "People/GetPerson")).Last();
        Assert.StartsWith("InvalidArgument: the request is not a valid", entry.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unparseable_body_without_a_token_is_invalid_argument_and_audited_as_anonymous()
    {
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == "/offendermgmt.v1.Areas/ListAreas");
        var before = (await EntriesAsync("anonymous", "Areas/ListAreas")).Count;
        // A wrong wire type (group end) where the message starts.
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "INVALID_REQUEST_BODY", () => RawCalls.CallAsync(server.Anonymous(), method, [0x0c, 0xff, 0xff]));
        var entry = Assert.Single((await EntriesAsync("anonymous", "Areas/ListAreas")).Skip(before));
        Assert.StartsWith("InvalidArgument", entry.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_unparseable_body_of_every_method_is_invalid_argument_never_unknown()
    {
        var invoker = await server.As("demo.supervisor", "supervision");
        foreach (var method in RawCalls.AllMethods())
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => RawCalls.CallAsync(invoker, method, [0x0a, 0x7f, 0x41]));
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{RawCalls.FullName(method)}: {error.StatusCode} {error.Status.Detail}");
        }
    }
}
