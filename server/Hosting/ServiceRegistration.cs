using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Grpc;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Risk;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

public static class ServiceRegistration
{
    /// <summary>
    /// The database context on SQLite, with the commit signals that keep the in-memory views
    /// (zone index, alert watchers) in step. Tests call this with their own connection string.
    /// </summary>
    public static IServiceCollection AddOffenderMgmtDb(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<CommitSignals>();
        services.AddSingleton<ConnectionTuning>();
        services.AddDbContext<OffenderMgmtDb>((sp, options) => options
            // A list of ids goes to SQLite as one JSON parameter (json_each), so a query has one
            // SQL text whatever the list's length: EF's default of a parameter per id makes it
            // generate and cache SQL afresh for each length, a third of a briefing's time.
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(sp.GetRequiredService<CommitSignals>(), sp.GetRequiredService<ConnectionTuning>()));
        return services;
    }

    /// <summary>Everything the OffenderMgmt server needs, from configuration.</summary>
    public static IServiceCollection AddOffenderMgmt(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<ForceOptions>(configuration.GetSection("Force"));
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var force = configuration.GetSection("Force").Get<ForceOptions>() ?? new ForceOptions();
            return new ForceClock(sp.GetRequiredService<TimeProvider>(), ForceClock.FindZone(force.TimeZone));
        });

        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var demo = configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        var connectionString = storage.ConnectionString ?? new SqliteConnectionStringBuilder
        {
            DataSource = storage.ResolveDatabasePath(demo.Enabled),
            Pooling = true,
        }.ToString();
        services.AddOffenderMgmtDb(connectionString);

        services.AddSingleton<AreaIndexHolder>();
        services.AddScoped<AreaImporter>();
        services.AddScoped<AreaDirectory>();
        services.AddScoped<PeopleDirectory>();
        services.Configure<ComplianceOptions>(configuration.GetSection("Compliance"));
        services.AddScoped<TaskBoard>();
        services.AddScoped<CheckPlanner>();
        services.AddScoped<OrderBook>();
        services.AddScoped<OrderMessages>();
        services.AddScoped<ComplianceDesk>();
        services.AddScoped<BreachRegister>();
        services.AddScoped<ComplianceMessages>();
        services.Configure<WorkloadOptions>(configuration.GetSection("Workload"));
        services.Configure<ReviewOptions>(configuration.GetSection("Reviews"));
        services.AddScoped<CaseloadBook>();
        services.AddScoped<WorkloadService>();
        services.AddScoped<Continuity>();
        services.AddScoped<CustodyNotifications>();
        services.AddScoped<TaskList>();
        services.AddScoped<ContactLog>();
        services.AddScoped<IomReview>();
        services.AddScoped<CaseloadMessages>();
        services.AddSingleton<ZoneIndexHolder>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<BriefingFactsView>();
        services.AddScoped<BriefingFactsLoader>();
        services.AddScoped<BriefingPeople>();
        services.AddScoped<BeatBriefings>();
        services.AddScoped<NearbySearch>();
        services.AddScoped<SightingDesk>();
        services.AddHostedService<GeographyWarmUp>();
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services.AddRiskAndMappa(configuration);
        services.AddScoped<DemoSeeder>();
        services.AddHostedService<DatabaseInitialiser>();

        services.AddOffenderMgmtSecurity(configuration);

        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton<AccountabilityInterceptor>();
        services.AddGrpc(options =>
        {
            // Outermost first: failures are mapped to statuses after they are audited.
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<AccountabilityInterceptor>();
            // Large enough that an oversized field reaches validation and is named in the
            // answer; larger messages are refused by gRPC itself with RESOURCE_EXHAUSTED.
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
            options.MaxSendMessageSize = 16 * 1024 * 1024;
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
