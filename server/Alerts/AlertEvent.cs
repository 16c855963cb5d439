using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OffenderMgmt.Server.Alerts;

/// <summary>
/// Something a watcher of an area or an officer should hear about at once. Written in the same
/// transaction as what it reports. Its id is taken when it is written, before commit, so two
/// transactions can commit their alerts out of id order; <see cref="ChangePosition"/>, the
/// position of its transaction's change-log row (commit-ordered, stamped as it commits), is the
/// order watchers read in, so a watcher that reconnects with the last id it saw misses nothing.
/// </summary>
public sealed class AlertEvent
{
    public long Id { get; set; }
    /// <summary>Its transaction's change-log position (0 for alerts written before there was a change log).</summary>
    public long ChangePosition { get; set; }
    public DateTimeOffset At { get; set; }
    public AlertKind Kind { get; set; }
    public string? AreaCode { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? OfficerId { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? BreachId { get; set; }
    public string Summary { get; set; } = "";
}

public enum AlertKind { SuspectedBreach = 1, OrderServed = 2, ReleaseIntoArea = 3 }

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> alert)
    {
        alert.ToTable("AlertEvents");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.AreaCode).HasMaxLength(20);
        alert.Property(a => a.Summary).HasMaxLength(1000);
        alert.HasIndex(a => new { a.AreaCode, a.ChangePosition, a.Id });
        alert.HasIndex(a => new { a.OfficerId, a.ChangePosition, a.Id });
    }
}
