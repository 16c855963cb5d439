using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Idempotency;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Sightings;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Persistence;

/// <summary>
/// The OffenderMgmt database. The model is provider-neutral (SQLite by default, PostgreSQL for
/// larger deployments); each aggregate's mapping lives beside it in its feature folder.
/// </summary>
public sealed class OffenderMgmtDb(DbContextOptions<OffenderMgmtDb> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonNameKey> PersonNameKeys => Set<PersonNameKey>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Management> Managements => Set<Management>();
    public DbSet<ManagementAssignment> ManagementAssignments => Set<ManagementAssignment>();
    public DbSet<ManagementRiskChange> ManagementRiskChanges => Set<ManagementRiskChange>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Condition> Conditions => Set<Condition>();
    public DbSet<ExclusionZoneArea> ExclusionZoneAreas => Set<ExclusionZoneArea>();
    public DbSet<OrderVariation> OrderVariations => Set<OrderVariation>();
    public DbSet<OrderAssignment> OrderAssignments => Set<OrderAssignment>();
    public DbSet<IomReviewDecision> IomReviewDecisions => Set<IomReviewDecision>();
    public DbSet<ComplianceCheck> ComplianceChecks => Set<ComplianceCheck>();
    public DbSet<Breach> Breaches => Set<Breach>();
    public DbSet<OffenderNotification> OffenderNotifications => Set<OffenderNotification>();
    public DbSet<CustodyRelease> CustodyReleases => Set<CustodyRelease>();
    public DbSet<BreachStatusChange> BreachStatusChanges => Set<BreachStatusChange>();
    public DbSet<Sighting> Sightings => Set<Sighting>();
    public DbSet<Identification.PersonIdentifier> PersonIdentifiers => Set<Identification.PersonIdentifier>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditRecordRef> AuditRecordRefs => Set<AuditRecordRef>();
    public DbSet<AuditRecordSet> AuditRecordSets => Set<AuditRecordSet>();
    public DbSet<Alerts.AlertEvent> AlertEvents => Set<Alerts.AlertEvent>();
    public DbSet<Changes.ChangeLogEntry> ChangeLog => Set<Changes.ChangeLogEntry>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Security.RateCounter> RateCounters => Set<Security.RateCounter>();
    public DbSet<Hosting.JobLease> JobLeases => Set<Hosting.JobLease>();
    public DbSet<Risk.RiskAssessment> RiskAssessments => Set<Risk.RiskAssessment>();
    public DbSet<Risk.RiskPlan> RiskPlans => Set<Risk.RiskPlan>();
    public DbSet<Risk.PlanAction> PlanActions => Set<Risk.PlanAction>();
    public DbSet<Mappa.MappaReferral> MappaReferrals => Set<Mappa.MappaReferral>();
    public DbSet<Mappa.MappaMeeting> MappaMeetings => Set<Mappa.MappaMeeting>();
    public DbSet<Mappa.MappaMeetingCase> MappaMeetingCases => Set<Mappa.MappaMeetingCase>();
    public DbSet<Mappa.MappaAction> MappaActions => Set<Mappa.MappaAction>();
    public DbSet<Mappa.PartnerAgencyAccount> PartnerAgencyAccounts => Set<Mappa.PartnerAgencyAccount>();
    public DbSet<Photos.PersonPhoto> PersonPhotos => Set<Photos.PersonPhoto>();
    public DbSet<Photos.PhotoContent> PhotoContents => Set<Photos.PhotoContent>();
    public DbSet<Access.AnalystGrant> AnalystGrants => Set<Access.AnalystGrant>();
    public DbSet<Retention.RetentionReview> RetentionReviews => Set<Retention.RetentionReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OffenderMgmtDb).Assembly);

        // Guid keys are made by the application (Guid v7 or the demo's seeded ones), never by the
        // database. Saying so lets EF insert a new child found through a navigation (a condition
        // added to a loaded order) instead of taking it for an existing row.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned())
                     .Select(e => e.FindPrimaryKey()).Where(k => k is { Properties: [{ ClrType: var type }] } && type == typeof(Guid)))
        {
            key!.Properties[0].ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type and cannot compare DateTimeOffset text in queries;
        // stored as UTC ticks they order and compare correctly. Other providers keep their
        // native type. All instants are UTC throughout, so nothing is lost.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>
    /// Marks an aggregate as changed when only its children changed (a condition added to an
    /// order), so its version moves on and a stale edit of it is caught.
    /// </summary>
    public void Touch(IVersioned root)
    {
        var entry = Entry(root);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var auto = PrepareToSave();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var auto = PrepareToSave();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>
    /// Detects changes once, then works from that: scanning thousands of tracked entries again
    /// for each look (versions, audit guard, commit signals, the save itself) made a large save
    /// several times slower.
    /// </summary>
    private bool PrepareToSave()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        BumpVersions();
        return auto;
    }

    /// <summary>
    /// New versioned records start at version 1; an edited one moves on by one. A change to a
    /// record's owned parts (a person's address or aliases) is a change to the record.
    /// </summary>
    private void BumpVersions()
    {
        // The audit log is append-only: the application never alters or removes an entry.
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only.");

        var edited = new HashSet<IVersioned>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var root = entry;
            while (root is not null && root.Metadata.IsOwned()) root = OwnerOf(root);
            if (root?.Entity is not IVersioned versioned) continue;
            if (root.State == EntityState.Added) { if (versioned.Version == 0) versioned.Version = 1; }
            else if (root.State != EntityState.Deleted) edited.Add(versioned);
        }
        // Through the entry, so the change counts without another scan for changes.
        foreach (var versioned in edited)
        {
            var version = Entry(versioned).Property(nameof(IVersioned.Version));
            version.CurrentValue = versioned.Version + 1;
            version.IsModified = true;
        }
    }

    private EntityEntry? OwnerOf(EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership();
        if (ownership is null) return null;
        var key = ownership.Properties
            .Select(p => owned.State == EntityState.Deleted ? owned.Property(p.Name).OriginalValue : owned.Property(p.Name).CurrentValue)
            .ToArray();
        if (key.Any(k => k is null)) return null;
        var owner = Find(ownership.PrincipalEntityType.ClrType, key);
        return owner is null ? null : Entry(owner);
    }
}
