using Grpc.Core;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Grpc.Pipeline;

/// <summary>
/// Why: the x-access-purpose header, parsed onto the <see cref="Caller"/>. A call that touches
/// personal data must state one (DPA 2018 s.62(3)(a): the justification for a consultation or
/// disclosure is logged).
/// </summary>
public sealed class PurposeInterceptor : AdmissionPart
{
    public override ValueTask AdmitAsync(object request, ServerCallContext context, RpcRule? rule, IServiceProvider services)
    {
        var caller = services.GetRequiredService<Caller>();
        caller.States(AccessPurpose.Parse(context.RequestHeaders.GetValue(AccessPurpose.Header)));
        if (rule is { PersonalData: true } && !caller.Purpose.IsStated)
            throw new ValidationException(AccessPurpose.Header, $"state the purpose of this call: {AccessPurpose.Accepted}", ErrorReason.PurposeRequired);
        return ValueTask.CompletedTask;
    }
}
