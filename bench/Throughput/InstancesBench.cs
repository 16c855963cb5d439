using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using OffenderMgmt.Bench.Measurement;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>One cell of the instances table: an RPC at a total number of calls in flight, spread evenly over the instances.</summary>
public sealed record InstancesRow(int Instances, string Rpc, int InFlight, LoadResult Result);

/// <summary>
/// Audited reads and writes with one and with two server instances on the same PostgreSQL
/// database (issue 15): the demo force seeded once in a database of its own, then for each
/// instance count that many server processes (Release, Storage:MultiInstance, one signing key,
/// logging at Warning) and one h2load per instance, each with its share of the calls in flight,
/// run at the same time; calls a second are the sum, the percentiles the worse instance's. The
/// read is People/SearchPeople (personal data: an audit entry each, through each instance's
/// batch writer, and on PostgreSQL a shared rate-limit count); the write is People/CreatePerson
/// (a new person each call, committed with its audit entry under the chain lock). Afterwards
/// the one audit chain must verify.
/// </summary>
public static class InstancesBench
{
    public static readonly int[] InFlight = [16, 64];
    private const string DemoPassword = "demo-only-password";

    public static async Task<(List<InstancesRow> Rows, List<string> Checks)> RunAsync(string connectionString, IReadOnlyList<int> instanceCounts, int seconds,
        TextWriter log, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString) { Database = "offendermgmt_bench_instances" };
        await RecreateAsync(database, cancellationToken);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var rows = new List<InstancesRow>();
        var checks = new List<string>();
        foreach (var count in instanceCounts)
        {
            var servers = new List<ServerProcess>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var work = Path.Combine(BenchPaths.DataDirectory, "instances", $"{count}-{i}");
                    Directory.CreateDirectory(work);
                    servers.Add(ServerProcess.Start(BenchPaths.ServerAssembly, database.ConnectionString, work, Path.Combine(work, "server.log"),
                        ["--Storage:Provider=Postgres", "--Storage:MultiInstance=true", "--Demo:Enabled=true", $"--Demo:Password={DemoPassword}", $"--Auth:SigningKey={key}",
                         "--Auth:SearchesPerMinute=1000000", "--Auth:SignInAttemptsPerMinute=100000", "--Logging:LogLevel:Default=Warning"]));
                }
                var channels = servers.Select(s => GrpcChannel.ForAddress(s.Address)).ToList();
                foreach (var (server, channel) in servers.Zip(channels))
                {
                    await server.WaitUntilListeningAsync(TimeSpan.FromMinutes(5), cancellationToken);
                    await ThroughputBench.WaitUntilReadyAsync(channel, cancellationToken);
                }
                await log.WriteLineAsync($"  {count} instance(s) ready on one database ({string.Join(", ", servers.Select(s => s.Address))})");

                // One sign-in, on the first instance: the shared signing key makes its token good on every instance.
                var auth = new V1.Auth.AuthClient(channels[0]);
                var manager = (await auth.SignInAsync(new V1.SignInRequest { Username = "demo.manager", Password = DemoPassword }, cancellationToken: cancellationToken)).AccessToken;
                var service = (await auth.SignInAsync(new V1.SignInRequest { Username = "demo.service", Password = DemoPassword }, cancellationToken: cancellationToken)).AccessToken;
                var search = new V1.SearchPeopleRequest { Name = "smith" };
                var create = new V1.CreatePersonRequest { Person = new V1.PersonInput { Name = new V1.PersonName { FamilyName = "Benchmark", GivenName = "Instances" } } };
                var calls = new (string Name, string Path, Google.Protobuf.IMessage Request, Dictionary<string, string> Headers)[]
                {
                    ("People/SearchPeople (audited read)", "offendermgmt.v1.People/SearchPeople", search, Headers(manager, "case-management")),
                    ("People/CreatePerson (audited write)", "offendermgmt.v1.People/CreatePerson", create, Headers(service, "case-management")),
                };
                // Every instance answers both calls with the one token before any load (and compiles its hot paths).
                foreach (var channel in channels)
                {
                    var people = new V1.People.PeopleClient(channel);
                    await people.SearchPeopleAsync(search, Options(calls[0].Headers));
                    await people.CreatePersonAsync(create, Options(calls[1].Headers));
                }
                foreach (var call in calls)
                foreach (var inFlight in InFlight)
                {
                    var share = Math.Max(1, inFlight / count);
                    var results = await Task.WhenAll(servers.Select((server, i) =>
                    {
                        var work = Path.Combine(BenchPaths.DataDirectory, "instances", $"{count}-{i}");
                        return H2Load.RunAsync($"{server.Address}/{call.Path}", call.Request, call.Headers, share, seconds, 1, work, cancellationToken);
                    }));
                    var total = new LoadResult(results.Sum(r => r.CallsPerSecond), results.Max(r => r.P50Milliseconds), results.Max(r => r.P99Milliseconds),
                        results.Sum(r => r.Succeeded), results.Sum(r => r.Failed));
                    rows.Add(new InstancesRow(count, call.Name, share * count, total));
                    await log.WriteLineAsync($"  {count} instance(s), {call.Name}, {share * count} in flight: {total.CallsPerSecond:N0} calls/s ({string.Join(" + ", results.Select(r => r.CallsPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}), p50 {total.P50Milliseconds:F2} ms, p99 {total.P99Milliseconds:F2} ms{(total.Failed > 0 ? $", {total.Failed} FAILED" : "")}");
                }

                var supervisor = (await auth.SignInAsync(new V1.SignInRequest { Username = "demo.supervisor", Password = DemoPassword }, cancellationToken: cancellationToken)).AccessToken;
                var verdict = await new V1.Audit.AuditClient(channels[^1]).VerifyChainAsync(new V1.VerifyChainRequest(), Options(Headers(supervisor, "audit")));
                checks.Add($"{count} instance(s): audit chain {(verdict.Intact ? "verifies" : "BROKEN: " + verdict.Problem)} ({verdict.EntriesChecked:N0} entries checked)");
                foreach (var channel in channels) channel.Dispose();
            }
            finally
            {
                foreach (var server in servers) await server.DisposeAsync();
            }
        }
        return (rows, checks);
    }

    private static Dictionary<string, string> Headers(string token, string purpose) => new() { ["authorization"] = $"Bearer {token}", ["x-access-purpose"] = purpose };

    private static CallOptions Options(Dictionary<string, string> headers)
    {
        var metadata = new Metadata();
        foreach (var (name, value) in headers) metadata.Add(name, value);
        return new CallOptions(metadata);
    }

    /// <summary>A fresh database for the run (the demo force is seeded by the first instance to start).</summary>
    private static async Task RecreateAsync(NpgsqlConnectionStringBuilder database, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE)", connection))
            await drop.ExecuteNonQueryAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Database}\"", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Print(TextWriter output, IReadOnlyList<InstancesRow> rows, IReadOnlyList<string> checks)
    {
        output.WriteLine();
        output.WriteLine("| RPC | in flight (total) | 1 instance calls/s | p50 ms | p99 ms | 2 instances calls/s | p50 ms | p99 ms | 2 / 1 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Rpc, r.InFlight)))
        {
            var one = group.FirstOrDefault(r => r.Instances == 1)?.Result;
            var two = group.FirstOrDefault(r => r.Instances == 2)?.Result;
            static string Cells(LoadResult? r) => r is null ? "- | - | -" : $"{r.CallsPerSecond:N0} | {r.P50Milliseconds:F2} | {r.P99Milliseconds:F2}";
            var ratio = one is not null && two is not null ? (two.CallsPerSecond / one.CallsPerSecond).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-";
            var failed = group.Sum(r => r.Result.Failed);
            output.WriteLine($"| {group.Key.Rpc}{(failed > 0 ? $" ({failed} failed)" : "")} | {group.Key.InFlight} | {Cells(one)} | {Cells(two)} | {ratio} |");
        }
        output.WriteLine();
        foreach (var check in checks) output.WriteLine(check);
    }
}
