using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Compliance;

internal sealed class ComplianceCheckConfiguration : IEntityTypeConfiguration<ComplianceCheck>
{
    public void Configure(EntityTypeBuilder<ComplianceCheck> check)
    {
        check.ToTable("ComplianceChecks");
        check.HasKey(c => c.Id);
        check.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        check.HasOne<Management>().WithMany().HasForeignKey(c => c.ManagementId).OnDelete(DeleteBehavior.Restrict);
        check.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        check.HasOne<Condition>().WithMany().HasForeignKey(c => c.ConditionId).OnDelete(DeleteBehavior.Restrict);
        check.HasOne<Officer>().WithMany().HasForeignKey(c => c.CompletedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        check.Property(c => c.Notes).HasMaxLength(20_000);
        check.Property(c => c.CancelledReason).HasMaxLength(500);
        check.HasIndex(c => new { c.Status, c.DueOn });
        check.HasIndex(c => new { c.PersonId, c.DueOn });
        check.HasIndex(c => new { c.ManagementId, c.Status });
        check.HasIndex(c => new { c.OrderId, c.Status });
    }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> breach)
    {
        breach.ToTable("Breaches");
        breach.HasKey(b => b.Id);
        breach.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        breach.HasOne<Order>().WithMany().HasForeignKey(b => b.OrderId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        breach.HasOne<Condition>().WithMany().HasForeignKey(b => b.ConditionId).OnDelete(DeleteBehavior.Restrict);
        breach.HasOne<ComplianceCheck>().WithMany().HasForeignKey(b => b.CheckId).OnDelete(DeleteBehavior.Restrict);
        breach.HasOne<Officer>().WithMany().HasForeignKey(b => b.RecordedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        breach.Property(b => b.Location).HasMaxLength(500);
        breach.Property(b => b.Details).HasMaxLength(20_000);
        breach.Property(b => b.RecordedBy).HasMaxLength(100);
        breach.HasIndex(b => new { b.OrderId, b.Status });
        breach.HasIndex(b => new { b.PersonId, b.OccurredAt });
        breach.Ignore(b => b.IsOpen);
        breach.HasMany(b => b.History).WithOne().HasForeignKey(h => h.BreachId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreachStatusChangeConfiguration : IEntityTypeConfiguration<BreachStatusChange>
{
    public void Configure(EntityTypeBuilder<BreachStatusChange> change)
    {
        change.ToTable("BreachStatusChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.ChangedBy).HasMaxLength(100);
        change.Property(c => c.Note).HasMaxLength(2000);
    }
}
