using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Tasks;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> task)
    {
        task.ToTable("Tasks");
        task.HasKey(t => t.Id);
        task.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Officer>().WithMany().HasForeignKey(t => t.AssignedOfficerId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Team>().WithMany().HasForeignKey(t => t.AssignedTeamId).OnDelete(DeleteBehavior.Restrict);
        task.Property(t => t.Title).HasMaxLength(300);
        task.Property(t => t.Detail).HasMaxLength(4000);
        task.Property(t => t.ClosedBy).HasMaxLength(100);
        task.Property(t => t.SourceKey).HasMaxLength(300);
        task.HasIndex(t => t.SourceKey).IsUnique();
        task.HasIndex(t => new { t.AssignedOfficerId, t.Status });
        task.HasIndex(t => new { t.AssignedTeamId, t.Status });
        task.HasIndex(t => new { t.PersonId, t.Status });
    }
}
