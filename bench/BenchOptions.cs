using System.Globalization;

namespace OffenderMgmt.Bench;

/// <summary>The command line: data set sizes, how many calls, which parts to run.</summary>
public sealed record BenchOptions(
    int People = 150_000, int Orders = 40_000, int Zones = 10_000, int Seed = 2016,
    int Calls = 2_000, int WarmUp = 200, bool Rebuild = false, bool InProcess = true, bool Grpc = true, bool BuildOnly = false,
    bool Throughput = false, bool Reports = false, bool National = false, int Seconds = 4, bool Profile = false, string? Only = null, bool NoDemo = false,
    Server.Hosting.StorageProvider Provider = Server.Hosting.StorageProvider.Sqlite, string ConnectionString = "", int Instances = 0, string? Check = null, string? CertificateAuthority = null,
    bool AuditBatch = false, int Port = 0, string? ServerAssembly = null, int? DrainPid = null, string? LockoutAccount = null, int WriteLoad = 0)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench -- [options]
          --people N      managed people (default 150000)
          --orders N      served, live orders (default 40000)
          --zones N       exclusion zones (default 10000)
          --seed N        generator seed (default 2016); the same seed and sizes give the same data
          --calls N       timed calls per operation (default 2000)
          --warmup N      untimed calls per operation first (default 200)
          --rebuild       build the data set again even if .bench-data/ has it
          --build-only    build (or reuse) the data set and stop
          --no-grpc       in process only
          --no-inprocess  gRPC only
          --throughput    calls/s under load instead (h2load; docs/benchmarks.md): the Greeter, then every
                          RPC on the demo force, and on the national data set if it is built
          --reports       time each report (issue 19) in process on the data set instead, 5 builds each (--calls sets how many)
          --national      with --throughput: build the national data set first if need be (about 2 min)
          --profile       with --throughput: profile the server at 64 in flight (perf for CPU, strace for syncs);
                          slows those runs, so their calls/s are not figures to quote
          --only TEXT     with --throughput: only the RPCs whose name contains TEXT (e.g. "dense")
          --no-demo       with --throughput: skip the demo force (the national set only)
          --seconds N     with --throughput: seconds measured per RPC and concurrency, after 1 s warm-up (default 4)
          --port N        with --throughput: the server listens on loopback port N and the Greeter on N+10
                          (default: any free port), for a machine where each user has ports of their own
          --server PATH   with --throughput: measure this build of OffenderMgmt.Server.dll (e.g. a branch's base,
                          built apart) instead of the one built with the benchmark
          --instances N   with --throughput: audited reads and writes with 1 and with N (at most 2) server
                          instances on one PostgreSQL database instead (needs --connection-string;
                          makes a database offendermgmt_bench_instances there)
          --check URL,URL the multi-instance scenarios, from outside, against two running instances of the
                          demo (deploy/two-instances.sh), printing PASS or FAIL for each
          --ca PATH       with --check: trust the servers' certificate issued by the CA in this PEM file
          --audit-batch   the audit writer's batch alone, in process: through EF and with its own inserts (CPU per batch)
          --lockout-account NAME
                          with --check: lock this demo account out with wrong passwords through A and B
                          (it stays locked for Auth:LockoutDuration, 15 min by default)
          --drain-pid PID with --check: last, SIGTERM the second instance (this process id) and check its drain
          --write-load N  with --check: instead of the checks, N writes one after another through A and B, each
                          retried by request id on the other instance until answered (for a database failover),
                          then checks none acknowledged was lost or doubled
          --provider sqlite|postgres
                          the engine (default sqlite: a file under .bench-data/)
          --connection-string "Host=...;Port=...;Username=..."
                          the PostgreSQL server to build the data set on (a database of its own)
        """;

    public BenchStore Store => new(Provider, ConnectionString);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            int Number() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number");
            string Text() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--people" => options with { People = Number() },
                "--orders" => options with { Orders = Number() },
                "--zones" => options with { Zones = Number() },
                "--seed" => options with { Seed = Number() },
                "--calls" => options with { Calls = Number() },
                "--warmup" => options with { WarmUp = Number() },
                "--rebuild" => options with { Rebuild = true },
                "--build-only" => options with { BuildOnly = true },
                "--no-grpc" => options with { Grpc = false },
                "--no-inprocess" => options with { InProcess = false },
                "--throughput" => options with { Throughput = true },
                "--reports" => options with { Reports = true },
                "--national" => options with { National = true },
                "--seconds" => options with { Seconds = Number() },
                "--port" => options with { Port = Number() },
                "--server" => options with { ServerAssembly = i + 1 < args.Length ? Path.GetFullPath(args[++i]) : throw new ArgumentException("--server needs the path of OffenderMgmt.Server.dll") },
                "--profile" => options with { Profile = true },
                "--provider" => options with { Provider = Enum.Parse<Server.Hosting.StorageProvider>(Text(), ignoreCase: true) },
                "--connection-string" => options with { ConnectionString = Text() },
                "--only" => options with { Only = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--only needs a part of an RPC's name") },
                "--no-demo" => options with { NoDemo = true },
                "--instances" => options with { Instances = Number() },
                "--check" => options with { Check = Text() },
                "--ca" => options with { CertificateAuthority = Text() },
                "--audit-batch" => options with { AuditBatch = true },
                "--lockout-account" => options with { LockoutAccount = Text() },
                "--drain-pid" => options with { DrainPid = Number() },
                "--write-load" => options with { WriteLoad = Number() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (options.Orders > options.People) throw new ArgumentException("--orders cannot exceed --people (one order per person)");
        if (options.Provider == Server.Hosting.StorageProvider.Postgres && options.ConnectionString.Length == 0)
            throw new ArgumentException("--provider postgres needs --connection-string (the server to build the data set on)");
        if (options.Instances is < 0 or > 2) throw new ArgumentException("--instances must be 1 or 2");
        if (options.Instances > 0 && (!options.Throughput || options.ConnectionString.Length == 0))
            throw new ArgumentException("--instances goes with --throughput and --connection-string (the PostgreSQL server the instances share)");
        if (options.Calls == 0) throw new ArgumentException("--calls must be at least 1");
        if (options.Seconds == 0) throw new ArgumentException("--seconds must be at least 1");
        return options;
    }
}
