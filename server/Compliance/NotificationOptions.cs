namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// The periods and windows of the notification requirements (section "Notification"), with
/// the law's values as defaults. Checked at start: a window of 0 days or a notice longer than
/// a year is a typing mistake, not a policy.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>Sexual Offences Act 2003 s.85(1): notify again within one year after each notification.</summary>
    public int PeriodicMonths { get; set; } = 12;

    /// <summary>No sole or main residence: notify once a week (SI 2012/1876).</summary>
    public int WeeklyDays { get; set; } = 7;

    /// <summary>
    /// "Within the period of 3 days beginning with" the change, the release or the service
    /// (SOA 2003 ss.83(1), 84(1); Stalking Protection Act 2019 s.9): the last day is the day of
    /// the event plus 2.
    /// </summary>
    public int ChangeWindowDays { get; set; } = 3;

    /// <summary>Foreign travel: notify at least this many days before departure (SI 2004/1220 as amended by SI 2012/1876).</summary>
    public int TravelNoticeDays { get; set; } = 7;

    /// <summary>Where 7 days' notice is not reasonably practicable: at least this many hours before departure.</summary>
    public int TravelShortNoticeHours { get; set; } = 24;

    /// <summary>The return to the United Kingdom is notified within this many days beginning with the return.</summary>
    public int ReturnWindowDays { get; set; } = 3;

    /// <summary>A periodic notification check opens this many days before it is due.</summary>
    public int PeriodicOpensDaysBefore { get; set; } = 30;

    /// <summary>What is wrong with these settings, one line each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max) problems.Add($"Notification:{name} must be between {min} and {max} (is {value})");
        }
        Range(nameof(PeriodicMonths), PeriodicMonths, 1, 24);
        Range(nameof(WeeklyDays), WeeklyDays, 1, 31);
        Range(nameof(ChangeWindowDays), ChangeWindowDays, 1, 31);
        Range(nameof(TravelNoticeDays), TravelNoticeDays, 1, 90);
        Range(nameof(TravelShortNoticeHours), TravelShortNoticeHours, 1, 24 * 7);
        Range(nameof(ReturnWindowDays), ReturnWindowDays, 1, 31);
        Range(nameof(PeriodicOpensDaysBefore), PeriodicOpensDaysBefore, 0, 180);
        if (TravelShortNoticeHours > TravelNoticeDays * 24) problems.Add("Notification:TravelShortNoticeHours must not be longer than TravelNoticeDays");
        return problems;
    }
}
