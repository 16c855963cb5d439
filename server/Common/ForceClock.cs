namespace OffenderMgmt.Server.Common;

/// <summary>
/// The force's idea of now: instants from the injected <see cref="TimeProvider"/>, and calendar
/// dates and clock times in the force's time zone (Europe/London by default), because due
/// dates, curfews and "today" are what an officer's wall clock says, summer time included.
/// </summary>
public sealed class ForceClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeProvider Time { get; } = time;
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => Time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(Now).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant (in UTC) a local date and time happened (the earlier one in the autumn overlap).</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);  // spring gap: the clock jumps over it
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        // In UTC, like every instant the server stores or sends: PostgreSQL (Npgsql) refuses an
        // instant with any other offset as a timestamptz parameter.
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
