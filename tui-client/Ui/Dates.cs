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

    /// <summary>How a time is typed into a form: "2026-11-26 09:30", in the user's local time.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>Reads a typed local time ("yyyy-mm-dd hh:mm", or a day alone for its midnight) as an instant.</summary>
    public static bool TryLocalTime(string text, TimeZoneInfo zone, out DateTimeOffset at)
    {
        at = default;
        if (!DateTime.TryParseExact(text.Trim(), [TimeFormat, "yyyy-MM-dd H:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>The instant as the form shows it, in the user's local time.</summary>
    public static string ForForm(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(TimeFormat, CultureInfo.InvariantCulture);
}
