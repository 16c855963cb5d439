using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// The parts every offendermgmt.v1 call passes through, outermost first. Each does one job:
/// <list type="number">
/// <item>error mapping: whatever escapes becomes a status with an ErrorInfo reason;</item>
/// <item>audit: one entry per call, durable before the answer leaves;</item>
/// <item>identity: who the token says is calling (a disabled account stops here);</item>
/// <item>request body: a body that did not parse is refused, now that the caller is known;</item>
/// <item>access policy: signed in, and a role the method allows;</item>
/// <item>purpose: why, required where personal data is touched;</item>
/// <item>rate limits;</item>
/// <item>unit of work: a write commits its work, idempotency record and audit entry together.</item>
/// </list>
/// </summary>
public static class CallPipeline
{
    public static IServiceCollection AddCallPipeline(this IServiceCollection services)
    {
        services.AddSingleton<ErrorMapper>();
        services.AddSingleton<AuditRecords>();
        services.AddSingleton(sp => sp.GetService<IConfiguration>() is { } configuration ? AuditCommitHold.From(configuration) : AuditCommitHold.Off);
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AccountStatuses>();
        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<IdentityInterceptor>();
        services.AddSingleton<RequestBodyInterceptor>();
        services.AddSingleton<AccessPolicyInterceptor>();
        services.AddSingleton<PurposeInterceptor>();
        services.AddSingleton<RateLimitInterceptor>();
        services.AddSingleton<Admission>();
        services.AddSingleton<UnitOfWorkInterceptor>();
        return services;
    }

    /// <summary>
    /// Registers the parts in order; grpc-dotnet runs the first added outermost. The five
    /// admission parts (identity to rate limits) run in their order inside one interceptor,
    /// <see cref="Admission"/>: four interceptors a call rather than eight.
    /// </summary>
    public static void Add(InterceptorCollection interceptors)
    {
        interceptors.Add<ErrorMappingInterceptor>();
        interceptors.Add<AuditInterceptor>();
        interceptors.Add<Admission>();
        interceptors.Add<UnitOfWorkInterceptor>();
    }

    /// <summary>Binds services with <see cref="RequestParsing{TService}"/> in place of grpc-dotnet's own binder (call after AddGrpc).</summary>
    public static void ParseRequestsWithAudit(IServiceCollection services)
    {
        foreach (var binder in services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) &&
                                                   d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToList())
            services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(RequestParsing<>));
    }
}
