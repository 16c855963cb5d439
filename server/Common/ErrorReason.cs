using Grpc.Core;

namespace OffenderMgmt.Server.Common;

/// <summary>
/// Why a call was refused, in words a program can decide on. Every error the server answers
/// carries one in google.rpc.ErrorInfo (domain "offendermgmt"), so clients never have to read
/// the message, which is for people and may change.
/// </summary>
public enum ErrorReason
{
    InvalidField,
    InvalidRequestBody,
    PurposeRequired,
    ReasonRequired,
    RoleNotAllowed,
    NotYourCase,
    AnalystGrantRequired,
    ScopeRequired,
    StaleVersion,
    RateLimited,
    NotFound,
    AlreadyExists,
    RuleViolated,
    Unauthenticated,
    TokenExpired,
    AccountDisabled,
    SignInRefused,
    DeadlineExceeded,
    Cancelled,
    AuditUnavailable,
    ServerDraining,
    DatabaseBusy,
    ServerError,
    ImageNotAccepted,
}

/// <summary>One row of the reasons table: the wire name, the status it goes with, and what it means.</summary>
public sealed record ErrorReasonInfo(string Name, StatusCode Code, string Meaning);

/// <summary>The one table of refusal reasons (listed in the README, checked by a test).</summary>
public static class ErrorReasons
{
    public const string Domain = "offendermgmt";

    private static readonly Dictionary<ErrorReason, ErrorReasonInfo> Table = new()
    {
        [ErrorReason.InvalidField] = new("INVALID_FIELD", StatusCode.InvalidArgument, "a request field is wrong; google.rpc.BadRequest names each (at most 20)"),
        [ErrorReason.InvalidRequestBody] = new("INVALID_REQUEST_BODY", StatusCode.InvalidArgument, "the body is not a valid message of the method's request type"),
        [ErrorReason.PurposeRequired] = new("PURPOSE_REQUIRED", StatusCode.InvalidArgument, "the call touches personal data and no x-access-purpose was sent"),
        [ErrorReason.ReasonRequired] = new("REASON_REQUIRED", StatusCode.PermissionDenied, "allowed with a stated reason (x-access-purpose: \"reason: ...\")"),
        [ErrorReason.RoleNotAllowed] = new("ROLE_NOT_ALLOWED", StatusCode.PermissionDenied, "the caller's role may not make this call"),
        [ErrorReason.NotYourCase] = new("NOT_YOUR_CASE", StatusCode.PermissionDenied, "the record is outside what the caller's role and relationship disclose"),
        [ErrorReason.AnalystGrantRequired] = new("ANALYST_GRANT_REQUIRED", StatusCode.PermissionDenied, "analysts read aggregates; a person-level read needs a supervisor's grant for that person (Access/GrantAnalystAccess)"),
        [ErrorReason.ScopeRequired] = new("SCOPE_REQUIRED", StatusCode.PermissionDenied, "a service account calls only what its scopes allow; the message names the scope that would"),
        [ErrorReason.StaleVersion] = new("STALE_VERSION", StatusCode.Aborted, "the record changed since the version the edit was based on; reload and retry"),
        [ErrorReason.RateLimited] = new("RATE_LIMITED", StatusCode.ResourceExhausted, "too many calls of this kind; google.rpc.RetryInfo says when to try again"),
        [ErrorReason.NotFound] = new("NOT_FOUND", StatusCode.NotFound, "no record has the id given"),
        [ErrorReason.AlreadyExists] = new("ALREADY_EXISTS", StatusCode.AlreadyExists, "the record to create exists already"),
        [ErrorReason.RuleViolated] = new("RULE_VIOLATED", StatusCode.FailedPrecondition, "a business rule refuses it; metadata \"rule\" names the rule"),
        [ErrorReason.Unauthenticated] = new("UNAUTHENTICATED", StatusCode.Unauthenticated, "no token, or a token that is not valid; sign in"),
        [ErrorReason.TokenExpired] = new("TOKEN_EXPIRED", StatusCode.Unauthenticated, "the sign-in has expired; sign in again"),
        [ErrorReason.AccountDisabled] = new("ACCOUNT_DISABLED", StatusCode.Unauthenticated, "the account is disabled or no longer exists"),
        [ErrorReason.SignInRefused] = new("SIGN_IN_REFUSED", StatusCode.Unauthenticated, "wrong username or password, or the account is locked"),
        [ErrorReason.DeadlineExceeded] = new("DEADLINE_EXCEEDED", StatusCode.DeadlineExceeded, "the call's deadline passed first; nothing was changed"),
        [ErrorReason.Cancelled] = new("CANCELLED", StatusCode.Cancelled, "the caller cancelled; nothing was changed"),
        [ErrorReason.AuditUnavailable] = new("AUDIT_UNAVAILABLE", StatusCode.Unavailable, "the call's audit entry could not be made durable, so no answer is given; retry"),
        [ErrorReason.DatabaseBusy] = new("DATABASE_BUSY", StatusCode.Unavailable, "the database stayed busy with other work for longer than a call waits (a lock held, a lost connection, a serialization failure); nothing was changed; retry"),
        [ErrorReason.ServerDraining] = new("SERVER_DRAINING", StatusCode.Unavailable, "this instance is shutting down; call again (another instance answers), and resume an alert stream from the last event id"),
        [ErrorReason.ServerError] = new("SERVER_ERROR", StatusCode.Internal, "an unexpected failure; the message gives a reference to the server log"),
        [ErrorReason.ImageNotAccepted] = new("IMAGE_NOT_ACCEPTED", StatusCode.InvalidArgument, "the image is not a JPEG or PNG that decodes completely within Photos:MaxBytes and Photos:MaxPixels"),
    };

    public static ErrorReasonInfo Of(ErrorReason reason) => Table[reason];

    public static IReadOnlyDictionary<ErrorReason, ErrorReasonInfo> All => Table;
}
