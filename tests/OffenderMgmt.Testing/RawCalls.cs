using Google.Protobuf.Reflection;
using Grpc.Core;

namespace OffenderMgmt.Testing;

/// <summary>
/// Calls any RPC by its descriptor with raw bytes, so tests can cover every method in the
/// contracts (a new RPC included) and inspect exactly what went over the wire.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Every offendermgmt.v1 method, from the generated service descriptors.</summary>
    public static IReadOnlyList<MethodDescriptor> AllMethods() =>
        typeof(OffenderMgmt.Contracts.V1.People).Assembly.GetTypes()
            .Where(t => t.Namespace == "OffenderMgmt.Contracts.V1")
            .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .SelectMany(s => s.Methods)
            .OrderBy(m => m.FullName, StringComparer.Ordinal)
            .ToList();

    public static string FullName(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>Calls the method with the given request bytes (empty: a default request); returns the response bytes.</summary>
    public static async Task<byte[]> CallAsync(CallInvoker invoker, MethodDescriptor method, byte[]? request = null)
    {
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var grpcMethod = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10));
        if (!method.IsServerStreaming)
            return await invoker.AsyncUnaryCall(grpcMethod, null, options, request ?? []);
        using var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, request ?? []);
        return await call.ResponseStream.MoveNext(CancellationToken.None) ? call.ResponseStream.Current : [];
    }
}
