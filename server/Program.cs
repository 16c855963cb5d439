using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.People;

var builder = WebApplication.CreateBuilder(CommandLine.Rewrite(args));
builder.Services.AddOffenderMgmt(builder.Configuration);

var app = builder.Build();
app.MapGrpcService<PeopleService>();
app.MapGrpcService<AreasService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
