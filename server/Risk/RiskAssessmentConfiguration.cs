using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Risk;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> assessment)
    {
        assessment.ToTable("RiskAssessments");
        assessment.HasKey(a => a.Id);
        assessment.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        assessment.Property(a => a.Assessor).HasMaxLength(200);
        assessment.Property(a => a.Narrative).HasMaxLength(20_000);
        assessment.Property(a => a.RecordedBy).HasMaxLength(100);
        assessment.HasIndex(a => new { a.PersonId, a.Tool, a.CompletedOn });
        assessment.HasIndex(a => a.NextReviewOn);
        assessment.OwnsOne(a => a.Result, r =>
        {
            r.Property(x => x.Category).HasColumnName("Rm2000Category");
            r.Property(x => x.ArmsRiskFactors).HasColumnName("ArmsRiskFactors").HasJsonConversion();
            r.Property(x => x.ArmsProtectiveFactors).HasColumnName("ArmsProtectiveFactors").HasJsonConversion();
            r.Property(x => x.ArmsLevel).HasColumnName("ArmsLevel");
            r.Property(x => x.RoshChildren).HasColumnName("RoshChildren");
            r.Property(x => x.RoshPublic).HasColumnName("RoshPublic");
            r.Property(x => x.RoshKnownAdult).HasColumnName("RoshKnownAdult");
            r.Property(x => x.RoshStaff).HasColumnName("RoshStaff");
            r.Property(x => x.DashLevel).HasColumnName("DashLevel");
            r.Property(x => x.DashYesAnswers).HasColumnName("DashYesAnswers");
            r.Property(x => x.ToolName).HasColumnName("OtherToolName").HasMaxLength(100);
            r.Property(x => x.OtherLevel).HasColumnName("OtherLevel");
        });
        assessment.Navigation(a => a.Result).IsRequired();
    }
}
