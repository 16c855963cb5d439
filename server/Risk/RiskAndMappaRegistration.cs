using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Mappa;

namespace OffenderMgmt.Server.Risk;

public static class RiskAndMappaRegistration
{
    /// <summary>Risk assessments, risk management plans and MAPPA (issue 17), with their options validated at start.</summary>
    public static IServiceCollection AddRiskAndMappa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RiskOptions>().Bind(configuration.GetSection("Risk"))
            .Validate(o => !o.Problems().Any(), "Risk settings are invalid: see Risk in appsettings.json").ValidateOnStart();
        services.AddOptions<MappaOptions>().Bind(configuration.GetSection("Mappa"))
            .Validate(o => !o.Problems().Any(), "Mappa settings are invalid: see Mappa in appsettings.json").ValidateOnStart();
        services.AddScoped<RiskRegister>();
        services.AddScoped<RiskTasks>();
        services.AddScoped<PlanActionsDue>();
        services.AddScoped<MappaAgendaLoader>();
        services.AddScoped<PartnerMeetingScope>();
        services.AddScoped<MappaBoard>();
        return services;
    }
}
