using Grpc.Core;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>Is the caller going too fast: sign-in attempts per account, searches per caller (<see cref="RateLimits"/>).</summary>
public sealed class RateLimitInterceptor(RateLimits limits) : AdmissionPart
{
    protected override ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        switch (rule?.Limit)
        {
            case RateLimit.SignIn when request is V1.SignInRequest signIn:
                limits.Take(RateLimit.SignIn, AccountService.Normalise(signIn.Username));
                break;
            case RateLimit.Search:
                limits.Take(RateLimit.Search, services.GetRequiredService<Caller>().Subject);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
