using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OffenderMgmt.Bench.Greeter;

// The Greeter: `dotnet OffenderMgmt.Bench.Greeter.dll --urls http://127.0.0.1:PORT`.
// HTTP/2 without TLS, as OffenderMgmt serves; no logging, no other middleware.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
var app = builder.Build();
app.MapGrpcService<GreeterService>();
app.Run();

internal sealed class GreeterService : Greeter.GreeterBase
{
    public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Message = "Hello " + request.Name });
}
