using OffenderMgmt.Server.Access;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Mappa;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Reports;
using OffenderMgmt.Server.Retention;
using OffenderMgmt.Server.Risk;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

/// <summary>The gRPC services the server answers, with health and reflection.</summary>
public static class EndpointRegistration
{
    public static WebApplication MapOffenderMgmt(this WebApplication app)
    {
        // A bearer token is validated when one is sent; whether a call needs one, and which role,
        // is decided per RPC by the call pipeline (Grpc/Pipeline, Security/RpcAccessPolicy).
        app.UseOffenderMgmtTelemetry();
        app.UseOffenderMgmtAuthentication();
        app.MapGrpcService<AuthService>();
        app.MapGrpcService<PeopleService>();
        app.MapGrpcService<AreasService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<OrdersService>();
        app.MapGrpcService<ComplianceService>();
        app.MapGrpcService<CaseloadService>();
        app.MapGrpcService<AlertsService>();
        app.MapGrpcService<RiskService>();
        app.MapGrpcService<MappaService>();
        app.MapGrpcService<AccessService>();
        app.MapGrpcService<ReportsService>();
        app.MapGrpcService<RetentionService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
