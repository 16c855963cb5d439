using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Caseload;

namespace OffenderMgmt.Server.Risk;

internal sealed class RiskPlanConfiguration : IEntityTypeConfiguration<RiskPlan>
{
    public void Configure(EntityTypeBuilder<RiskPlan> plan)
    {
        plan.ToTable("RiskPlans");
        plan.HasKey(p => p.Id);
        plan.HasOne<Management>().WithMany().HasForeignKey(p => p.ManagementId).OnDelete(DeleteBehavior.Restrict);
        plan.HasOne<RiskAssessment>().WithMany().HasForeignKey(p => p.BasedOnAssessmentId).OnDelete(DeleteBehavior.Restrict);
        foreach (var text in new[] { nameof(RiskPlan.Supervision), nameof(RiskPlan.MonitoringAndControl), nameof(RiskPlan.Interventions), nameof(RiskPlan.VictimSafety) })
            plan.Property(text).HasMaxLength(8000);
        plan.Property(p => p.CreatedBy).HasMaxLength(100);
        plan.Property(p => p.ApprovedBy).HasMaxLength(100);
        plan.Property(p => p.ApprovalNote).HasMaxLength(2000);
        plan.HasIndex(p => new { p.ManagementId, p.Status });
        plan.HasIndex(p => p.PersonId);
        plan.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
