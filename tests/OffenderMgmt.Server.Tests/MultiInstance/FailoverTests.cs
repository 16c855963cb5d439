using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;
using Xunit.Abstractions;

namespace OffenderMgmt.Tests.MultiInstance;

/// <summary>
/// Issue 15: two server instances as real processes on one PostgreSQL database, under mixed
/// reads and writes; instance A is killed with SIGKILL and the clients carry on through B,
/// retrying what A did not answer with the same request id. Nothing acknowledged is lost,
/// nothing is applied twice per request id, the audit chain verifies, and B's views show what
/// was committed through A.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "failover-test-password";
    private readonly TestDatabase? _database = TestDatabase.IsPostgres ? new TestDatabase() : null;
    private readonly List<ServerProcess> _servers = [];

    private Dictionary<string, string> Settings() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = _database!.ConnectionString,
        ["Storage:MultiInstance"] = "true",
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:SignInAttemptsPerMinute"] = "100000",
        ["Auth:SearchesPerMinute"] = "100000",
        ["Demo:Enabled"] = "true",
        ["Demo:Password"] = Password,
    };

    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [PostgresFact]
    public async Task Killing_one_instance_under_load_loses_and_doubles_nothing_and_the_survivor_is_current()
    {
        // A seeds the demo force; B, started after, finds it there.
        var a = await Start();
        var b = await Start();
        var managerOn = new[] { new Caseload.CaseloadClient(await a.SignedInAsync("demo.manager", Password)), new Caseload.CaseloadClient(await b.SignedInAsync("demo.manager", Password)) };
        var officerOn = new[] { new Areas.AreasClient(await a.SignedInAsync("demo.officer", Password, "briefing")), new Areas.AreasClient(await b.SignedInAsync("demo.officer", Password, "briefing")) };
        var peopleOnA = new People.PeopleClient(await a.SignedInAsync("demo.manager", Password));
        var officerId = (await new Auth.AuthClient(await a.SignedInAsync("demo.manager", Password)).WhoAmIAsync(new WhoAmIRequest())).OfficerId;
        var cases = (await managerOn[0].ListCaseloadAsync(new ListCaseloadRequest { OfficerId = officerId })).Cases;
        var writtenAbout = cases[0].PersonId;
        var mover = cases[1].PersonId;
        string[] wards = ["Leagrave", "Barnfield"];

        var acknowledged = new ConcurrentBag<string>();
        var failedOver = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enoughBefore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enoughAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        // Writers: a contact note each call, with a request id; what A does not answer is sent to B with the same id.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var on = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var request = new RecordContactRequest { PersonId = writtenAbout, Kind = ContactKind.Phone, Text = $"failover note {w:D2}-{i:D5}", RequestId = $"failover-{w:D2}-{i:D5}" };
                while (true)
                {
                    try
                    {
                        await managerOn[on].RecordContactAsync(request);
                        break;
                    }
                    catch (RpcException) when (on == 0 && a.HasExited)
                    {
                        on = 1;
                        Interlocked.Increment(ref failedOver);
                    }
                    catch (RpcException e) when (on == 0 && e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled)
                    {
                        await killed.Task;  // A is going: wait until it has gone, then retry on B
                    }
                }
                acknowledged.Add(request.RequestId);
                if (acknowledged.Count >= 200) enoughBefore.TrySetResult();
                if (killed.Task.IsCompleted && on == 1 && acknowledged.Count >= 400) enoughAfter.TrySetResult();
            }
        })).ToList();
        // Readers: briefings, on A until it goes, then on B.
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var on = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await officerOn[on].GetBriefingAsync(new GetBriefingRequest { AreaCode = Bedfordshire.Ward(wards[r % 2]).Code });
                }
                catch (RpcException) when (on == 0)
                {
                    await killed.Task;
                    on = 1;
                }
            }
        })).ToList();
        // One person moved back and forth through A until it goes; what was last answered is known.
        string? lastMovedTo = null, inFlight = null;
        var moves = Task.Run(async () =>
        {
            for (var move = 0; !killed.Task.IsCompleted; move++)
            {
                inFlight = wards[move % 2];
                try
                {
                    var current = await peopleOnA.GetPersonAsync(new GetPersonRequest { Id = mover });
                    var (lat, lon) = Bedfordshire.Inside(inFlight);
                    var address = current.Address.Clone();
                    address.Location = new GeoPoint { Latitude = lat, Longitude = lon };
                    await peopleOnA.UpdatePersonAsync(new UpdatePersonRequest
                    {
                        Id = mover, ExpectedVersion = current.Version, Person = new PersonInput { Address = address }, UpdateMask = new FieldMask { Paths = { "address" } },
                    });
                }
                catch (RpcException)
                {
                    return;  // A has gone
                }
                lastMovedTo = inFlight;
            }
        });

        // A worker that fails for any other reason ends the test rather than leaving it waiting.
        var load = Task.WhenAll(writers.Concat(readers));
        await Task.WhenAny(enoughBefore.Task, load);
        Assert.False(load.IsFaulted, load.Exception?.ToString());
        await a.KillAsync();
        killed.TrySetResult();
        await Task.WhenAny(enoughAfter.Task, load);
        Assert.False(load.IsFaulted, load.Exception?.ToString());
        await stop.CancelAsync();
        await Task.WhenAll(writers.Concat(readers).Append(moves));
        output.WriteLine($"{acknowledged.Count} writes acknowledged, {failedOver} failed over to B");
        Assert.True(failedOver > 0);

        // No acknowledged write lost, none doubled per request id.
        await using (var db = new OffenderMgmtDb(new DbContextOptionsBuilder<OffenderMgmtDb>().UseNpgsql(_database!.ConnectionString).Options))
        {
            var notes = await db.ContactNotes.Where(n => n.Text.StartsWith("failover note ")).GroupBy(n => n.Text).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Empty(notes.Where(n => n.Count > 1).Select(n => n.Key));
            var stored = notes.Select(n => n.Key.Replace("failover note ", "failover-", StringComparison.Ordinal)).ToHashSet();
            Assert.Empty(acknowledged.Except(stored));
            var records = await db.IdempotencyRecords.CountAsync(r => r.RequestId.StartsWith("failover-"));
            Assert.Equal(notes.Count, records);
        }

        // The one audit chain verifies.
        var audit = new Audit.AuditClient(await b.SignedInAsync("demo.admin", Password, "audit"));
        var chain = await audit.VerifyChainAsync(new VerifyChainRequest());
        Assert.True(chain.Intact, chain.Problem);

        // B briefs the moved person where the database has them: the last move answered, or the one in flight at the kill.
        var moved = await new People.PeopleClient(await b.SignedInAsync("demo.manager", Password)).GetPersonAsync(new GetPersonRequest { Id = mover });
        var livesIn = wards.Single(w => Bedfordshire.Ward(w).Code == moved.Address.AreaCode);
        Assert.Contains(livesIn, new[] { lastMovedTo, inFlight });
        var elsewhere = wards.Single(w => w != livesIn);
        Assert.Contains((await officerOn[1].GetBriefingAsync(new GetBriefingRequest { AreaCode = Bedfordshire.Ward(livesIn).Code })).Residents, r => r.PersonId == mover);
        Assert.DoesNotContain((await officerOn[1].GetBriefingAsync(new GetBriefingRequest { AreaCode = Bedfordshire.Ward(elsewhere).Code })).Residents, r => r.PersonId == mover);
    }

    private async Task<ServerProcess> Start()
    {
        var server = await ServerProcess.StartAsync(Settings(), timeout: TimeSpan.FromMinutes(5));
        _servers.Add(server);
        return server;
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
        _database?.Dispose();
    }
}
