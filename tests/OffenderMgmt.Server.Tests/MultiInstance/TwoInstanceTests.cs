using OffenderMgmt.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.MultiInstance;

/// <summary>
/// Two server instances on one PostgreSQL database (issue 15): what a load balancer sending
/// calls to either must not break. Skipped on SQLite runs, which serve one instance.
/// </summary>
public sealed class TwoInstanceTests : IDisposable
{
    private readonly TwoInstances? _instances = TestDatabase.IsPostgres ? new TwoInstances() : null;
    private TwoInstances Instances => _instances!;

    public void Dispose() => _instances?.Dispose();

    private static CreatePersonRequest NewPerson(string family, string given, string requestId = "") => new()
    {
        RequestId = requestId,
        Person = new PersonInput { Name = new PersonName { FamilyName = family, GivenName = given } },
    };

    [PostgresFact]
    public async Task Concurrent_audited_reads_and_writes_through_both_instances_all_succeed_and_the_one_chain_verifies()
    {
        await Instances.CreateAccountAsync("two.service", Role.Service);
        await Instances.CreateAccountAsync("two.supervisor", Role.Supervisor);
        var onA = new People.PeopleClient(await Instances.A.As("two.service"));
        var onB = new People.PeopleClient(await Instances.B.As("two.service"));

        // Reads are audited by each instance's batch writer, writes in their own transaction:
        // both instances append to the one chain at once.
        var calls = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            var client = i % 2 == 0 ? onA : onB;
            calls.Add(client.CreatePersonAsync(NewPerson("Concurrent", $"Writer{i}")).ResponseAsync);
            calls.Add(client.SearchPeopleAsync(new SearchPeopleRequest { Name = "concurrent" }).ResponseAsync);
        }
        await Task.WhenAll(calls);

        var audit = new Audit.AuditClient(await Instances.B.As("two.supervisor", "audit"));
        var verdict = await audit.VerifyChainAsync(new VerifyChainRequest());
        Assert.True(verdict.Intact, verdict.Problem);
        var entries = await Instances.A.WithDb(db => db.AuditEntries.CountAsync(e => e.Subject == "two.service"));
        Assert.Equal(calls.Count, entries - await SignInEntries("two.service"));
        Assert.Equal(20, await Instances.A.WithDb(db => db.People.CountAsync(p => p.FamilyName == "Concurrent")));
    }

    [PostgresFact]
    public async Task The_same_request_id_sent_to_both_instances_at_once_has_one_effect_and_both_get_the_first_answer()
    {
        await Instances.CreateAccountAsync("two.retrier", Role.Service);
        var onA = new People.PeopleClient(await Instances.A.As("two.retrier"));
        var onB = new People.PeopleClient(await Instances.B.As("two.retrier"));

        for (var round = 0; round < 10; round++)
        {
            var request = NewPerson("Retried", $"Round{round}", requestId: $"both-at-once-{round}");
            var answers = await Task.WhenAll(onA.CreatePersonAsync(request).ResponseAsync, onB.CreatePersonAsync(request).ResponseAsync);
            Assert.Equal(answers[0], answers[1]);
        }
        Assert.Equal(10, await Instances.A.WithDb(db => db.People.CountAsync(p => p.FamilyName == "Retried")));
    }

    [PostgresFact]
    public async Task Two_demo_instances_started_at_once_seed_one_demo_force_and_both_serve_it()
    {
        // Each start migrates and seeds under the start-up lock: the second finds the force there.
        using var demo = new TwoInstances(demo: true);
        var people = await demo.A.WithDb(db => db.People.CountAsync());
        Assert.True(people > 0);
        Assert.Equal(1, await demo.A.WithDb(db => db.SystemSettings.CountAsync(s => s.Key == "demo.generator")));
        foreach (var instance in new[] { demo.A, demo.B })
        {
            var found = await new People.PeopleClient(await instance.As("demo.manager")).SearchPeopleAsync(new SearchPeopleRequest { Name = "smith" });
            Assert.NotEmpty(found.People);
        }
    }

    /// <summary>Entries of the account's sign-ins (one per instance it signed in on), which the tests' calls did not make.</summary>
    private Task<int> SignInEntries(string subject) =>
        Instances.A.WithDb(db => db.AuditEntries.CountAsync(e => e.Subject == subject && e.Rpc.Contains("SignIn")));
}
