using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Testing;

/// <summary>
/// The real server in process: a fake clock, the real Bedfordshire ward boundaries, and its own
/// SQLite database in a temporary file (WAL, pooled connections, exactly as in production, so
/// concurrent calls behave as they would for real), deleted afterwards. With <c>demo: true</c>
/// it serves the demo force.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>"Today" in every test: a Thursday in November, outside summer time.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "offendermgmt-tests", $"{Guid.NewGuid():N}.db");
    private readonly bool _demo;

    public ServerFactory() : this(demo: false) { }

    protected ServerFactory(bool demo)
    {
        _demo = demo;
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
    }

    public FakeTimeProvider Clock { get; } = new(StartTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var descriptor in services.Where(d =>
                         d.ServiceType == typeof(DbContextOptions<OffenderMgmtDb>) ||
                         d.ServiceType == typeof(IDbContextOptionsConfiguration<OffenderMgmtDb>)).ToList())
            {
                services.Remove(descriptor);
            }
            var connectionString = new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString();
            services.AddDbContext<OffenderMgmtDb>(options => options.UseSqlite(connectionString));
        });
    }

    /// <summary>A gRPC channel to the in-process server.</summary>
    public GrpcChannel Channel()
    {
        var client = CreateDefaultClient();  // starts the server
        return GrpcChannel.ForAddress(client.BaseAddress!, new GrpcChannelOptions
        {
            HttpHandler = Server.CreateHandler(),
            MaxReceiveMessageSize = 32 * 1024 * 1024,
            MaxSendMessageSize = 32 * 1024 * 1024,
        });
    }

    /// <summary>Runs code against the database directly, for arranging and for checking what was stored.</summary>
    public async Task<T> WithDb<T>(Func<OffenderMgmtDb, Task<T>> work)
    {
        _ = Server;  // make sure the host (and its migrations) has started
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>());
    }

    public async Task WithDb(Func<OffenderMgmtDb, Task> work) =>
        await WithDb(async db => { await work(db); return true; });

    /// <summary>Imports the real Bedfordshire wards (the demo force does this itself).</summary>
    public async Task ImportBedfordshireAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<AreaImporter>();
        await using var file = File.OpenRead(DemoSeeder.BoundaryFile);
        await importer.ImportAsync(file, new AreaPropertyNames(), CancellationToken.None);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); }
            catch (IOException) { }  // another factory's pool may still hold it briefly; /tmp is cleaned anyway
        }
    }
}

/// <summary>The in-process server serving the demo force (built once per test class).</summary>
public sealed class DemoServerFactory() : ServerFactory(demo: true);
