using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// One spell of an order with a lead (an officer, or the team's queue when OfficerId is null),
/// so who was responsible for an order on any day stays answerable after people move post.
/// </summary>
public sealed class OrderAssignment
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid? OfficerId { get; set; }
    public Guid TeamId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    public AssignmentReason Reason { get; set; }
    public string Note { get; set; } = "";
    public string AssignedBy { get; set; } = "";
}

internal sealed class OrderAssignmentConfiguration : IEntityTypeConfiguration<OrderAssignment>
{
    public void Configure(EntityTypeBuilder<OrderAssignment> assignment)
    {
        assignment.ToTable("OrderAssignments");
        assignment.HasKey(a => a.Id);
        assignment.HasOne<Order>().WithMany(o => o.Assignments).HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        assignment.Property(a => a.Note).HasMaxLength(2000);
        assignment.Property(a => a.AssignedBy).HasMaxLength(100);
        assignment.HasIndex(a => new { a.OfficerId, a.From });
    }
}
