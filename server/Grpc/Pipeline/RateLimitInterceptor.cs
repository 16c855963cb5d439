using Grpc.Core;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>Is the caller going too fast: sign-in attempts per account, searches per caller (<see cref="RateLimits"/>).</summary>
public sealed class RateLimitInterceptor(RateLimits limits) : AdmissionPart
{
    public override async ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        switch (rule?.Limit)
        {
            case RateLimit.SignIn when request is V1.SignInRequest signIn:
                await limits.TakeAsync(RateLimit.SignIn, AccountService.Normalise(signIn.Username), services.GetRequiredService<OffenderMgmtDb>(), context.CancellationToken);
                break;
            case RateLimit.Search:
                await limits.TakeAsync(RateLimit.Search, services.GetRequiredService<Caller>().Subject, services.GetRequiredService<OffenderMgmtDb>(), context.CancellationToken);
                break;
        }
    }
}
