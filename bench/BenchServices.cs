using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OffenderMgmt.Server.Hosting;

namespace OffenderMgmt.Bench;

/// <summary>
/// The server's real application services (AddOffenderMgmt, exactly as Program.cs registers
/// them) over a given data set (a SQLite file or a PostgreSQL database), without the web host: the in-process measurements and the
/// generator resolve BeatBriefings, SightingDesk, AreaImporter... from here, one scope per call.
/// </summary>
public static class BenchServices
{
    public static ServiceProvider For(BenchStore store, string name)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = store.Provider.ToString(),
                ["Storage:ConnectionString"] = store.ConnectionString(name),
                // The signing key (made on first use) lives beside the bench databases.
                ["Storage:DataDirectory"] = BenchPaths.DataDirectory,
                ["Force:TimeZone"] = "Europe/London",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole()
            // The server's migrations warn that one step cannot run in a transaction; not ours to fix here.
            .AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL") == "1" ? LogLevel.Debug : LogLevel.Warning));
        services.AddOffenderMgmt(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
