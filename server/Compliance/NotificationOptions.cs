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
}

/// <summary>Checks the "Notification" settings when the server starts.</summary>
public sealed class NotificationOptionsValidator() : Common.SettingsValidator<NotificationOptions>("Notification")
{
    protected override void Check(NotificationOptions options, Common.SettingChecks check)
    {
        // Sexual Offences Act 2003 s.85(1): at least once a year; a force may ask more often, never less.
        check.Range(nameof(options.PeriodicMonths), options.PeriodicMonths, 1, 12);
        check.Range(nameof(options.WeeklyDays), options.WeeklyDays, 1, 7);
        // SOA 2003 ss.83(1), 84(1); Stalking Protection Act 2019 s.9: "the period of 3 days beginning with" the event.
        check.Range(nameof(options.ChangeWindowDays), options.ChangeWindowDays, 1, 3);
        check.Range(nameof(options.TravelNoticeDays), options.TravelNoticeDays, 1, 90);
        check.Range(nameof(options.TravelShortNoticeHours), options.TravelShortNoticeHours, 1, 24 * 7);
        check.Range(nameof(options.ReturnWindowDays), options.ReturnWindowDays, 1, 31);
        check.Range(nameof(options.PeriodicOpensDaysBefore), options.PeriodicOpensDaysBefore, 0, 180);
        if (options.TravelShortNoticeHours > options.TravelNoticeDays * 24)
            check.Fail(nameof(options.TravelShortNoticeHours), "must not be longer than TravelNoticeDays");
    }
}
