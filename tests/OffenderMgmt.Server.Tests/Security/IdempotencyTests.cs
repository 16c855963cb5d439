using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>A service retrying a write with the same request id gets the first answer, not a second record.</summary>
public sealed class IdempotencyTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static CreatePersonRequest Request(string requestId, string family) =>
        new() { RequestId = requestId, Person = new PersonInput { Name = new PersonName { FamilyName = family } } };

    [Fact]
    public async Task A_retried_create_returns_the_first_result_and_creates_one_record()
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        var first = await people.CreatePersonAsync(Request("court-7781-a", "Retryson"));
        var retry = await people.CreatePersonAsync(Request("court-7781-a", "Retryson"));

        Assert.Equal(first, retry);
        Assert.Equal(1, await server.WithDb(db => db.People.CountAsync(p => p.FamilyName == "Retryson")));
    }

    [Fact]
    public async Task Reusing_a_request_id_for_a_different_request_is_refused_and_changes_nothing()
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        await people.CreatePersonAsync(Request("court-7781-b", "Firstcomer"));
        await RpcAssert.FailsOnField("request_id", () => people.CreatePersonAsync(Request("court-7781-b", "Secondcomer")).ResponseAsync);
        Assert.Equal(0, await server.WithDb(db => db.People.CountAsync(p => p.FamilyName == "Secondcomer")));
    }

    [Fact]
    public async Task Request_ids_belong_to_their_caller()
    {
        var service = new People.PeopleClient(await server.As("demo.service"));
        var supervisor = new People.PeopleClient(await server.As("demo.supervisor"));
        var a = await service.CreatePersonAsync(Request("shared-id-1", "Ownerone"));
        var b = await supervisor.CreatePersonAsync(Request("shared-id-1", "Ownerone"));
        Assert.NotEqual(a.Id, b.Id);
    }
}
