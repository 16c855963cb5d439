using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Identification;

internal sealed class PersonDeviceConfiguration : IEntityTypeConfiguration<PersonDevice>
{
    public void Configure(EntityTypeBuilder<PersonDevice> device)
    {
        device.Property(d => d.Type).HasColumnName("DeviceType");
        device.Property(d => d.PhoneNumber).HasMaxLength(20);
        device.Property(d => d.Imei).HasMaxLength(Imei.Length);
        device.Ignore(d => d.IsRegistered);
        device.HasOne<Condition>().WithMany().HasForeignKey(d => d.RegisteredConditionId).OnDelete(DeleteBehavior.Restrict);
        device.HasOne<ComplianceCheck>().WithMany().HasForeignKey(d => d.FoundAtCheckId).OnDelete(DeleteBehavior.Restrict);
        device.HasIndex(d => d.Imei);
        device.HasIndex(d => d.PhoneNumber);
    }
}
