using Google.Rpc;
using Grpc.Core;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A failed call, with a message fit to show an officer.</summary>
public sealed class GatewayException(GatewayFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public GatewayException(GatewayFailure failure, string message, IReadOnlyList<FieldProblem> fieldProblems, Exception? inner = null)
        : this(failure, message, inner) => FieldProblems = fieldProblems;

    public GatewayFailure Failure { get; } = failure;

    /// <summary>With <see cref="GatewayFailure.Rejected"/>: each request field the server found wrong.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; } = [];

    /// <summary>The gRPC status code, for the log (never the message: it may name people).</summary>
    public string StatusCode => (InnerException as RpcException)?.StatusCode.ToString() ?? Failure.ToString();

    /// <summary>The server's reason (google.rpc.ErrorInfo, e.g. "REASON_REQUIRED"), or "" from a server that sends none.</summary>
    public static string ReasonOf(RpcException e)
    {
        try
        {
            return e.GetRpcStatus()?.GetDetail<ErrorInfo>() is { Domain: "offendermgmt" } info ? info.Reason : "";
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return "";
        }
    }

    /// <summary>
    /// Would signing in again help? Yes for an expired or missing sign-in; no for a disabled
    /// account or a refused password (asking again would only be refused again).
    /// </summary>
    public static bool CallsForSignIn(RpcException e) =>
        e.StatusCode == Grpc.Core.StatusCode.Unauthenticated && ReasonOf(e) is "" or "TOKEN_EXPIRED" or "UNAUTHENTICATED";

    /// <summary>What an analyst is told when a person's record is refused them.</summary>
    public const string AnalystGrantNeeded =
        "Analysts read reports: a person's record needs a supervisor's grant.";

    /// <summary>
    /// The server's messages are written for every caller, and tell a system which header to send
    /// ("Send x-access-purpose: \"reason: <why you need it>\""). The client sends it itself, so
    /// those sentences are not for the person at the screen (issue 20: internal names on screen).
    /// </summary>
    public static string WithoutWireInstructions(string message)
    {
        if (!message.Contains("x-access-purpose", StringComparison.OrdinalIgnoreCase)) return message;
        var kept = message.Split(". ").Where(s => !s.Contains("x-access-purpose", StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == 0) return "";
        var text = string.Join(". ", kept).TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Maps a gRPC failure to what the user can do about it: by the server's reason, and by status only where it gives none.</summary>
    public static GatewayException From(RpcException e)
    {
        var detail = WithoutWireInstructions(string.IsNullOrWhiteSpace(e.Status.Detail) ? "" : e.Status.Detail.Trim());
        switch (ReasonOf(e))
        {
            case "REASON_REQUIRED": return new(GatewayFailure.ReasonNeeded, detail, e);
            // Analysts read aggregates: the server's message names the RPC; the user needs to know what to do.
            case "ANALYST_GRANT_REQUIRED": return new(GatewayFailure.Refused, AnalystGrantNeeded, e);
            case "ROLE_NOT_ALLOWED" or "NOT_YOUR_CASE": return new(GatewayFailure.Refused, Or(detail, "Your role may not do that."), e);
            case "RATE_LIMITED": return new(GatewayFailure.Refused, Or(detail, "Too many requests; wait a moment and try again."), e);
            // The server says why (wrong password, locked, expired, disabled): its words are meant for the user.
            case "TOKEN_EXPIRED" or "UNAUTHENTICATED" or "SIGN_IN_REFUSED": return new(GatewayFailure.SignInNeeded, Or(detail, "Sign in again to carry on."), e);
            case "ACCOUNT_DISABLED": return new(GatewayFailure.AccountDisabled, Or(detail, "This account is disabled. Ask an administrator."), e);
            case "STALE_VERSION": return new(GatewayFailure.Stale, Or(detail, "The record changed since you opened it; reload it and try again."), e);
            case "NOT_FOUND": return new(GatewayFailure.NotFound, Or(detail, "That record no longer exists."), e);
            case "INVALID_FIELD" or "PURPOSE_REQUIRED" or "INVALID_REQUEST_BODY": return Invalid(e, detail);
            case "RULE_VIOLATED" or "ALREADY_EXISTS": return new(GatewayFailure.Rejected, Or(detail, "The server refused that."), e);
            case "DATABASE_BUSY": return new(GatewayFailure.ServerError, "The server's database was busy with other work, so nothing was changed; try again.", e);
            case "AUDIT_UNAVAILABLE": return new(GatewayFailure.ServerError, "The server could not record the call in its audit log, so it did not answer; try again.", e);
        }
        return e.StatusCode switch
        {
            Grpc.Core.StatusCode.Unavailable => new(GatewayFailure.Unreachable, "The OffenderMgmt server cannot be reached. Check it is running and try again.", e),
            Grpc.Core.StatusCode.DeadlineExceeded => new(GatewayFailure.Unreachable, "The server took too long to answer. Try again.", e),
            Grpc.Core.StatusCode.Cancelled => new(GatewayFailure.Cancelled, "Cancelled.", e),
            Grpc.Core.StatusCode.Unauthenticated => new(GatewayFailure.SignInNeeded, Or(detail, "Sign in again to carry on."), e),
            Grpc.Core.StatusCode.PermissionDenied => new(GatewayFailure.Refused, Or(detail, "Your role may not do that."), e),
            Grpc.Core.StatusCode.ResourceExhausted => new(GatewayFailure.Refused, Or(detail, "Too many requests; wait a moment and try again."), e),
            Grpc.Core.StatusCode.NotFound => new(GatewayFailure.NotFound, Or(detail, "That record no longer exists."), e),
            Grpc.Core.StatusCode.Aborted => new(GatewayFailure.Stale, Or(detail, "The record changed since you opened it; reload it and try again."), e),
            Grpc.Core.StatusCode.InvalidArgument => Invalid(e, detail),
            Grpc.Core.StatusCode.FailedPrecondition or Grpc.Core.StatusCode.AlreadyExists => new(GatewayFailure.Rejected, Or(detail, "The server refused that."), e),
            Grpc.Core.StatusCode.Unimplemented => new(GatewayFailure.NotAvailable, "This server does not offer that yet (it may be an older version).", e),
            _ => new(GatewayFailure.ServerError, $"The server could not do that: {Or(detail, e.StatusCode.ToString())}", e),
        };
    }

    /// <summary>
    /// INVALID_ARGUMENT carries google.rpc.BadRequest naming each bad field. The message then
    /// lists them in words ("notes: must be at most ..."), and the problems are kept so a form
    /// can put each next to its own field.
    /// </summary>
    private static GatewayException Invalid(RpcException e, string detail)
    {
        BadRequest? badRequest = null;
        try
        {
            badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A malformed details trailer: the plain message will have to do.
        }
        var problems = badRequest?.FieldViolations.Select(v => new FieldProblem(v.Field, v.Description)).ToList() ?? [];
        var message = problems.Count == 0
            ? Or(detail, "The server refused what was sent.")
            : string.Join("; ", problems.Select(p => p.ToString()));
        return new GatewayException(GatewayFailure.Rejected, message, problems, e);
    }

    private static string Or(string detail, string fallback) => detail.Length > 0 ? detail : fallback;
}

/// <summary>What went wrong, by what the user can do about it.</summary>
public enum GatewayFailure
{
    /// <summary>The server is down, or the network: try again later.</summary>
    Unreachable,
    Cancelled,
    /// <summary>Not signed in, or the sign-in expired and was not renewed.</summary>
    SignInNeeded,
    /// <summary>The account is disabled: signing in again will not help.</summary>
    AccountDisabled,
    /// <summary>Refused, but a stated reason (purpose "reason: ...") would be accepted.</summary>
    ReasonNeeded,
    /// <summary>The role or relationship does not allow it.</summary>
    Refused,
    NotFound,
    /// <summary>Bad input or a rule violation; the message says what to change.</summary>
    Rejected,
    /// <summary>Someone else changed the record first.</summary>
    Stale,
    /// <summary>The server does not offer the call (UNIMPLEMENTED).</summary>
    NotAvailable,
    ServerError,
}

/// <summary>One request field the server refused, and why.</summary>
public sealed record FieldProblem(string Field, string Description)
{
    /// <summary>"breach_order_id" reads as "breach order id".</summary>
    public string FieldInWords => Field.Replace('_', ' ').Replace('.', ' ');

    public override string ToString() => $"{FieldInWords}: {Description}";
}
