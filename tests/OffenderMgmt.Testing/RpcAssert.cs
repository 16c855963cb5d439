using Google.Rpc;
using Grpc.Core;

namespace OffenderMgmt.Testing;

/// <summary>Assertions about the status and error details of a failed call.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> Fails(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == error.StatusCode, $"Expected {expected} but got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>The google.rpc.ErrorInfo reason the failure carries ("" if none).</summary>
    public static string Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";

    /// <summary>Fails with the status and the ErrorInfo reason given.</summary>
    public static async Task<RpcException> FailsWith(StatusCode expected, string reason, Func<Task> call)
    {
        var error = await Fails(expected, call);
        Assert.Equal(reason, Reason(error));
        return error;
    }

    /// <summary>Fails with INVALID_ARGUMENT naming the given field among its violations.</summary>
    public static async Task<BadRequest.Types.FieldViolation> FailsOnField(string field, Func<Task> call)
    {
        var error = await Fails(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = badRequest.FieldViolations.FirstOrDefault(v => v.Field == field);
        Assert.True(violation is not null,
            $"Expected a violation of '{field}' but got: {string.Join("; ", badRequest.FieldViolations.Select(v => v.Field + ": " + v.Description))}");
        return violation;
    }
}
