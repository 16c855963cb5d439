namespace OffenderMgmt.Server.Common;

/// <summary>
/// Failures the domain raises on purpose. The gRPC error interceptor maps each to the status
/// the API conventions promise (DESIGN.md section 5), so application code never builds
/// RpcExceptions itself and a caller's mistake never surfaces as UNKNOWN.
/// </summary>
public abstract class DomainException(string message) : Exception(message)
{
    /// <summary>The stable reason the refusal carries in google.rpc.ErrorInfo.</summary>
    public abstract ErrorReason Reason { get; }
}

/// <summary>
/// Bad input: INVALID_ARGUMENT with one google.rpc.BadRequest violation per field, at most
/// <see cref="MaxListed"/> of them, so the answer fits in HTTP/2 headers whatever was sent.
/// </summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations, ErrorReason reason = ErrorReason.InvalidField)
    : DomainException(Describe(violations))
{
    /// <summary>Violations named in an answer; the rest are counted ("and 380 more").</summary>
    public const int MaxListed = 20;

    private const int MaxListedText = 800;

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public override ErrorReason Reason { get; } = reason;

    public ValidationException(string field, string description, ErrorReason reason = ErrorReason.InvalidField)
        : this([new FieldViolation(field, description)], reason) { }

    private static string Describe(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count == 1) return $"{violations[0].Field}: {violations[0].Description}";
        var listed = string.Join("; ", violations.Take(MaxListed).Select(v => $"{v.Field}: {v.Description}"));
        // The count must survive however long the descriptions are.
        if (listed.Length > MaxListedText) listed = listed[..(MaxListedText - 1)] + "…";
        var more = violations.Count > MaxListed ? $"; and {violations.Count - MaxListed} more" : "";
        return $"{violations.Count} fields are invalid: {listed}{more}";
    }
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>The record asked for does not exist: NOT_FOUND, naming the request field when there is one.</summary>
public sealed class NotFoundException(string entity, string id, string? field = null)
    : DomainException($"No {entity} has id '{id}'{(field is null ? "" : $" ({field})")}.")
{
    public override ErrorReason Reason => ErrorReason.NotFound;

    public string Entity { get; } = entity;
    public string Id { get; } = id;
    public string? Field { get; } = field;
}

/// <summary>Creating something that already exists: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : DomainException(message)
{
    public override ErrorReason Reason => ErrorReason.AlreadyExists;
}

/// <summary>A business rule refuses the request as things stand: FAILED_PRECONDITION.</summary>
public sealed class RuleViolationException(string rule, string message) : DomainException(message)
{
    public override ErrorReason Reason => ErrorReason.RuleViolated;

    /// <summary>A short stable code for the rule, e.g. "NOT_ACCREDITED".</summary>
    public string Rule { get; } = rule;
}

/// <summary>An edit based on a version that is no longer current: ABORTED.</summary>
public sealed class StaleVersionException(string entity, string id, long expected, long actual)
    : DomainException($"The {entity} '{id}' has changed since version {expected} (it is now at version {actual}); reload it and apply the change again.")
{
    public override ErrorReason Reason => ErrorReason.StaleVersion;

    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;
}

/// <summary>The caller may not do this: PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message, ErrorReason reason = ErrorReason.RoleNotAllowed) : DomainException(message)
{
    public override ErrorReason Reason { get; } = reason;
}

/// <summary>The caller has not signed in, or their token is not valid: UNAUTHENTICATED.</summary>
public class UnauthenticatedException(string message, ErrorReason reason = ErrorReason.Unauthenticated) : DomainException(message)
{
    public override ErrorReason Reason { get; } = reason;
}

/// <summary>The caller is going too fast: RESOURCE_EXHAUSTED, with when to try again.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : DomainException(message)
{
    public override ErrorReason Reason => ErrorReason.RateLimited;

    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The request body did not parse as the method's request message: INVALID_ARGUMENT.</summary>
public sealed class InvalidRequestBodyException(string messageType)
    : DomainException($"the request is not a valid {messageType} message")
{
    public string MessageType { get; } = messageType;

    public override ErrorReason Reason => ErrorReason.InvalidRequestBody;
}

/// <summary>The call's audit entry could not be made durable, so it gets no answer: UNAVAILABLE.</summary>
/// <summary>The instance is shutting down: UNAVAILABLE, so the caller reconnects (to another instance).</summary>
public sealed class ServerDrainingException()
    : DomainException("This server is shutting down; connect again (another instance will answer) and resume from the last event id received.")
{
    public override ErrorReason Reason => ErrorReason.ServerDraining;
}

public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit log could not record this call, so it was not answered; try again.", inner);
