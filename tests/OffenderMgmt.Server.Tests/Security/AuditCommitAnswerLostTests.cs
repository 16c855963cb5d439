using System.Data.Common;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// A commit can go through while its answer is lost (the connection breaks after COMMIT was
/// sent). PostgreSQL's execution strategy then runs the audit batch again; the retry must find the
/// batch already in the log rather than write every call in it a second time.
/// </summary>
public sealed class AuditCommitAnswerLostTests : IDisposable
{
    private const string Marked = "reason: commit went through, its answer was lost";

    private readonly CommitAnswerLost _fault = new(Marked);
    private readonly LossyServer _server;

    public AuditCommitAnswerLostTests() => _server = new LossyServer(_fault);

    public void Dispose() => _server.Dispose();

    [PostgresFact]
    public async Task A_batch_retried_after_a_commit_whose_answer_was_lost_is_on_record_once_and_the_chain_verifies()
    {
        var areas = new Areas.AreasClient(await _server.As("demo.officer", ""));
        var area = await _server.WithDb(db => db.Areas.Select(a => a.Code).FirstAsync());
        await areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", "reason: before the fault" } });

        _fault.Armed = true;
        var purposes = Enumerable.Range(0, 12).Select(i => $"{Marked} {i:D2}").ToList();
        await Task.WhenAll(purposes.Select(p => areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", p } }).ResponseAsync));

        // The fault was injected after a commit that wrote marked entries, and every call was answered (above).
        Assert.Equal(1, _fault.Thrown);
        // Each is on record exactly once: the retry saw its batch already committed.
        var onRecord = await _server.WithDb(db => db.AuditEntries.Where(e => e.Purpose.StartsWith(Marked)).Select(e => e.Purpose).ToListAsync());
        Assert.Equal(purposes, onRecord.Order());
        await areas.GetAreaAsync(new GetAreaRequest { Code = area }, new Metadata { { "x-access-purpose", "reason: after the fault" } });
        var chain = await new Audit.AuditClient(await _server.As("demo.admin", "audit")).VerifyChainAsync(new VerifyChainRequest());
        Assert.True(chain.Intact, chain.Problem);
    }

    /// <summary>
    /// Once armed, after the first commit that leaves marked entries in the log, throws what
    /// Npgsql throws when the connection breaks (a transient NpgsqlException over an IOException),
    /// as if the commit's answer never arrived.
    /// </summary>
    private sealed class CommitAnswerLost(string marked) : DbTransactionInterceptor
    {
        public volatile bool Armed;
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!Armed || eventData.Context is null) return;
            await using var command = eventData.Context.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT count(*) FROM "AuditEntries" WHERE "Purpose" LIKE @marked""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "marked";
            parameter.Value = marked + "%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 0) return;
            Armed = false;
            Interlocked.Increment(ref _thrown);
            throw new NpgsqlException("The connection broke after COMMIT was sent (injected by the test)", new IOException("injected"));
        }
    }

    /// <summary>The demo force's server with the fault among its contexts' interceptors.</summary>
    private sealed class LossyServer(IInterceptor fault) : ServerFactory(demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(fault));
        }
    }
}
