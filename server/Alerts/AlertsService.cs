using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Alerts;

/// <summary>gRPC Alerts service.</summary>
public sealed class AlertsService : V1.Alerts.AlertsBase;
