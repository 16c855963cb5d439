using Google.Protobuf.WellKnownTypes;

namespace OffenderMgmt.Server.Common;

/// <summary>
/// The one way into the domain for the instants (google.protobuf.Timestamp) and calendar dates
/// ("YYYY-MM-DD") the API accepts. A Timestamp outside what the protobuf spec allows (nanos
/// outside 0..999,999,999, seconds outside 0001-01-01..9999-12-31) or a value outside the
/// plausible bounds of what it means is refused as INVALID_ARGUMENT naming the field, never
/// converted into an exception the caller cannot act on. <see cref="Validator.Instant"/> and
/// <see cref="Validator.Date"/> call this; nothing else converts API times.
/// </summary>
public static class ApiTime
{
    /// <summary>The range google/protobuf/timestamp.proto allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</summary>
    public const long MinSeconds = -62_135_596_800;
    public const long MaxSeconds = 253_402_300_799;
    public const int MaxNanos = 999_999_999;

    /// <summary>Converts a Timestamp, or says why it cannot be (null when it converts).</summary>
    public static string? TryConvert(Timestamp value, out DateTimeOffset instant)
    {
        instant = default;
        if (value.Nanos is < 0 or > MaxNanos)
            return $"has nanos {value.Nanos}; a google.protobuf.Timestamp's nanos must be 0 to {MaxNanos}";
        if (value.Seconds is < MinSeconds or > MaxSeconds)
            return $"has seconds {value.Seconds}; a google.protobuf.Timestamp must be from 0001-01-01 to 9999-12-31";
        instant = value.ToDateTimeOffset();
        return null;
    }

    /// <summary>Whether an instant is inside its bounds (null when it is; else what is wrong).</summary>
    public static string? Check(DateTimeOffset instant, TimeBounds bounds, ForceClock clock)
    {
        var earliest = new DateTimeOffset(bounds.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (instant < earliest)
            return $"must not be before {IsoDate.Format(bounds.Earliest)} ({bounds.Meaning})";
        if (bounds.MaxAhead < DateTimeOffset.MaxValue - clock.Now && instant > clock.Now + bounds.MaxAhead)
            return bounds.MaxAhead <= TimeBounds.ClockSkew
                ? $"must not be in the future ({bounds.Meaning})"
                : $"must not be more than {Describe(bounds.MaxAhead)} ahead ({bounds.Meaning})";
        return null;
    }

    /// <summary>Whether a calendar date is inside its bounds (null when it is; else what is wrong).</summary>
    public static string? Check(DateOnly date, TimeBounds bounds, ForceClock clock)
    {
        if (date < bounds.Earliest)
            return $"must not be before {IsoDate.Format(bounds.Earliest)} ({bounds.Meaning})";
        var latest = LatestDate(bounds, clock);
        if (date > latest)
            return bounds.MaxAhead <= TimeBounds.ClockSkew
                ? $"must not be after today ({bounds.Meaning})"
                : $"must not be after {IsoDate.Format(latest)} ({bounds.Meaning})";
        return null;
    }

    /// <summary>The last date the bounds allow: today in the force plus the days they allow ahead.</summary>
    public static DateOnly LatestDate(TimeBounds bounds, ForceClock clock)
    {
        var today = clock.Today;
        var days = Math.Min(Math.Floor(bounds.MaxAhead.TotalDays), DateOnly.MaxValue.DayNumber - today.DayNumber);
        return today.AddDays((int)days);
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 365 ? $"{Math.Round(span.TotalDays / 365.25)} years"
        : span.TotalDays >= 1 ? $"{Math.Round(span.TotalDays)} days"
        : $"{Math.Round(span.TotalMinutes)} minutes";
}

/// <summary>
/// Plausible bounds for a time the API accepts: not before <see cref="Earliest"/>, and not more
/// than <see cref="MaxAhead"/> after now. The named sets below are the only ones; the README
/// lists them ("Dates and times the server accepts").
/// </summary>
public sealed record TimeBounds(DateOnly Earliest, TimeSpan MaxAhead, string Meaning)
{
    /// <summary>The slack allowed for a caller's clock running ahead of the server's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// No record this system holds starts before 1990: the orders it manages date from the
    /// Crime and Disorder Act 1998 (ASBOs, sex offender orders) onwards, and sex offender
    /// registration from the Sex Offenders Act 1997. An earlier date is a keying error.
    /// </summary>
    public static readonly DateOnly EarliestRecord = new(1990, 1, 1);

    /// <summary>Nobody alive and managed was born, or convicted, before 1900.</summary>
    public static readonly DateOnly EarliestLife = new(1900, 1, 1);

    /// <summary>
    /// Things that have happened: an order made, served, varied or discharged; a charge, a
    /// contact, a check outcome, a sighting, a breach; a management started or ended; a
    /// notification given. From 1990, and not in the future (a few minutes of clock skew).
    /// </summary>
    public static readonly TimeBounds Happened = new(EarliestRecord, ClockSkew, "it has already happened");

    /// <summary>A date of birth or of conviction: from 1900, and not in the future.</summary>
    public static readonly TimeBounds Life = new(EarliestLife, ClockSkew, "a date in someone's life");

    /// <summary>
    /// Dates that may lie ahead: an order's start or end, an expected release, an action's due
    /// date, an officer's leaving date, and the day a workload, review agenda or zone check is
    /// asked about. From 1990 to 100 years ahead (an indefinite order has no end date at all).
    /// </summary>
    public static readonly TimeBounds Planned = new(EarliestRecord, TimeSpan.FromDays(36_525), "a date in the life of a case");

    /// <summary>
    /// A search of the audit trail by time: any instant a Timestamp can hold, so "from the
    /// start" (0001-01-01, or the Unix epoch a default Timestamp holds) and "until the end" work.
    /// </summary>
    public static readonly TimeBounds Search = new(DateOnly.MinValue, TimeSpan.MaxValue, "a time to search from or to");
}
