using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Bench.Greeter;

// The Greeter: `dotnet OffenderMgmt.Bench.Greeter.dll --urls http://127.0.0.1:PORT`.
// HTTP/2 without TLS, as OffenderMgmt serves; no logging, no other middleware.
//
// `--layers a,b,...` adds, one at a time, the layers OffenderMgmt's host has beyond this, so
// bench/profile/greeter-layers.sh can measure what each costs a call (docs/benchmarks.md,
// "What the host costs"). Without it the Greeter is the plain baseline the throughput bench uses.
//   logging       console logging at Warning, as the server (ASP.NET Core then starts an Activity
//                 and a log scope per request, since a logger is enabled)
//   quiethosting  with logging: the hosting diagnostics category off, as the server now has it
//   accessor      IHttpContextAccessor registered (an AsyncLocal set and cleared per request)
//   jwt           JwtBearer (HS256, the token from --token-file on every call), SaveToken as default
//   nosave        with jwt: SaveToken off
//   authz         AddAuthorization (WebApplication then adds the authorization middleware)
//   metrics       a middleware that times the call and reads its grpc-status, as RpcMetricsMiddleware
//   interceptors  eight pass-through interceptors, as the call pipeline's eight parts
var builder = WebApplication.CreateBuilder(args);
var layers = (builder.Configuration["layers"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
if (!layers.Contains("logging")) builder.Logging.ClearProviders();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (layers.Contains("quiethosting")) builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
if (layers.Contains("accessor")) builder.Services.AddHttpContextAccessor();
var key = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
if (layers.Contains("jwt"))
{
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
    {
        jwt.MapInboundClaims = false;
        jwt.SaveToken = !layers.Contains("nosave");
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "greeter", ValidAudience = "greeter", IssuerSigningKey = key, ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
    });
    var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "greeter", Audience = "greeter", Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["name"] = "bench", ["role"] = "officer" },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });
    if (builder.Configuration["token-file"] is { } file) File.WriteAllText(file, token);
}
if (layers.Contains("authz")) builder.Services.AddAuthorization();
builder.Services.AddGrpc(options =>
{
    if (!layers.Contains("interceptors")) return;
    for (var i = 0; i < 8; i++) options.Interceptors.Add<PassThrough>();
});
builder.Services.AddSingleton<PassThrough>();
var app = builder.Build();
if (layers.Contains("metrics")) app.UseMiddleware<TimingMiddleware>();
if (layers.Contains("jwt")) app.UseAuthentication();
app.MapGrpcService<GreeterService>();
app.Run();

internal sealed class GreeterService : Greeter.GreeterBase
{
    public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Message = "Hello " + request.Name });
}

internal sealed class PassThrough : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        await continuation(request, context);
}

internal sealed class TimingMiddleware(RequestDelegate next)
{
    public static long Calls;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString() == "0"
            && Stopwatch.GetElapsedTime(started) >= TimeSpan.Zero)
            Interlocked.Increment(ref Calls);
    }
}
