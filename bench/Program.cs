using System.Globalization;
using System.Runtime;
using OffenderMgmt.Bench;
using OffenderMgmt.Bench.Generation;
using OffenderMgmt.Bench.Measurement;
using OffenderMgmt.Bench.Throughput;

// The national-scale benchmark (docs/benchmarks.md): build or reuse the data set, time the
// geographic lookups in process, then through the real server on loopback, and print tables.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;
var output = Console.Out;

output.WriteLine($"OffenderMgmt national benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(IsRelease() ? "Release" : "DEBUG BUILD: figures not representative")}");
output.WriteLine($"Load average at start: {LoadAverage()} (other work on the machine inflates the tails; see docs/benchmarks.md)");
if (options.Check is { } targets && options.WriteLoad > 0)
    return await InstancesCheck.WriteLoadAsync(targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList(),
        options.CertificateAuthority, options.WriteLoad, output, ct);
if (options.Check is { } check)
    return await InstancesCheck.RunAsync(check.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList(),
        options.CertificateAuthority, options.DrainPid, options.LockoutAccount, output, ct);
var spec = new DatasetSpec(options.People, options.Orders, options.Zones, options.Seed);
if (options.Throughput) return await Throughput(options, spec, output, ct);
if (options.AuditBatch)
{
    await OffenderMgmt.Bench.Measurement.AuditBatchBench.RunAsync(await ThroughputBench.EnsureDemoAsync(output, ct), output, ct);
    return 0;
}
var store = options.Store;
output.WriteLine($"Engine: {(store.IsPostgres ? "PostgreSQL" : "SQLite")}");
var dataset = await NationalDataset.EnsureAsync(store, spec, options.Rebuild, output, ct);
if (options.BuildOnly)
{
    ResultsTable.PrintDataset(output, dataset);
    return 0;
}

if (options.Reports)
{
    await using var reportServices = BenchServices.For(store, dataset.Path);
    await ReportsBench.RunAsync(reportServices, options.Calls == new BenchOptions().Calls ? 5 : options.Calls, output, ct);
    ResultsTable.PrintDataset(output, dataset);
    output.WriteLine($"Load average at the end: {LoadAverage()}");
    return 0;
}

var rows = new List<LatencySummary>();
Workload workload;
await using (var services = BenchServices.For(store, dataset.Path))
{
    var (startup, drawn) = await InProcessBench.PrepareAsync(services, options.Seed + 1, options.WarmUp, options.Calls, ct);
    workload = drawn;
    output.WriteLine($"In process: area index loaded in {startup.AreaIndexSeconds:F1} s, zone index ({startup.ZonesIndexed:N0} zones) built in {startup.ZoneIndexSeconds:F2} s, briefing view ({startup.PeopleInView:N0} people) built in {startup.BriefingViewSeconds:F2} s (managed heap {startup.HeapBeforeView / 1048576.0:N0} MiB before it, {startup.HeapAfterView / 1048576.0:N0} MiB after)");
    if (options.InProcess)
    {
        output.WriteLine($"Timing {options.Calls:N0} calls per operation in process (after {options.WarmUp} warm-up calls)...");
        rows.AddRange(await InProcessBench.RunAsync(services, workload, ct));
        ResultsTable.PrintLatencies(output, rows);  // now, in case the gRPC part fails
    }
}
store.ClearPools();

GrpcFacts? facts = null;
if (options.Grpc)
{
    output.WriteLine($"Timing {options.Calls:N0} calls per operation through gRPC on loopback...");
    var (grpcRows, grpcFacts) = await GrpcBench.RunAsync(store, dataset.Path, workload, output, ct);
    rows.AddRange(grpcRows);
    facts = grpcFacts;
}

ResultsTable.PrintDataset(output, dataset);
ResultsTable.PrintLatencies(output, rows);
if (facts is not null)
{
    output.WriteLine();
    output.WriteLine($"Server: started and listening in {facts.ServerStartSeconds:F1} s; first call (waits for the zone index and briefing view the server builds as it starts) {facts.FirstCallMilliseconds:F0} ms; " +
                     $"{facts.AuditEntriesWritten:N0} audit entries written by the run; working set at the end {facts.ServerWorkingSetBytes / 1024.0 / 1024.0:F0} MiB.");
}
output.WriteLine($"Load average at the end: {LoadAverage()}");
return 0;

// Calls a second under load against the plain Greeter, in one run (docs/benchmarks.md, "Throughput").
static async Task<int> Throughput(BenchOptions options, DatasetSpec spec, TextWriter output, CancellationToken ct)
{
    if (!H2Load.IsInstalled())
    {
        Console.Error.WriteLine("The throughput run needs h2load (Debian/Ubuntu: apt-get install -y nghttp2-client).");
        return 2;
    }
    if (options.Profile && !Profiler.IsAvailable())
    {
        Console.Error.WriteLine("--profile needs perf and strace (Debian/Ubuntu: apt-get install -y linux-perf strace).");
        return 2;
    }
    if (options.Instances > 0)
    {
        var counts = options.Instances == 1 ? new[] { 1 } : new[] { 1, 2 };
        output.WriteLine($"Instances: {string.Join(" then ", counts)} server instance(s) on one PostgreSQL database, h2load per instance, {InstancesBench.InFlight[0]}/{InstancesBench.InFlight[1]} calls in flight in all, {options.Seconds} s each after 1 s warm-up");
        var (instanceRows, checks) = await InstancesBench.RunAsync(options.ConnectionString, counts, options.Seconds, output, ct);
        InstancesBench.Print(output, instanceRows, checks);
        output.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }
    if (options.Store.IsPostgres)
    {
        Console.Error.WriteLine("The throughput run starts its servers on SQLite files; leave out --provider postgres.");
        return 2;
    }
    var national = Path.Combine(BenchPaths.DataDirectory, spec.FileName);
    string? nationalPath = options.National ? (await NationalDataset.EnsureAsync(options.Store, spec, options.Rebuild, output, ct)).Path
        : File.Exists(national) ? national : null;
    var demo = await ThroughputBench.EnsureDemoAsync(output, ct);
    var settings = new ThroughputBench.Settings(options.Seconds, WarmUpSeconds: 1, options.Profile, options.Only, options.Port, options.ServerAssembly);
    output.WriteLine($"Throughput: h2load, 1 thread, {string.Join("/", ThroughputBench.InFlight)} calls in flight, {settings.Seconds} s each after {settings.WarmUpSeconds} s warm-up; " +
                     (nationalPath is null ? "demo force only (the national data set is not built: add --national)" : "demo force, then the national data set"));
    await using var greeter = await ThroughputBench.GreeterReference.StartAsync(settings, output, ct);
    var rows = new List<ThroughputRow>();
    var audits = new List<AuditCheck>();
    foreach (var (force, path) in new[] { ("demo", options.NoDemo ? null : demo), ("national", nationalPath) })
    {
        if (path is null) continue;
        var (forceRows, audit) = await ThroughputBench.ForceAsync(force, path, greeter, settings, output, ct);
        rows.AddRange(forceRows);
        audits.Add(audit);
        ThroughputBench.Print(output, greeter.First, rows, audits);  // now, in case a later part fails
    }
    output.WriteLine($"Load average at the end: {LoadAverage()}");
    return 0;
}

// Linux only: the 1, 5 and 15 minute load averages, to tell a quiet machine from a busy one.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static bool IsRelease() =>
    typeof(BenchOptions).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
        .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
