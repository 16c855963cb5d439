using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Model = global::Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using OffenderMgmt.Server.Grpc.Pipeline;

namespace OffenderMgmt.Server.Grpc;

/// <summary>What is known of a request whose body did not parse as the method's request message.</summary>
public sealed record UnparsedRequest(string MessageType)
{
    // The empty message handed on in place of one that did not parse, keyed by that very object:
    // nothing per call is set on the request for the calls that parse (an IHttpContextAccessor
    // would set and clear an AsyncLocal on every request for this one rare case).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, UnparsedRequest> StandIns = new();

    /// <summary>An empty message standing in for a body that did not parse as <paramref name="messageType"/>.</summary>
    public static TRequest StandIn<TRequest>(string messageType) where TRequest : class
    {
        var empty = Activator.CreateInstance<TRequest>();
        StandIns.Add(empty, new UnparsedRequest(messageType));
        return empty;
    }

    /// <summary>What did not parse, when <paramref name="request"/> stands in for a body that did not.</summary>
    public static UnparsedRequest? Of(object request) => StandIns.TryGetValue(request, out var unparsed) ? unparsed : null;
}

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own binder does (through the generated
/// <c>BindService</c> method named by <see cref="BindServiceMethodAttribute"/>), but with each
/// method's request marshaller wrapped. grpc-dotnet reads and parses the request before any
/// interceptor runs, and a body that does not parse (truncated fields, wrong wire types, bytes
/// that are not UTF-8) used to escape as UNKNOWN "Exception was thrown by handler", unaudited,
/// with two stack traces logged. Here, for an offendermgmt.v1 method, a parse failure is noted
/// with the empty message handed on in its place (<see cref="UnparsedRequest.Of"/>), so the
/// pipeline identifies the caller, audits the call and refuses it with INVALID_ARGUMENT
/// (<see cref="RequestBodyInterceptor"/>); the method itself refuses it too, should that part
/// ever be missing. For other services (health, reflection) the failure is an RpcException
/// with INVALID_ARGUMENT, which grpc-dotnet logs as one line.
/// </summary>
public sealed class RequestParsing<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true);
        if (bind is null) return;
        var method = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
            [typeof(ServiceBinderBase), typeof(TService)]);
        // Generated code takes the service's base class; find it by shape.
        method ??= bind.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == bind.BindMethodName && m.GetParameters() is [var b, var s]
                                 && b.ParameterType == typeof(ServiceBinderBase) && s.ParameterType.IsAssignableFrom(typeof(TService)));
        if (method is null) return;
        method.Invoke(null, [new Binder(context), null]);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (wrapped, metadata, target) = Prepare(method);
            var invoke = (Model.UnaryServerMethod<TService, TRequest, TResponse>)
                Delegate.CreateDelegate(typeof(Model.UnaryServerMethod<TService, TRequest, TResponse>), target);
            context.AddUnaryMethod(wrapped, metadata, (service, request, call) =>
            {
                Refuse(request);
                return invoke(service, request, call);
            });
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (wrapped, metadata, target) = Prepare(method);
            var invoke = (Model.ServerStreamingServerMethod<TService, TRequest, TResponse>)
                Delegate.CreateDelegate(typeof(Model.ServerStreamingServerMethod<TService, TRequest, TResponse>), target);
            context.AddServerStreamingMethod(wrapped, metadata, (service, request, stream, call) =>
            {
                Refuse(request);
                return invoke(service, request, stream, call);
            });
        }

        // Reflection's one method streams both ways; nothing of OffenderMgmt streams requests.
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (wrapped, metadata, target) = Prepare(method);
            context.AddClientStreamingMethod(wrapped, metadata, (Model.ClientStreamingServerMethod<TService, TRequest, TResponse>)
                Delegate.CreateDelegate(typeof(Model.ClientStreamingServerMethod<TService, TRequest, TResponse>), target));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (wrapped, metadata, target) = Prepare(method);
            context.AddDuplexStreamingMethod(wrapped, metadata, (Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>)
                Delegate.CreateDelegate(typeof(Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>), target));
        }

        /// <summary>Fail closed: a body that did not parse never reaches a service as an empty request.</summary>
        private static void Refuse(object request)
        {
            if (UnparsedRequest.Of(request) is { } unparsed)
                throw new Common.InvalidRequestBodyException(unparsed.MessageType);
        }

        private static (Method<TRequest, TResponse>, List<object>, MethodInfo) Prepare<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class where TResponse : class
        {
            var target = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)
                         ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}.");
            var ours = method.FullName.StartsWith(AdmissionPart.Package, StringComparison.Ordinal)
                       && method.Type is MethodType.Unary or MethodType.ServerStreaming;
            var wrapped = new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name,
                Wrap(method.RequestMarshaller, ours), method.ResponseMarshaller);
            // As grpc-dotnet's binder: the service's and the method's attributes (authorization, CORS) as endpoint metadata.
            List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. target.GetCustomAttributes(inherit: true)];
            return (wrapped, metadata, target);
        }

        private static Marshaller<TRequest> Wrap<TRequest>(Marshaller<TRequest> marshaller, bool ours) where TRequest : class
        {
            var messageType = typeof(IMessage).IsAssignableFrom(typeof(TRequest))
                ? ((IMessage)Activator.CreateInstance<TRequest>()).Descriptor.FullName
                : typeof(TRequest).Name;
            var deserialize = marshaller.ContextualDeserializer;
            return new Marshaller<TRequest>(marshaller.ContextualSerializer, body =>
            {
                try
                {
                    return deserialize(body);
                }
                catch (Exception e) when (e is not (OperationCanceledException or RpcException))
                {
                    if (!ours)
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"the request is not a valid {messageType} message"));
                    return UnparsedRequest.StandIn<TRequest>(messageType);
                }
            });
        }
    }
}
