namespace OffenderMgmt.Tui.Gateway;

/// <summary>Every gateway over one connection: what a screen is given to talk to the server.</summary>
public sealed class Gateways(ServerConnection connection)
{
    public ServerConnection Connection { get; } = connection;
    public AuthGateway Auth { get; } = new(connection);
    public PeopleGateway People { get; } = new(connection);
    public PhotoGateway Photos { get; } = new(connection);
    public OrdersGateway Orders { get; } = new(connection);
    public ComplianceGateway Compliance { get; } = new(connection);
    public CaseloadGateway Caseload { get; } = new(connection);
    public AreaGateway Areas { get; } = new(connection);
    public AlertGateway Alerts { get; } = new(connection);
    public ServerStatusGateway Status { get; } = new(connection);
    public NotificationGateway Notifications { get; } = new(connection);
    public RiskGateway Risk { get; } = new(connection);
    public MappaGateway Mappa { get; } = new(connection);
    public AuditGateway Audit { get; } = new(connection);
    public AccessGateway Access { get; } = new(connection);
}
