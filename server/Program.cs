using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Security;

if (AdminCommand.IsUnknownCommand(args)) return AdminCommand.Usage();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = CommandLine.Rewrite(AdminCommand.ServerArguments(args)),
    ContentRootPath = ContentRoot.Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
builder.Services.AddOffenderMgmt(builder.Configuration);
var app = builder.Build();

if (AdminCommand.IsAdminCommand(args))
    return await ConfigurationFailure.Guard(app.Services, () => AdminCommand.RunAsync(app.Services, args));

// Validates a bearer token when one is sent; whether a call needs one, and which role, is
// decided per RPC by the accountability interceptor (Security/RpcAccessPolicy).
app.UseOffenderMgmtTelemetry();
app.UseAuthentication();
app.MapGrpcService<AuthService>();
app.MapGrpcService<PeopleService>();
app.MapGrpcService<AreasService>();
app.MapGrpcService<AuditService>();
app.MapGrpcService<OrdersService>();
app.MapGrpcService<ComplianceService>();
app.MapGrpcService<CaseloadService>();
app.MapGrpcService<AlertsService>();
app.MapGrpcService<OffenderMgmt.Server.Risk.RiskService>();
app.MapGrpcService<OffenderMgmt.Server.Mappa.MappaService>();
app.MapGrpcService<OffenderMgmt.Server.Access.AccessService>();
app.MapGrpcService<OffenderMgmt.Server.Reports.ReportsService>();
app.MapGrpcService<OffenderMgmt.Server.Retention.RetentionService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
return await ConfigurationFailure.Guard(app.Services, async () => { await app.RunAsync(); return 0; });

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
