using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>Oversized messages and expired deadlines are refused and do no work.</summary>
public sealed class AbuseLimitTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_as_resource_exhausted()
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        var huge = new PersonInput { Name = new PersonName { FamilyName = "Big" }, Description = new string('x', 20 * 1024 * 1024) };
        await RpcAssert.Fails(StatusCode.ResourceExhausted, () => people.CreatePersonAsync(new CreatePersonRequest { Person = huge }).ResponseAsync);
    }

    [Fact]
    public async Task A_write_whose_deadline_passes_before_it_runs_changes_nothing()
    {
        var people = new People.PeopleClient(await server.As("demo.service"));
        var gate = server.Services.GetRequiredService<WriteGate>();
        // Another write holds the writers' turn for longer than the caller will wait.
        var holder = gate.RunAsync(() => Task.Delay(TimeSpan.FromSeconds(1.5)), CancellationToken.None);

        var error = await Assert.ThrowsAsync<RpcException>(() => people.CreatePersonAsync(
            new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { FamilyName = "Toolate" } } },
            deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);
        await holder;

        // Which of the two the caller sees depends on whether its timer or the server's fires first.
        // When the server's fires first, grpc-dotnet sends DEADLINE_EXCEEDED and then resets the
        // stream; over a real HTTP/2 connection the reset (NO_ERROR) follows the trailers, but the
        // in-process test host may hand the client the reset first (HttpResetTestException, which
        // the client reports as INTERNAL "Error starting gRPC call", with no answer of the server's
        // in it). That is the test host's, not the server's: the server's own verdict is the audit
        // entry checked below.
        var resetByTheTestHost = error.StatusCode == StatusCode.Internal && error.Status.DebugException is { } debug
            && ExceptionChain(debug).Any(e => e is Microsoft.AspNetCore.TestHost.HttpResetTestException)
            && error.GetRpcStatus() is null;
        Assert.True(error.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled || resetByTheTestHost,
            $"expected DEADLINE_EXCEEDED or CANCELLED, got {error.Status}");

        Assert.Equal(0, await server.WithDb(db => db.People.CountAsync(p => p.FamilyName == "Toolate")));
        // The abandoned call is on record too. Its entry waits in the audit writer's queue behind the
        // holder's turn and is committed after the turn ends, which may be after the caller has its
        // answer: wait for the entry to be committed (a loaded machine only makes that later).
        Assert.True(await CommittedWithinAsync(TimeSpan.FromSeconds(60), () => server.WithDb(db => db.AuditEntries.AnyAsync(e =>
            e.Subject == "demo.service" && e.Rpc.EndsWith("CreatePerson") && (e.Outcome.StartsWith("DeadlineExceeded") || e.Outcome.StartsWith("Cancelled"))))),
            "the abandoned call's audit entry was never committed");
    }

    /// <summary>
    /// Asks again after each audit batch the writer commits (its batch-size measurement is taken
    /// once the batch is durable) until the condition holds, or the bound passes (a bound for a
    /// hang, not a speed test).
    /// </summary>
    private async Task<bool> CommittedWithinAsync(TimeSpan bound, Func<Task<bool>> condition)
    {
        using var committed = new SemaphoreSlim(0);
        var meter = server.Services.GetRequiredService<IMeterFactory>().Create(AuditWriter.MeterName);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == AuditWriter.BatchSizeInstrument) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, _, _, _) => committed.Release());
        listener.Start();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            // Listening before the first look, so a batch committed in between is not missed.
            while (!await condition()) await committed.WaitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return await condition();
        }
    }

    private static IEnumerable<Exception> ExceptionChain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
