using Grpc.Core;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Audit;

/// <summary>Makes a call's audit record from what the pipeline knows about it: who, why, what, and how it ended.</summary>
public sealed class AuditRecords(ForceClock clock)
{
    public AuditRecord For(ServerCallContext context, Caller caller, CallAudit audit, string outcome)
    {
        var rule = RpcAccessPolicy.Find(context.Method);
        var action = audit.Action ?? rule?.Action ?? AuditAction.Read;
        // Handing personal data to another organisation's system is a disclosure, not a read.
        if (action == AuditAction.Read && caller.Is(Role.PartnerAgency, Role.Service)) action = AuditAction.Disclose;
        return new AuditRecord(clock.Now, caller.Subject, caller.OfficerId, caller.Role?.ToClaim() ?? "", context.Method,
            action, audit.Records, StatedPurpose(context, caller), audit.Note is { } note && outcome == "OK" ? $"OK ({note})" : outcome);
    }

    /// <summary>
    /// The purpose the caller stated. A call refused before its purpose was read (at the role
    /// check, say) or for a malformed purpose still records what the caller sent.
    /// </summary>
    private static string StatedPurpose(ServerCallContext context, Caller caller)
    {
        if (caller.Purpose.IsStated) return caller.Purpose.ToString();
        var header = context.RequestHeaders.GetValue(AccessPurpose.Header);
        if (string.IsNullOrWhiteSpace(header)) return "";
        try
        {
            return AccessPurpose.Parse(header).ToString();
        }
        catch (ValidationException)
        {
            return header.Trim();
        }
    }

    public static string Outcome(RpcException failure) => $"{failure.StatusCode}: {failure.Status.Detail}";
}
