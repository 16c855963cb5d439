using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Audit;

namespace OffenderMgmt.Tests.Integration;

/// <summary>
/// The real server as a child process, killed with SIGKILL under mixed read and write load
/// while it is held at an audit commit: after a restart every answered call has its audit
/// entry, every acknowledged write is there, and the chain verifies (issue 13: no answer leaves
/// before its audit entry is durable).
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string Password = "crash-test-password";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "offendermgmt-crash", Guid.NewGuid().ToString("N"));
    private Process? _server;
    private TaskCompletionSource? _held;

    private static string ServerDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OffenderMgmt.sln"))) dir = dir.Parent;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir!.FullName, "server", "bin", configuration, "net10.0", "OffenderMgmt.Server.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and waits for its banner (it prints it once it is listening).</summary>
    private async Task<Uri> StartAsync(int port, bool hold)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerDll(), "--demo", "--data-dir", _dataDir, $"--urls=http://127.0.0.1:{port}", $"--Demo:Password={Password}", "--Logging:LogLevel:Default=Warning" },
            // Its own folder, so it reads its own appsettings.json (HTTP/2 endpoints) as in production.
            WorkingDirectory = Path.GetDirectoryName(ServerDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (hold)
        {
            // The test-only fault point: the first commit carrying the held call's entry stops before committing.
            start.Environment[AuditCommitHold.EnvironmentFlag] = "1";
            start.ArgumentList.Add($"--{AuditCommitHold.PurposeSetting}={HeldMark}");
        }
        _server = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heldLine = _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("OffenderMgmt is serving", StringComparison.Ordinal) == true) ready.TrySetResult();
            if (e.Data?.Contains(AuditCommitHold.HeldLine, StringComparison.Ordinal) == true) heldLine.TrySetResult();
        };
        _server.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the server exited before it was ready"));
        _server.EnableRaisingEvents = true;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return new Uri($"http://127.0.0.1:{port}");
    }

    private static async Task<CallInvoker> SignedIn(GrpcChannel channel, string username)
    {
        var token = (await new Auth.AuthClient(channel).SignInAsync(new SignInRequest { Username = username, Password = Password })).AccessToken;
        return channel.Intercept(m => { m.Add("authorization", $"Bearer {token}"); return m; });
    }

    /// <summary>In the held call's purpose (and, for a write, its note): the text the fault point holds the commit for.</summary>
    private const string HeldMark = "reason: crash test held call";

    /// <summary>
    /// Deterministic: the server is started with its test-only fault point armed
    /// (<see cref="AuditCommitHold"/>), so the commit that carries the held call's entry stops
    /// after its entry is written and before it is committed, and says so. The test then kills
    /// the server while that commit is held, under a mixed read and write load from 16 clients
    /// that record every call answered. Before killing, a health check on the same connection
    /// is answered: HTTP/2 frames on one connection arrive in order, so any answer the server
    /// wrote before that has arrived by then. A server that answers before the entry is durable
    /// has answered the held call (and, with reads, every call after it) by the kill and its
    /// entry is not there after the restart; one that waits has not.
    /// </summary>
    [Theory]
    [InlineData("read")]
    [InlineData("write")]
    public async Task Killed_while_an_audit_commit_is_held_the_server_has_answered_no_call_whose_entry_is_lost(string held)
    {
        var address = await StartAsync(FreePort(), hold: true);
        var channel = GrpcChannel.ForAddress(address);
        var managerCalls = await SignedIn(channel, "demo.manager");
        var manager = new Caseload.CaseloadClient(managerCalls);
        var officer = (await new Auth.AuthClient(managerCalls).WhoAmIAsync(new WhoAmIRequest())).OfficerId;
        var areas = new Areas.AreasClient(await SignedIn(channel, "demo.officer"));
        var purpose = new Metadata { { "x-access-purpose", "case-management" } };
        var person = (await manager.ListCaseloadAsync(new ListCaseloadRequest { OfficerId = officer }, purpose)).Cases[0].PersonId;
        var area = (await areas.ListAreasAsync(new ListAreasRequest())).Areas[0].Code;

        var answered = new ConcurrentBag<string>();
        var writes = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var mark = $"reason: crash test call {w:D2}-{i:D5}";
                var headers = new Metadata { { "x-access-purpose", mark } };
                try
                {
                    if (w % 2 == 0)
                    {
                        await manager.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = mark }, headers);
                        writes.Add(mark);
                    }
                    else await areas.GetAreaAsync(new GetAreaRequest { Code = area }, headers);
                }
                catch (RpcException)
                {
                    return;  // the server has gone
                }
                answered.Add(mark);
                if (answered.Count >= 200) enough.TrySetResult();
            }
        })).ToList();
        await enough.Task;

        // The held call, under the load: its entry's commit is the one the server stops at.
        var heldHeaders = new Metadata { { "x-access-purpose", HeldMark } };
        Task heldCall = held == "read"
            ? areas.GetAreaAsync(new GetAreaRequest { Code = area }, heldHeaders).ResponseAsync
            : manager.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = HeldMark }, heldHeaders).ResponseAsync;
        await _held!.Task;
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var heldAnswered = heldCall.IsCompleted;
        _server!.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        await Task.WhenAll(workers);
        Assert.False(heldAnswered, "the held call was answered while its audit entry was not yet durable");
        await Assert.ThrowsAsync<RpcException>(() => heldCall);  // it ends with the server's going
        channel.Dispose();

        // Restart on the same data: it must come up, and everything answered must be there.
        var restarted = await StartAsync(FreePort(), hold: false);
        SqliteConnection.ClearAllPools();
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "demo", "offendermgmt.db")};Mode=ReadOnly");
        await db.OpenAsync();
        var purposes = await ColumnAsync(db, "SELECT Purpose FROM AuditEntries WHERE Purpose LIKE 'reason: crash test %'");
        var notes = await ColumnAsync(db, "SELECT Text FROM ContactNotes WHERE Text LIKE 'reason: crash test %'");
        Assert.Empty(answered.Except(purposes));
        Assert.Empty(writes.Except(notes));
        // A write is on record exactly when it was committed: no note without its entry.
        Assert.Empty(notes.Except(purposes));
        // The held commit was never made: neither its entry nor, for a write, its work.
        Assert.DoesNotContain(HeldMark, purposes);
        Assert.DoesNotContain(HeldMark, notes);

        using var again = GrpcChannel.ForAddress(restarted);
        var admin = new Audit.AuditClient(await SignedIn(again, "demo.admin"));
        var chain = await admin.VerifyChainAsync(new VerifyChainRequest(), new Metadata { { "x-access-purpose", "audit" } });
        Assert.True(chain.Intact, chain.Problem);
    }

    private static async Task<HashSet<string>> ColumnAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var values = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    public void Dispose()
    {
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.WaitForExit();
        _server?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
