using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Grpc;
using OffenderMgmt.Server.Grpc.Pipeline;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>
/// A server that notes, for each request, whether ASP.NET Core made an Activity for it (before
/// any of the server's own middleware runs), and counts the requests the JWT bearer handler sees.
/// </summary>
public sealed class ActivityNotingServerFactory : ServerFactory
{
    private int _bearerHandlerRuns;

    public List<bool> RequestsWithAnActivity { get; } = [];

    public int BearerHandlerRuns => Volatile.Read(ref _bearerHandlerRuns);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new NoteActivities(this));
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = _ =>
                {
                    Interlocked.Increment(ref _bearerHandlerRuns);
                    return Task.CompletedTask;
                },
            });
        });
    }

    private sealed class NoteActivities(ActivityNotingServerFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                lock (factory.RequestsWithAnActivity) factory.RequestsWithAnActivity.Add(Activity.Current is not null);
                await rest(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// What the host does per call beyond the Greeter's, cut where it earned nothing
/// (docs/benchmarks.md, "What the host costs"): no Activity per request unless tracing listens
/// (TelemetryTests: with OTLP configured every call is still a server span), and the call
/// pipeline's parts in their order with error mapping outermost.
/// </summary>
public sealed class HostPerCallTests(ActivityNotingServerFactory server) : IClassFixture<ActivityNotingServerFactory>
{
    [Fact]
    public async Task Without_tracing_configured_no_activity_is_made_for_a_call()
    {
        await new Health.HealthClient(server.Channel()).CheckAsync(new HealthCheckRequest());
        if (!await server.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.UserAccounts, a => a.Username == "host.officer")))
            await server.CreateAccountAsync("host.officer", Server.Security.Role.LocalOfficer);
        var auth = new Auth.AuthClient(await server.As("host.officer", "briefing"));
        // Twice: the second call signs in from the remembered token, the first through the JWT bearer handler.
        await auth.WhoAmIAsync(new WhoAmIRequest());
        await auth.WhoAmIAsync(new WhoAmIRequest());

        lock (server.RequestsWithAnActivity)
        {
            Assert.NotEmpty(server.RequestsWithAnActivity);
            Assert.DoesNotContain(true, server.RequestsWithAnActivity);
        }
    }

    [Fact]
    public async Task A_repeat_local_token_signs_in_without_the_jwt_bearer_handler_and_a_new_one_goes_through_it()
    {
        if (!await server.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.UserAccounts, a => a.Username == "host.analyst")))
            await server.CreateAccountAsync("host.analyst", Server.Security.Role.Analyst);
        var auth = new Auth.AuthClient(await server.As("host.analyst", "briefing"));
        // Signing in validated the new token once; the first call may find it remembered already.
        await auth.WhoAmIAsync(new WhoAmIRequest());
        var before = server.BearerHandlerRuns;

        for (var i = 0; i < 3; i++) Assert.Equal("host.analyst", (await auth.WhoAmIAsync(new WhoAmIRequest())).Username);
        Assert.Equal(before, server.BearerHandlerRuns);
        // A token this server has not validated goes through the handler, and is refused.
        var stranger = new Auth.AuthClient(server.WithHeaders(("authorization", "Bearer not.a.token"), ("x-access-purpose", "briefing")));
        await RpcAssert.Fails(Grpc.Core.StatusCode.Unauthenticated, () => stranger.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal(before + 1, server.BearerHandlerRuns);
    }

    [Fact]
    public void Error_mapping_is_outermost_then_audit_then_the_admission_parts_in_order_then_the_unit_of_work()
    {
        var interceptors = server.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors.Select(i => i.Type);
        Assert.Equal([typeof(ErrorMappingInterceptor), typeof(AuditInterceptor), typeof(Admission), typeof(UnitOfWorkInterceptor)], interceptors);
        var parts = server.Services.GetRequiredService<Admission>().Parts.Select(p => p.GetType());
        Assert.Equal([typeof(IdentityInterceptor), typeof(RequestBodyInterceptor), typeof(AccessPolicyInterceptor), typeof(PurposeInterceptor), typeof(RateLimitInterceptor)], parts);
    }
}
