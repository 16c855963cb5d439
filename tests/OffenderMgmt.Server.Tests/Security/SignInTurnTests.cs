using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// A sign-in while another write holds the database (issue 13: the national set's first
/// sign-ins failed with "database is locked" while the start-up's first housekeeping round held
/// SQLite's write lock for longer than the 30 s busy timeout). A sign-in's update of its account
/// row takes its turn with the other writes, so it waits for the write before it instead of for
/// the file's lock, and succeeds once that write is done.
/// </summary>
public sealed class SignInTurnTests : IDisposable
{
    /// <summary>Housekeeping looks at its lease only at start: no other write asks for a turn while the test holds it.</summary>
    private sealed class QuietServerFactory : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:RenewEvery", "01:00:00");
            builder.UseSetting("Jobs:LeaseLength", "04:00:00");
        }
    }

    private readonly ServerFactory _server = new QuietServerFactory();

    public void Dispose() => _server.Dispose();

    [SqliteFact]
    public async Task A_sign_in_while_a_long_write_holds_the_database_waits_its_turn_and_succeeds()
    {
        await _server.CreateAccountAsync("waiting.officer", Server.Security.Role.LocalOfficer);
        var services = _server.Services;
        // Housekeeping's first round at start takes the turn: let it finish first, so the turn below is the test's.
        await services.GetRequiredService<Housekeeping>().FirstLook;
        var writer = services.GetRequiredService<AuditWriter>();
        var connectionString = await _server.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));

        // A long write, as housekeeping's round is: the turn, and SQLite's write lock, held.
        var turn = await writer.TurnAsync(CancellationToken.None);
        await using var holder = new SqliteConnection(connectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        // The event: a write (the sign-in's update) asks for its turn while the long one holds it.
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var meter = services.GetRequiredService<IMeterFactory>().Create(AuditWriter.MeterName);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == AuditWriter.TurnsWaitingInstrument) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, change, _, _) =>
        {
            if (change > 0) waiting.TrySetResult();
        });
        listener.Start();

        // The deadline only bounds the test when the sign-in does not ask for its turn: before the
        // fix its update went straight to the file's lock and failed with "database is locked"
        // once the 30 s busy timeout passed, the lock still held (and its refusal's audit entry
        // then waited for the turn this test holds, so without a deadline it would never answer).
        var signIn = new Auth.AuthClient(_server.Channel())
            .SignInAsync(new SignInRequest { Username = "waiting.officer", Password = ServerFactory.Password }, deadline: DateTime.UtcNow.AddMinutes(2)).ResponseAsync;
        Task first;
        try
        {
            first = await Task.WhenAny(signIn, waiting.Task);
        }
        finally
        {
            // The long write ends, whatever the sign-in did.
            await using (var commit = holder.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                await commit.ExecuteNonQueryAsync();
            }
            await turn.DisposeAsync();
        }
        Assert.True(first == waiting.Task, $"The sign-in ended without asking for its turn while the long write held the database: {(signIn.IsFaulted ? signIn.Exception!.InnerException!.Message : "it succeeded")}");

        var answer = await signIn;
        Assert.Equal("waiting.officer", answer.Caller.Username);
        var lastSignIn = await _server.WithDb(db => db.UserAccounts.Where(a => a.Username == "waiting.officer").Select(a => a.LastSignInAt).FirstAsync());
        Assert.NotNull(lastSignIn);
    }
}
