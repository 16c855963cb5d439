using Grpc.Core;

namespace OffenderMgmt.Testing;

/// <summary>
/// A call context for code that needs one outside a real call, such as mapping an exception
/// to a status in a unit test: no headers; no deadline and never cancelled unless a test says so.
/// </summary>
public sealed class OutsideCallContext(string method = "/offendermgmt.v1.Test/Call", DateTime? deadline = null, CancellationToken cancellation = default) : ServerCallContext
{
    protected override string MethodCore => method;
    protected override string HostCore => "localhost";
    protected override string PeerCore => "test";
    protected override DateTime DeadlineCore => deadline ?? DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => cancellation;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore => new("", []);
    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
