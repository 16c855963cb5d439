using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Demo;

/// <summary>Everything the demo generator made, before it is saved.</summary>
public sealed class DemoForce
{
    public List<Team> Teams { get; } = [];
    public List<Officer> Officers { get; } = [];
    public List<Person> People { get; } = [];
    public List<Management> Managements { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<ComplianceCheck> Checks { get; } = [];
    public List<Breach> Breaches { get; } = [];
    public List<WorkTask> Tasks { get; } = [];
    public List<ContactNote> Contacts { get; } = [];
    public List<IomReviewDecision> IomDecisions { get; } = [];
    public List<OffenderNotification> Notifications { get; } = [];
    public List<CustodyRelease> CustodyReleases { get; } = [];
    /// <summary>Marks, vehicles and registered phones (issue 18).</summary>
    public List<Identification.PersonIdentifier> Identifiers { get; } = [];
    /// <summary>People whose notification checks <see cref="DemoNotifications"/> plans from their own notifications.</summary>
    public HashSet<Guid> SpecialNotificationCases { get; } = [];

    /// <summary>Well-known demo records (for accounts, README examples and tests).</summary>
    public DemoCast Cast { get; } = new();
}

/// <summary>The demo's named parts: who signs in as each role, the leaver, the teams.</summary>
public sealed class DemoCast
{
    public Team IomTeam { get; set; } = null!;
    public Team VsomtTeam { get; set; } = null!;
    public Team SocTeam { get; set; } = null!;
    public Dictionary<string, Team> LocalTeams { get; } = [];
    public Officer VsomtSupervisor { get; set; } = null!;
    public Officer IomSupervisor { get; set; } = null!;
    public List<Officer> VsomtManagers { get; } = [];
    public List<Officer> IomManagers { get; } = [];
    public List<Officer> SocOfficers { get; } = [];
    public Officer Leaver { get; set; } = null!;
    public Officer Unaccredited { get; set; } = null!;
    public Officer LutonLocalOfficer { get; set; } = null!;
    public Officer Analyst { get; set; } = null!;
    // Who shows each notification rule (DemoNotifications).
    public Guid NoFixedAbode { get; set; }
    public Guid Traveller { get; set; }
    public Guid LateChangeOfAddress { get; set; }
    public Guid ReleasedLastWeek { get; set; }
    public Guid YouthWithCbo { get; set; }
}
