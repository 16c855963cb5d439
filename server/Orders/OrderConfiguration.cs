using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.HasKey(o => o.Id);
        order.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Team>().WithMany().HasForeignKey(o => o.OwningTeamId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Officer>().WithMany().HasForeignKey(o => o.LeadOfficerId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Officer>().WithMany().HasForeignKey(o => o.ServedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        order.Property(o => o.Court).HasMaxLength(200);
        order.Property(o => o.CaseReference).HasMaxLength(100);
        order.Property(o => o.ServedWhere).HasMaxLength(500);
        order.Property(o => o.DischargeReason).HasMaxLength(2000);
        order.Property(o => o.VictimDetails).HasMaxLength(20_000);
        order.Property(o => o.SourceRequestId).HasMaxLength(200);
        order.Property(o => o.RecordedBy).HasMaxLength(100);
        order.HasIndex(o => o.SourceRequestId).IsUnique();
        order.HasIndex(o => o.PersonId);
        order.HasIndex(o => new { o.LeadOfficerId, o.Status });
        order.HasIndex(o => new { o.OwningTeamId, o.Status });
        order.HasIndex(o => new { o.Status, o.EndsOn });

        order.HasMany(o => o.Conditions).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Variations).WithOne().HasForeignKey(v => v.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.Ignore(o => o.IsLive);
    }
}

internal sealed class OrderVariationConfiguration : IEntityTypeConfiguration<OrderVariation>
{
    public void Configure(EntityTypeBuilder<OrderVariation> variation)
    {
        variation.ToTable("OrderVariations");
        variation.HasKey(v => v.Id);
        variation.Property(v => v.RecordedBy).HasMaxLength(100);
        variation.Property(v => v.Court).HasMaxLength(200);
        variation.Property(v => v.Summary).HasMaxLength(20_000);
    }
}

/// <summary>All condition kinds share one table, told apart by <see cref="Condition.Kind"/>.</summary>
internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> condition)
    {
        condition.ToTable("Conditions");
        condition.HasKey(c => c.Id);
        condition.Property(c => c.Wording).HasMaxLength(4000);
        condition.Ignore(c => c.IsInForce);
        condition.HasDiscriminator(c => c.Kind)
            .HasValue<ExclusionZoneCondition>(ConditionKind.ExclusionZone)
            .HasValue<CurfewCondition>(ConditionKind.Curfew)
            .HasValue<NonAssociationCondition>(ConditionKind.NonAssociation)
            .HasValue<TravelCondition>(ConditionKind.Travel)
            .HasValue<FinancialReportingCondition>(ConditionKind.FinancialReporting)
            .HasValue<DevicesCondition>(ConditionKind.Devices)
            .HasValue<ResidenceNotificationCondition>(ConditionKind.ResidenceNotification)
            .HasValue<OtherCondition>(ConditionKind.Other);
        condition.HasIndex(c => c.OrderId);
    }
}

internal sealed class ExclusionZoneConfiguration : IEntityTypeConfiguration<ExclusionZoneCondition>
{
    public void Configure(EntityTypeBuilder<ExclusionZoneCondition> zone)
    {
        zone.Property(z => z.ZoneName).HasMaxLength(200);
        // Curfews have windows too; each kind keeps its own column.
        zone.Property(z => z.Windows).HasColumnName("ZoneWindows").HasJsonConversion();
        zone.HasMany(z => z.Areas).WithOne().HasForeignKey(a => a.ConditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExclusionZoneAreaConfiguration : IEntityTypeConfiguration<ExclusionZoneArea>
{
    public void Configure(EntityTypeBuilder<ExclusionZoneArea> link)
    {
        link.ToTable("ExclusionZoneAreas");
        link.HasKey(l => new { l.ConditionId, l.AreaCode });
        link.Property(l => l.AreaCode).HasMaxLength(20);
        link.HasIndex(l => l.AreaCode);
    }
}

internal sealed class CurfewConfiguration : IEntityTypeConfiguration<CurfewCondition>
{
    public void Configure(EntityTypeBuilder<CurfewCondition> curfew)
    {
        curfew.Property(c => c.Windows).HasColumnName("CurfewWindows").HasJsonConversion();
        curfew.Property(c => c.AddressText).HasMaxLength(500);
        curfew.Property(c => c.Latitude).HasColumnName("CurfewLatitude");
        curfew.Property(c => c.Longitude).HasColumnName("CurfewLongitude");
    }
}

internal sealed class NonAssociationConfiguration : IEntityTypeConfiguration<NonAssociationCondition>
{
    public void Configure(EntityTypeBuilder<NonAssociationCondition> condition) =>
        condition.Property(c => c.Associates).HasJsonConversion();
}

internal sealed class FinancialReportingConfiguration : IEntityTypeConfiguration<FinancialReportingCondition>
{
    public void Configure(EntityTypeBuilder<FinancialReportingCondition> condition)
    {
        condition.Property(c => c.WhatToReport).HasMaxLength(2000);
        condition.Property(c => c.IntervalMonths).HasColumnName("ReportIntervalMonths");
    }
}
