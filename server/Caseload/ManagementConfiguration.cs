using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Caseload;

internal sealed class ManagementConfiguration : IEntityTypeConfiguration<Management>
{
    public void Configure(EntityTypeBuilder<Management> management)
    {
        management.ToTable("Managements");
        management.HasKey(m => m.Id);
        management.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        management.HasOne<Team>().WithMany().HasForeignKey(m => m.OwningTeamId).OnDelete(DeleteBehavior.Restrict);
        management.HasOne<Officer>().WithMany().HasForeignKey(m => m.ResponsibleOfficerId).OnDelete(DeleteBehavior.Restrict);
        management.Property(m => m.EndReason).HasMaxLength(500);
        management.Property(m => m.OcgReference).HasMaxLength(50);
        management.Property(m => m.RiskAssessment).HasMaxLength(20_000);
        management.HasIndex(m => new { m.ResponsibleOfficerId, m.Status });
        management.HasIndex(m => new { m.OwningTeamId, m.Status });
        management.HasIndex(m => m.PersonId);
        // The reports (issue 19): the workload report reads each team's cases open at a month
        // end, and the IOM flow report a scheme's entries and exits by date, from these alone
        // (covering indexes: the wide rows, with their risk narrative, are not read).
        management.HasIndex(m => new { m.OwningTeamId, m.StartedOn, m.EndedOn });
        management.HasIndex(m => new { m.Scheme, m.StartedOn, m.EndedOn, m.PersonId });
        // One active management per person and scheme, held by the database as well as the
        // enrolment check, so two instances enrolling the same person at once cannot both win:
        // the loser's insert is a unique violation, answered ALREADY_EXISTS. The filter is plain
        // SQL both engines read alike (Status is stored as its number; Active = 1).
        management.HasIndex(m => new { m.PersonId, m.Scheme })
            .IsUnique()
            .HasFilter($"\"Status\" = {(int)ManagementStatus.Active}")
            .HasDatabaseName("IX_Managements_OneActivePerPersonAndScheme");
        management.Ignore(m => m.IsActive);
        management.Ignore(m => m.IsOrphaned);
        management.Ignore(m => m.IsReactive);
        management.Property(m => m.ReactiveApprovedBy).HasMaxLength(100);
        management.Property(m => m.ReactiveReason).HasMaxLength(2000);

        management.OwnsOne(m => m.Notification, n =>
        {
            n.Property(x => x.ConvictionDate).HasColumnName("NotificationConvictionDate").IsRequired();
            n.Property(x => x.Disposal).HasColumnName("NotificationDisposal");
            n.Property(x => x.SentenceMonths).HasColumnName("NotificationSentenceMonths");
            n.Property(x => x.AgeAtConviction).HasColumnName("NotificationAgeAtConviction");
            n.Property(x => x.PeriodEndsOn).HasColumnName("NotificationPeriodEndsOn");
            n.Property(x => x.LastNotifiedOn).HasColumnName("NotificationLastNotifiedOn");
        });

        management.HasMany(m => m.Assignments).WithOne().HasForeignKey(a => a.ManagementId).OnDelete(DeleteBehavior.Cascade);
        management.HasMany(m => m.RiskChanges).WithOne().HasForeignKey(r => r.ManagementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManagementAssignmentConfiguration : IEntityTypeConfiguration<ManagementAssignment>
{
    public void Configure(EntityTypeBuilder<ManagementAssignment> assignment)
    {
        assignment.ToTable("ManagementAssignments");
        assignment.HasKey(a => a.Id);
        assignment.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        assignment.Property(a => a.Note).HasMaxLength(2000);
        assignment.Property(a => a.AssignedBy).HasMaxLength(100);
        assignment.HasIndex(a => new { a.OfficerId, a.From });
    }
}

internal sealed class ManagementRiskChangeConfiguration : IEntityTypeConfiguration<ManagementRiskChange>
{
    public void Configure(EntityTypeBuilder<ManagementRiskChange> change)
    {
        change.ToTable("ManagementRiskChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.ChangedBy).HasMaxLength(100);
        change.Property(c => c.Reason).HasMaxLength(2000);
    }
}

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> note)
    {
        note.ToTable("ContactNotes");
        note.HasKey(n => n.Id);
        note.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        note.HasOne<Management>().WithMany().HasForeignKey(n => n.ManagementId).OnDelete(DeleteBehavior.Restrict);
        note.HasOne<Officer>().WithMany().HasForeignKey(n => n.OfficerId).OnDelete(DeleteBehavior.Restrict);
        note.Property(n => n.RecordedBy).HasMaxLength(100);
        note.Property(n => n.Text).HasMaxLength(20_000);
        note.HasIndex(n => new { n.PersonId, n.At });
    }
}
