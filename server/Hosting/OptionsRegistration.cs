using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Every options class, bound to its configuration section and checked when the server starts
/// (ValidateOnStart): a bad setting stops the server with a message naming it, rather than
/// surfacing later as a wrong figure or a failed call.
/// </summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddOffenderMgmtOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChecked<StorageOptions, StorageOptionsValidator>(configuration, "Storage");
        services.AddChecked<ForceOptions, ForceOptionsValidator>(configuration, "Force");
        services.AddChecked<DemoOptions, DemoOptionsValidator>(configuration, "Demo");
        services.AddChecked<ComplianceOptions, ComplianceOptionsValidator>(configuration, "Compliance");
        services.AddChecked<NotificationOptions, NotificationOptionsValidator>(configuration, "Notification");
        services.AddChecked<WorkloadOptions, WorkloadOptionsValidator>(configuration, "Workload");
        services.AddChecked<ReviewOptions, ReviewOptionsValidator>(configuration, "Reviews");
        services.AddChecked<AuthOptions, AuthOptionsValidator>(configuration, "Auth");
        services.AddChecked<Photos.PhotoOptions, Photos.PhotoOptionsValidator>(configuration, "Photos");
        services.AddChecked<Access.AccessOptions, Access.AccessOptionsValidator>(configuration, "Access");
        services.AddChecked<Reports.ReportOptions, Reports.ReportOptionsValidator>(configuration, "Reports");
        services.AddChecked<Retention.RetentionOptions, Retention.RetentionOptionsValidator>(configuration, "Retention");
        services.AddSingleton<IValidateOptions<AuthOptions>, MultiInstanceAuthValidator>();
        services.AddChecked<JobOptions, JobOptionsValidator>(configuration, "Jobs");
        services.AddChecked<TlsOptions, TlsOptionsValidator>(configuration, "Tls");
        return services;
    }

    private static void AddChecked<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }
}
