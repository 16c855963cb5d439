using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// The audit writer keeps one session (context, connection, and the insert and head commands
/// made on it) from batch to batch, and runs each batch in the engine's execution strategy. On
/// PostgreSQL a batch whose first attempt loses its connection is run again from the start on
/// that same kept context: it must commit once, in an unbroken chain, and answer every call in it.
/// </summary>
public sealed class AuditBatchRetryTests : IDisposable
{
    private const string Marked = "reason: batch retried after its connection was ended";

    private readonly FaultyServer _server;
    private readonly List<(int Records, int Marked)> _attempts = [];
    private int _ended;

    public AuditBatchRetryTests() => _server = new FaultyServer(AuditCommitHold.Calling(BeforeCommitAsync));

    public void Dispose() => _server.Dispose();

    /// <summary>
    /// Just before a batch carrying a marked entry commits, the first time only: the writer's
    /// backend (the one holding the chain's advisory lock, which the batch took) is ended from
    /// another connection, as a failover or a network cut would, and the batch's commit then
    /// finds its connection gone. pg_terminate_backend with a timeout returns once the backend
    /// has exited, so the commit cannot reach it first. (pg_locks is the whole cluster's: only this
    /// database's holder, not another test server's.)
    /// </summary>
    private async Task BeforeCommitAsync(IReadOnlyList<AuditRecord> records)
    {
        var marked = records.Count(r => r.Purpose.StartsWith(Marked, StringComparison.Ordinal));
        if (marked == 0) return;
        lock (_attempts) _attempts.Add((records.Count, marked));
        if (Interlocked.Exchange(ref _ended, 1) == 1) return;
        var (high, low) = ((uint)(AuditChainLock.Key >> 32), (uint)(AuditChainLock.Key & 0xFFFF_FFFF));
        var ended = await _server.WithDb(db => db.Database.SqlQuery<bool>(
            $"""SELECT pg_terminate_backend(pid, 30000) AS "Value" FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND locktype = 'advisory' AND granted AND classid = {(long)high}::oid AND objid = {(long)low}::oid AND objsubid = 1""").ToListAsync());
        Assert.Equal([true], ended);
    }

    [PostgresFact]
    public async Task A_batch_whose_connection_is_ended_before_commit_is_retried_on_the_kept_session_and_commits_once_in_an_unbroken_chain()
    {
        var areas = new Areas.AreasClient(await _server.As("demo.officer", ""));
        var area = await _server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());
        // The writer's session is made, and its commands with it, by batches before the marked ones.
        for (var i = 0; i < 3; i++)
            await areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", $"reason: before the fault {i}" } });

        var purposes = Enumerable.Range(0, 12).Select(i => $"{Marked} {i:D2}").ToList();
        await Task.WhenAll(purposes.Select(p => areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", p } }).ResponseAsync));

        // The fault was injected, and the batch it hit was attempted again, the same entries.
        Assert.Equal(1, _ended);
        Assert.True(_attempts.Count >= 2, $"attempts: {string.Join(", ", _attempts)}");
        Assert.Equal(_attempts[0], _attempts[1]);
        // Every call was answered (above) and is on record exactly once.
        var onRecord = await _server.WithDb(db => db.AuditEntries.Where(e => e.Purpose.StartsWith(Marked)).Select(e => e.Purpose).ToListAsync());
        Assert.Equal(purposes, onRecord.Order());
        // After the retried batch the writer goes on, and the chain is unbroken.
        await areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", "reason: after the fault" } });
        var chain = await new Audit.AuditClient(await _server.As("demo.admin", "audit")).VerifyChainAsync(new VerifyChainRequest());
        Assert.True(chain.Intact, chain.Problem);
    }

    /// <summary>The demo force's server with the given commit hook in place of the configured one.</summary>
    private sealed class FaultyServer(AuditCommitHold hold) : ServerFactory(demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(hold));
        }
    }
}
