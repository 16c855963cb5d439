using System.Globalization;

namespace OffenderMgmt.Tui.Ui;

/// <summary>Dates as officers say them: "today", "in 3 days", "5 days late".</summary>
public static class Dates
{
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A due date relative to today.</summary>
    public static string Due(DateOnly? due, DateOnly today)
    {
        if (due is not { } date) return "";
        var days = date.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "1 day late",
            < 0 => $"{-days} days late",
            < 14 => $"in {days} days",
            < 60 => $"in {days / 7} weeks",
            _ => $"in {days / 30} months",
        };
    }

    /// <summary>How long ago something happened: "today", "yesterday", "12 days ago".</summary>
    public static string Ago(DateOnly? date, DateOnly today)
    {
        if (date is not { } d) return "";
        var days = today.DayNumber - d.DayNumber;
        return days switch
        {
            < 0 => $"in {-days} days",
            0 => "today",
            1 => "yesterday",
            < 60 => $"{days} days ago",
            _ => $"{days / 30} months ago",
        };
    }

    public static string Time(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
