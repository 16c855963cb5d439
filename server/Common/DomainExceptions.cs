namespace OffenderMgmt.Server.Common;

/// <summary>
/// Failures the domain raises on purpose. The gRPC error interceptor maps each to the status
/// the API conventions promise (DESIGN.md section 5), so application code never builds
/// RpcExceptions itself and a caller's mistake never surfaces as UNKNOWN.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>Bad input: INVALID_ARGUMENT with one google.rpc.BadRequest violation per field.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public ValidationException(string field, string description)
        : this([new FieldViolation(field, description)]) { }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? $"{violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} fields are invalid: " +
              string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>The record asked for does not exist: NOT_FOUND, naming the request field when there is one.</summary>
public sealed class NotFoundException(string entity, string id, string? field = null)
    : DomainException($"No {entity} has id '{id}'{(field is null ? "" : $" ({field})")}.")
{
    public string Entity { get; } = entity;
    public string Id { get; } = id;
    public string? Field { get; } = field;
}

/// <summary>Creating something that already exists: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : DomainException(message);

/// <summary>A business rule refuses the request as things stand: FAILED_PRECONDITION.</summary>
public sealed class RuleViolationException(string rule, string message) : DomainException(message)
{
    /// <summary>A short stable code for the rule, e.g. "NOT_ACCREDITED".</summary>
    public string Rule { get; } = rule;
}

/// <summary>An edit based on a version that is no longer current: ABORTED.</summary>
public sealed class StaleVersionException(string entity, string id, long expected, long actual)
    : DomainException($"The {entity} '{id}' has changed since version {expected} (it is now at version {actual}); reload it and apply the change again.")
{
    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;
}

/// <summary>The caller may not do this: PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);

/// <summary>The caller has not signed in, or their token is not valid: UNAUTHENTICATED.</summary>
public class UnauthenticatedException(string message) : DomainException(message);

/// <summary>The caller is going too fast: RESOURCE_EXHAUSTED, with when to try again.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : DomainException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
