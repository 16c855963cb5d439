using OffenderMgmt.Server.Photos;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
using OffenderMgmt.Server.Grpc.Pipeline;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Risk;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

public static class ServiceRegistration
{
    /// <summary>
    /// The database context on the chosen engine, with the commit signals that keep the in-memory
    /// views (zone index, alert watchers) in step. Tests call this with their own connection string.
    /// </summary>
    public static IServiceCollection AddOffenderMgmtDb(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        services.AddSingleton<CommitSignals>();
        services.AddSingleton<Persistence.Changes.ChangeFeed>();
        services.AddSingleton<ConnectionTuning>();
        services.AddSingleton(new DatabaseLocation(provider, connectionString));
        // Pooled: a call's context is reset and reused rather than built afresh (its internal
        // services, its connection object and the functions EF registers on it), which the
        // profile showed as the largest part of a small read's CPU (docs/benchmarks.md).
        services.AddDbContextPool<OffenderMgmtDb>((sp, options) =>
        {
            DatabaseEngine.Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<CommitSignals>(), sp.GetRequiredService<ConnectionTuning>());
            // Any others registered as IInterceptor (none in production; tests inject faults so).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        return services;
    }

    public static IServiceCollection AddOffenderMgmtDb(this IServiceCollection services, string sqliteConnectionString) =>
        services.AddOffenderMgmtDb(StorageProvider.Sqlite, sqliteConnectionString);

    /// <summary>Everything the OffenderMgmt server needs, from configuration.</summary>
    public static IServiceCollection AddOffenderMgmt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOffenderMgmtOptions(configuration);
        // First, so the tracer and meter providers are built (TelemetryFirst, in the host's
        // starting phase) before any other hosted service (the database initialiser, housekeeping,
        // the change listener) opens a pooled context: EF caches "nobody listens" on each context
        // for a second, so a context used before the providers existed left its next commands untraced.
        services.AddOffenderMgmtTelemetry(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ForceClock(
            sp.GetRequiredService<TimeProvider>(), ForceClock.FindZone(sp.GetRequiredService<IOptions<ForceOptions>>().Value.TimeZone)));

        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var demo = configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        services.AddOffenderMgmtDb(storage.Provider, storage.ResolveConnectionString(demo.Enabled));

        services.AddSingleton<AreaIndexHolder>();
        services.AddSingleton<AreaResidents>();
        services.AddScoped<AreaImporter>();
        services.AddScoped<AreaDirectory>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<Identification.IdentificationDesk>();
        services.AddScoped<TaskBoard>();
        services.AddScoped<NotificationFactsLoader>();
        services.AddScoped<NotificationDesk>();
        services.AddScoped<NotificationMessages>();
        services.AddScoped<CheckPlanner>();
        services.AddScoped<OrderBook>();
        services.AddScoped<OrderMessages>();
        services.AddScoped<ComplianceDesk>();
        services.AddScoped<BreachRegister>();
        services.AddScoped<ComplianceMessages>();
        services.AddScoped<CaseloadBook>();
        services.AddScoped<ReactiveManagementApprovals>();
        services.AddScoped<WorkloadService>();
        services.AddScoped<Reports.ReportBuilder>();
        services.AddScoped<Retention.RetentionDesk>();
        services.AddScoped<Retention.RecordErasure>();
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
        services.AddSingleton<BriefingWards>();
        services.AddScoped<NearbySearch>();
        services.AddScoped<SightingDesk>();
        services.AddHostedService<GeographyWarmUp>();
        // Views follow every instance's commits: LISTEN on PostgreSQL, this instance's own commits on both.
        services.AddSingleton<Persistence.Changes.ChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<Persistence.Changes.ChangeListener>());
        services.AddSingleton(InstanceIdentity.ForThisProcess());
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services.AddRiskAndMappa(configuration);
        services.AddPhotos();
        services.AddScoped<DemoSeeder>();
        services.AddHostedService<DatabaseInitialiser>();
        // Graceful drain on stop: readiness NOT_SERVING, alert streams told to reconnect elsewhere.
        services.AddSingleton<Drain>();
        services.AddHostedService(sp => sp.GetRequiredService<Drain>());

        services.AddOffenderMgmtSecurity(configuration);
        services.AddOffenderMgmtTls();

        services.AddCallPipeline();
        services.AddGrpc(options =>
        {
            CallPipeline.Add(options.Interceptors);
            // Large enough that an oversized field reaches validation and is named in the
            // answer; larger messages are refused by gRPC itself with RESOURCE_EXHAUSTED.
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
            options.MaxSendMessageSize = 16 * 1024 * 1024;
        });
        CallPipeline.ParseRequestsWithAudit(services);
        services.AddGrpcReflection();
        services.AddOffenderMgmtHealth(configuration);
        return services;
    }
}
