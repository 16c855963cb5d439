namespace OffenderMgmt.Server.Orders;

/// <summary>
/// A day-of-week window on the force's wall clock, e.g. Friday 19:00 to 07:00. An end at or
/// before the start runs past midnight into the next day. Windows are judged in local time, so
/// a 19:00 curfew starts at 19:00 whether it is summer or winter time.
/// </summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End <= Start;

    /// <summary>Whether a local date and time falls inside the window.</summary>
    public bool Covers(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (!CrossesMidnight) return local.DayOfWeek == Day && time >= Start && time < End;
        var nextDay = (DayOfWeek)(((int)Day + 1) % 7);
        return (local.DayOfWeek == Day && time >= Start) || (local.DayOfWeek == nextDay && time < End);
    }

    public string Describe() => $"{Day} {Start:HH\\:mm}–{End:HH\\:mm}{(CrossesMidnight ? " (overnight)" : "")}";

    public static bool AnyCovers(IEnumerable<WeeklyWindow> windows, DateTime local) => windows.Any(w => w.Covers(local));
}
