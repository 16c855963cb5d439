using Grpc.Core;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>A failed call, with a message fit to show an officer.</summary>
public sealed class GatewayException(GatewayFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public GatewayFailure Failure { get; } = failure;

    /// <summary>Runs a call, turning gRPC failures into messages a user can act on.</summary>
    public static async Task<T> Wrap<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw From(e);
        }
    }

    public static GatewayException From(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable => new(GatewayFailure.Unreachable, "The OffenderMgmt server cannot be reached. Check it is running and try again.", e),
        StatusCode.DeadlineExceeded => new(GatewayFailure.Unreachable, "The server took too long to answer. Try again.", e),
        StatusCode.Cancelled => new(GatewayFailure.Cancelled, "Cancelled.", e),
        // The server says why (wrong password, locked, expired): its words are meant for the user.
        StatusCode.Unauthenticated => new(GatewayFailure.SignInNeeded, e.Status.Detail, e),
        StatusCode.ResourceExhausted => new(GatewayFailure.Refused, e.Status.Detail, e),
        StatusCode.PermissionDenied => new(GatewayFailure.Refused, e.Status.Detail, e),
        StatusCode.NotFound => new(GatewayFailure.NotFound, e.Status.Detail, e),
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.Aborted
            => new(GatewayFailure.Rejected, e.Status.Detail, e),
        _ => new(GatewayFailure.ServerError, $"The server could not do that: {e.Status.Detail}", e),
    };
}

public enum GatewayFailure
{
    Unreachable,
    Cancelled,
    SignInNeeded,
    Refused,
    NotFound,
    Rejected,
    ServerError,
}
