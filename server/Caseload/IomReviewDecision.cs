using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Caseload;

/// <summary>What the weekly IOM review meeting decided about one cohort member, and who does what next.</summary>
public sealed class IomReviewDecision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ManagementId { get; set; }
    public DateOnly MeetingOn { get; set; }
    public string Decision { get; set; } = "";
    public List<IomAction> Actions { get; set; } = [];
    public bool ProposeDeselection { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An action agreed at the meeting, owned by the police or a partner agency.</summary>
public sealed record IomAction(string Action, string PartnerAgency, string Owner, DateOnly? DueOn);

internal sealed class IomReviewDecisionConfiguration : IEntityTypeConfiguration<IomReviewDecision>
{
    public void Configure(EntityTypeBuilder<IomReviewDecision> decision)
    {
        decision.ToTable("IomReviewDecisions");
        decision.HasKey(d => d.Id);
        decision.HasOne<Management>().WithMany().HasForeignKey(d => d.ManagementId).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => new { d.ManagementId, d.MeetingOn }).IsUnique();
        decision.HasIndex(d => d.MeetingOn);
        decision.Property(d => d.Decision).HasMaxLength(4000);
        decision.Property(d => d.DecidedBy).HasMaxLength(100);
        decision.Property(d => d.Actions).HasJsonConversion();
    }
}
