using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// Makes sure the demo database holds the demo force: builds it on an empty database, reuses
/// it on later starts, and rebuilds it when it was made by an older generator or another seed
/// (demo data is disposable; real data is never touched: a database with records that the
/// demo did not make is refused).
/// </summary>
public sealed partial class DemoSeeder(
    OffenderMgmtDb db, AreaImporter importer, AccountService accounts, IOptions<DemoOptions> options, ForceClock clock, ILogger<DemoSeeder> logger)
{
    /// <summary>Bump when the generator changes what it builds, so old demo databases are rebuilt.</summary>
    public const string GeneratorVersion = "7";
    private const string MarkerKey = "demo.generator";

    public static string BoundaryFile => Path.Combine(AppContext.BaseDirectory, "Data", "bedfordshire-wards.geojson");

    public async Task EnsureAsync(int seed, CancellationToken cancellationToken)
    {
        var wanted = $"version {GeneratorVersion}, seed {seed}";
        var marker = await db.SystemSettings.FindAsync([MarkerKey], cancellationToken);
        if (marker?.Value == wanted)
        {
            LogReused(wanted);
            return;
        }
        if (marker is null && await db.People.AnyAsync(cancellationToken))
            throw new InvalidOperationException(
                "This database holds records the demo did not create; refusing to put demo data in it. Use an empty data directory (--data-dir) for the demo.");
        if (marker is not null)
        {
            LogRebuilding(marker.Value, wanted);
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();  // real elapsed time, not the force's clock
        var force = await db.InTransactionAsync(async () =>
        {
            await using (var boundaries = File.OpenRead(BoundaryFile))
                await importer.ImportAsync(boundaries, new AreaPropertyNames(), cancellationToken);
            var force = DemoForceBuilder.Build(seed, clock.Today, clock.Now, importer.Index);
            await SaveAsync(force, cancellationToken);
            await DemoRiskAndMappa.SaveAsync(db, force, seed, clock, cancellationToken);
            await DemoPortraits.SaveAsync(db, force, seed, clock.Now, cancellationToken);
            await CreateAccountsAsync(force.Cast, cancellationToken);
            db.SystemSettings.Add(new SystemSetting { Key = MarkerKey, Value = wanted });
            await db.SaveChangesAsync(cancellationToken);
            return force;
        }, cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        LogBuilt(force.People.Count, force.Officers.Count, force.Managements.Count, seconds);
    }

    private async Task SaveAsync(DemoForce force, CancellationToken cancellationToken)
    {
        db.Teams.AddRange(force.Teams);
        db.Officers.AddRange(force.Officers);
        db.People.AddRange(force.People);
        db.Managements.AddRange(force.Managements);
        db.Orders.AddRange(force.Orders);
        await db.SaveChangesAsync(cancellationToken);
        db.ComplianceChecks.AddRange(force.Checks);
        db.Breaches.AddRange(force.Breaches);
        db.Tasks.AddRange(force.Tasks);
        db.ContactNotes.AddRange(force.Contacts);
        db.IomReviewDecisions.AddRange(force.IomDecisions);
        db.OffenderNotifications.AddRange(force.Notifications);
        db.CustodyReleases.AddRange(force.CustodyReleases);
        db.PersonIdentifiers.AddRange(force.Identifiers);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo sign-in accounts, one per role, and two systems with the scopes of their jobs
    /// (a court, a custody suite); README.md lists them. demo.service is the case system that
    /// feeds the demo force: it writes everything a feed writes, and reads only the orders it
    /// recorded and people matched by PNC ID.
    /// </summary>
    public static IReadOnlyList<(string Username, Role Role, Func<DemoCast, Guid?> Officer, string Scopes)> Accounts { get; } =
    [
        ("demo.manager", Role.OffenderManager, c => c.VsomtManagers[0].Id, ""),
        ("demo.supervisor", Role.Supervisor, c => c.VsomtSupervisor.Id, ""),
        ("demo.officer", Role.LocalOfficer, c => c.LutonLocalOfficer.Id, ""),
        ("demo.analyst", Role.Analyst, c => c.Analyst.Id, ""),
        ("demo.partner", Role.PartnerAgency, _ => null, ""),
        ("demo.service", Role.Service, _ => null,
            "orders:write orders:read-own people:match people:write releases:write charges:write caseload:write breaches:write sightings:write zones:read risk:write mappa:write photos:write identifiers:write identifiers:read-own"),
        ("demo.court", Role.Service, _ => null, "orders:write orders:read-own people:match"),
        ("demo.custody", Role.Service, _ => null, "people:match releases:write"),
        ("demo.admin", Role.Admin, _ => null, ""),
    ];

    private async Task CreateAccountsAsync(DemoCast cast, CancellationToken cancellationToken)
    {
        foreach (var (username, role, officer, scopes) in Accounts)
            await accounts.CreateAsync(username, role == Role.Service ? $"Demo {username[5..]} system" : $"Demo {role.ToClaim().Replace('-', ' ')}", role, officer(cast), options.Value.Password, cancellationToken, scopes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the demo force already in the database ({Marker})")]
    private partial void LogReused(string marker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo database was built by {Old}; rebuilding it with {New}")]
    private partial void LogRebuilding(string old, string @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the demo force: {People} people, {Officers} officers, {Managements} managements in {Seconds:F1} s")]
    private partial void LogBuilt(int people, int officers, int managements, double seconds);
}
