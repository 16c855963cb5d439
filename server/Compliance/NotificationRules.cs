using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Compliance;

/// <summary>A registered sex offender's registration: what set the notification period.</summary>
public sealed record RegistrationFacts(
    Guid ManagementId, DateOnly ConvictionDate, NotificationDisposal Disposal, int? Months, int AgeAtConviction,
    DateOnly? PeriodEndsOn, DateOnly StartedOn, DateOnly? LastNotifiedOn)
{
    /// <summary>The registration of an RSO management, or null when it has no notification details.</summary>
    public static RegistrationFacts? Of(Management management) => management.Notification is { } n
        ? new(management.Id, n.ConvictionDate, n.Disposal, n.SentenceMonths, n.AgeAtConviction, n.PeriodEndsOn, management.StartedOn, n.LastNotifiedOn)
        : null;
}

/// <summary>A served SHPO or SPO on the person, with its dates.</summary>
public sealed record DutyOrderFacts(Guid OrderId, OrderType Type, DateOnly ServedOn, DateOnly StartsOn, DateOnly? EndsOn, bool Ended);

/// <summary>A notification given, with its instants turned into the force's calendar days.</summary>
public sealed record NotificationFact(
    NotificationKind Kind, DateTimeOffset NotifiedAt, DateOnly NotifiedOn, DateOnly EffectiveOn, bool NoFixedAbode,
    DateTimeOffset? DepartsAt, string Destination, DateOnly? ReturnOn, bool Late = false, string Judgement = "");

/// <summary>Everything the notification duty of one person is derived from.</summary>
public sealed record NotificationFacts(
    RegistrationFacts? Registration, IReadOnlyList<DutyOrderFacts> Orders, bool InCustody, DateOnly? LatestRelease,
    IReadOnlyList<NotificationFact> Notifications, DateOnly? ReactiveReviewOn);

/// <summary>Something the person must notify, by when, and why, in words.</summary>
public sealed record NotificationDue(CheckKind Check, NotificationKind Kind, DateOnly DueOn, DateOnly OpensOn, string Reason, Guid? OrderId);

/// <summary>
/// The notification duty as it stands: whether the person is subject to it and on what basis,
/// when it started and ends (or that it is indefinite, with its review date), whether it is
/// suspended in custody, and what is due next.
/// </summary>
public sealed record NotificationDuty(
    bool Subject, bool SexOffenderRegister, DateOnly? StartedOn, DateOnly? EndsOn, bool Indefinite, DateOnly? ReviewOn,
    bool SuspendedInCustody, bool NoFixedAbode, IReadOnlyList<string> Basis, IReadOnlyList<NotificationDue> Dues)
{
    /// <summary>The duty in words a manager can read, one sentence a line.</summary>
    public string Summary => string.Join("\n", Basis.Concat(Dues.OrderBy(d => d.DueOn).Select(d => d.Reason)));

    public NotificationDue? Next => Dues.OrderBy(d => d.DueOn).FirstOrDefault();
}

/// <summary>Whether one notification was given in time, and against which deadline, in words.</summary>
public sealed record NotificationJudgement(bool Late, DateTimeOffset? Deadline, string Words);

/// <summary>
/// The notification requirements as the law states them, without a database. Periods and
/// windows come from <see cref="NotificationOptions"/>; days are the force's calendar days
/// (<see cref="ForceClock"/>), so "the end of the day" is midnight on the officer's wall clock,
/// summer time included.
/// </summary>
public static class NotificationRules
{
    /// <summary>
    /// Notifications that start a new year for the periodic notification (SOA 2003 s.85(2)):
    /// the initial notification, any notification of a change under s.84(1) (including the
    /// changes prescribed by SI 2012/1876) and periodic and weekly notifications. Travel
    /// notifications are made under s.86 and are not among them, so they do not reset the year
    /// (the issue's "latest notification of any kind" is narrower in law).
    /// </summary>
    public static bool StartsNewYear(NotificationKind kind) => kind is
        NotificationKind.Initial or NotificationKind.Periodic or NotificationKind.Weekly or NotificationKind.ChangeOfName or
        NotificationKind.ChangeOfAddress or NotificationKind.StayOfSevenDays or NotificationKind.HouseholdWithChild or
        NotificationKind.BankOrCardDetails or NotificationKind.IdentityDocument or NotificationKind.ReleaseFromCustody;

    /// <summary>Kinds that say where the person lives, and so whether they have a fixed abode.</summary>
    public static bool SaysWhereTheyLive(NotificationKind kind) => kind is
        NotificationKind.Initial or NotificationKind.Periodic or NotificationKind.Weekly or NotificationKind.ChangeOfAddress or
        NotificationKind.ReleaseFromCustody;

    /// <summary>Kinds reporting an event that must be notified "within the period of 3 days beginning with" it.</summary>
    public static bool HasChangeWindow(NotificationKind kind) => kind is
        NotificationKind.Initial or NotificationKind.ChangeOfName or NotificationKind.ChangeOfAddress or NotificationKind.StayOfSevenDays or
        NotificationKind.HouseholdWithChild or NotificationKind.BankOrCardDetails or NotificationKind.IdentityDocument or
        NotificationKind.ReleaseFromCustody or NotificationKind.SpoNameAndAddress or NotificationKind.ReturnFromTravel;

    /// <summary>The check kinds the duty plans; the checks of these kinds follow the duty and nothing else.</summary>
    public static bool IsDutyCheck(CheckKind kind) => kind is
        CheckKind.RsoPeriodicNotification or CheckKind.WeeklyNotification or CheckKind.ReleaseNotification or
        CheckKind.TravelNotification or CheckKind.InitialNotification or CheckKind.SpoNotification;

    /// <summary>
    /// The last day to notify an event on <paramref name="eventOn"/>: "within the period of 3
    /// days beginning with" the event (SOA 2003 ss.83(1), 84(1); Stalking Protection Act 2019
    /// s.9(1)-(2)) includes the day itself, so it ends at the end of the event day plus 2.
    /// </summary>
    public static DateOnly LastDayOfWindow(DateOnly eventOn, int days) => eventOn.AddDays(days - 1);

    /// <summary>The instant a day ends on the force's clock (midnight at its start of the next day).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, ForceClock clock) => clock.ToInstant(day.AddDays(1), TimeOnly.MinValue);

    /// <summary>SOA 2003 s.85(1): due within one year after the notification on <paramref name="lastOn"/>, so by its anniversary.</summary>
    public static DateOnly PeriodicDue(DateOnly lastOn, NotificationOptions options) => lastOn.AddMonths(options.PeriodicMonths);

    public static NotificationDuty Compute(NotificationFacts facts, DateOnly today, NotificationOptions options)
    {
        var basis = new List<string>();
        var dues = new List<NotificationDue>();
        var registration = facts.Registration;
        var liveShpos = facts.Orders.Where(o => o.Type == OrderType.SexualHarmPreventionOrder && IsLive(o, today)).ToList();
        var liveSpos = facts.Orders.Where(o => o.Type == OrderType.StalkingProtectionOrder && IsLive(o, today)).ToList();
        var periodRunning = registration is not null && (registration.PeriodEndsOn is null || registration.PeriodEndsOn >= today);
        var onRegister = periodRunning || liveShpos.Count > 0;

        DateOnly? startedOn = null, endsOn = null, reviewOn = null;
        var indefinite = false;
        if (onRegister)
        {
            startedOn = registration?.ConvictionDate ?? liveShpos.Min(o => o.ServedOn);
            var shpoOpenEnded = liveShpos.Any(o => o.EndsOn is null);
            var shpoEnds = liveShpos.Select(o => o.EndsOn).OfType<DateOnly>().DefaultIfEmpty().Max();
            if (periodRunning && registration!.PeriodEndsOn is null)
            {
                indefinite = true;
                reviewOn = NotificationPeriod.ReviewOn(FirstNotificationAfterRelease(facts), registration.AgeAtConviction);
                basis.Add($"Registered sex offender: subject to the notification requirements of the Sexual Offences Act 2003 Part 2 indefinitely " +
                          $"({NotificationPeriod.Explain(registration.Disposal, registration.Months, registration.AgeAtConviction).TrimEnd('.')}); " +
                          $"may apply for a review from {IsoDate.Format(reviewOn)} (s.91B: {(registration.AgeAtConviction < 18 ? "8" : "15")} years after the first notification after release).");
            }
            else if (periodRunning)
            {
                endsOn = registration!.PeriodEndsOn;
                basis.Add($"Registered sex offender: subject to the notification requirements of the Sexual Offences Act 2003 Part 2 until {IsoDate.Format(endsOn)} " +
                          $"({NotificationPeriod.Explain(registration.Disposal, registration.Months, registration.AgeAtConviction).TrimEnd('.')}).");
            }
            foreach (var shpo in liveShpos)
            {
                if (registration is null)
                    basis.Add($"Not otherwise registered: the SHPO served on {IsoDate.Format(shpo.ServedOn)} makes them subject to the notification requirements " +
                              $"while it has effect ({(shpo.EndsOn is { } e ? $"until {IsoDate.Format(e)}" : "until further order")}; Sentencing Act 2020 s.348(2), SOA 2003 s.103G(2)).");
                else
                    basis.Add($"The SHPO {(shpo.EndsOn is { } e ? $"running until {IsoDate.Format(e)}" : "made until further order")} keeps them subject at least until it ends " +
                              "(Sentencing Act 2020 s.348(1), SOA 2003 s.103G(1)).");
            }
            if (!indefinite)
            {
                if (shpoOpenEnded) endsOn = null;
                else if (liveShpos.Count > 0) endsOn = endsOn is { } e && e > shpoEnds ? e : shpoEnds;
            }
            PlanRegister(facts, today, options, registration, liveShpos, basis, dues);
        }
        else if (registration is not null)
            basis.Add($"The notification period ended on {IsoDate.Format(registration.PeriodEndsOn)}: no longer subject to the notification requirements.");

        foreach (var spo in liveSpos)
        {
            basis.Add($"Stalking protection order served on {IsoDate.Format(spo.ServedOn)}: name and home address, and any change of them, notified within 3 days (Stalking Protection Act 2019 s.9).");
            var notified = facts.Notifications.Any(n => n.Kind == NotificationKind.SpoNameAndAddress && n.NotifiedOn >= spo.ServedOn);
            if (!notified)
            {
                var due = LastDayOfWindow(spo.ServedOn, options.ChangeWindowDays);
                dues.Add(new NotificationDue(CheckKind.SpoNotification, NotificationKind.SpoNameAndAddress, due, spo.ServedOn,
                    $"Name and home address, within 3 days beginning with the day the SPO was served ({IsoDate.Format(spo.ServedOn)}), {Due(due, today)} (Stalking Protection Act 2019 s.9(1)).", spo.OrderId));
            }
            startedOn ??= spo.ServedOn;
        }
        if (facts.ReactiveReviewOn is { } review)
            basis.Add($"Under reactive management until the review on {IsoDate.Format(review)}: no scheduled home visits; notifications and breaches are still monitored.");

        var subject = onRegister || liveSpos.Count > 0;
        if (!subject && basis.Count == 0) basis.Add("Not subject to notification requirements.");
        return new NotificationDuty(subject, onRegister, startedOn, endsOn, indefinite, reviewOn, onRegister && facts.InCustody,
            onRegister && NoFixedAbode(facts), basis, dues);
    }

    private static void PlanRegister(
        NotificationFacts facts, DateOnly today, NotificationOptions options, RegistrationFacts? registration,
        List<DutyOrderFacts> liveShpos, List<string> basis, List<NotificationDue> dues)
    {
        var resetting = facts.Notifications.Where(n => StartsNewYear(n.Kind)).OrderBy(n => n.NotifiedAt).ToList();
        var last = resetting.LastOrDefault();
        var lastOn = Latest(last?.NotifiedOn, registration?.LastNotifiedOn);
        Guid? orderId = registration is null ? liveShpos.OrderBy(o => o.ServedOn).First().OrderId : null;

        // Not registered before the SHPO: the initial notification is due within 3 days of its service (s.348(3): the relevant date is the date of service).
        if (registration is null)
        {
            var servedOn = liveShpos.Min(o => o.ServedOn);
            if (!resetting.Any(n => n.NotifiedOn >= servedOn))
            {
                var due = LastDayOfWindow(servedOn, options.ChangeWindowDays);
                dues.Add(new NotificationDue(CheckKind.InitialNotification, NotificationKind.Initial, due, servedOn,
                    $"Initial notification, within 3 days beginning with the day the SHPO was served ({IsoDate.Format(servedOn)}), {Due(due, today)} (SOA 2003 s.83(1)).", orderId));
                return;
            }
        }

        if (facts.Notifications.LastOrDefault(n => n.Kind != NotificationKind.ForeignTravel) is { } latest)
            basis.Add($"Last notified: {Words(latest.Kind)} on {IsoDate.Format(latest.NotifiedOn)}" +
                      (latest.Late ? $", {latest.Judgement}; a suspected breach was raised." : "."));

        if (facts.InCustody)
        {
            basis.Add("In custody: the periodic notification is suspended; they must notify within 3 days of release (SOA 2003 ss.84(1)(d), 85(3)).");
            return;
        }

        var releaseNotified = facts.LatestRelease is { } r && resetting.Any(n => n.NotifiedOn >= r);
        if (facts.LatestRelease is { } released && !releaseNotified)
        {
            var due = LastDayOfWindow(released, options.ChangeWindowDays);
            dues.Add(new NotificationDue(CheckKind.ReleaseNotification, NotificationKind.ReleaseFromCustody, due, released,
                $"Released from custody on {IsoDate.Format(released)}: the notification within 3 days beginning with the release {Due(due, today)} (SOA 2003 s.84(1)(d)).", orderId));
        }

        if (lastOn is { } since)
        {
            var due = PeriodicDue(since, options);
            // s.85(3): a year that would end in custody runs on to the end of 3 days beginning with the release.
            if (facts.LatestRelease is { } rel && !releaseNotified && due <= LastDayOfWindow(rel, options.ChangeWindowDays))
                basis.Add("The periodic notification fell due in custody: the release notification serves for it (SOA 2003 s.85(3)).");
            else
            {
                var what = last is null || last.NotifiedOn != since ? "the last notification on"
                    : last.Kind is NotificationKind.Periodic or NotificationKind.Weekly or NotificationKind.Initial ? $"the {Words(last.Kind)} on"
                    : $"the {Words(last.Kind)} notified on";
                dues.Add(new NotificationDue(CheckKind.RsoPeriodicNotification, NotificationKind.Periodic, due, due.AddDays(-options.PeriodicOpensDaysBefore),
                    $"Next periodic notification {Due(due, today)}, one year after {what} {IsoDate.Format(since)} (SOA 2003 s.85(1)).", orderId));
            }
            if (NoFixedAbode(facts))
            {
                var weekly = since.AddDays(options.WeeklyDays);
                dues.Add(new NotificationDue(CheckKind.WeeklyNotification, NotificationKind.Weekly, weekly, since.AddDays(1),
                    $"No fixed abode: weekly notification {Due(weekly, today)}, {options.WeeklyDays} days after the last, on {IsoDate.Format(since)} (SI 2012/1876).", orderId));
            }
        }

        // A trip abroad: the return is notified within 3 days of it (SI 2004/1220 as amended).
        // A trip notified again (to correct it, or with a reason for short notice) is one trip: the latest notification of it counts.
        var trips = facts.Notifications.Where(n => n.Kind == NotificationKind.ForeignTravel && n.ReturnOn is not null)
            .GroupBy(n => (Leaving: n.DepartsAt?.UtcDateTime.Date, n.Destination)).Select(g => g.Last()).ToList();
        foreach (var trip in trips)
        {
            var leftOn = trip.DepartsAt is { } left ? DateOnly.FromDateTime(left.UtcDateTime) : trip.EffectiveOn;
            var returned = facts.Notifications.Any(n => n.Kind == NotificationKind.ReturnFromTravel && n.NotifiedAt > trip.NotifiedAt && n.EffectiveOn >= leftOn &&
                                                        !trips.Any(t => t != trip && t.DepartsAt is { } other && DateOnly.FromDateTime(other.UtcDateTime) > leftOn &&
                                                                         DateOnly.FromDateTime(other.UtcDateTime) <= n.EffectiveOn));
            if (returned) continue;
            var departs = trip.DepartsAt is { } d ? $"departing {d:yyyy-MM-dd HH:mm} UTC" : "";
            if (trip.DepartsAt is { } leaving && DateOnly.FromDateTime(leaving.UtcDateTime) >= today)
                basis.Add($"Travel abroad notified on {IsoDate.Format(trip.NotifiedOn)}: {trip.Destination}, {departs}, returning {IsoDate.Format(trip.ReturnOn)}.");
            var due = LastDayOfWindow(trip.ReturnOn!.Value, options.ReturnWindowDays);
            dues.Add(new NotificationDue(CheckKind.TravelNotification, NotificationKind.ReturnFromTravel, due, trip.ReturnOn.Value,
                $"Return from {trip.Destination} (planned for {IsoDate.Format(trip.ReturnOn)}), within 3 days beginning with the return, {Due(due, today)} (SI 2004/1220).", orderId));
        }
    }

    /// <summary>
    /// Whether a notification given at <paramref name="notifiedAt"/> was in time, judged against
    /// the duty as it stood before it (<paramref name="before"/>).
    /// </summary>
    public static NotificationJudgement Judge(
        NotificationKind kind, DateTimeOffset notifiedAt, DateOnly effectiveOn, DateTimeOffset? departsAt, string shortNoticeReason,
        NotificationDuty before, ForceClock clock, NotificationOptions options)
    {
        switch (kind)
        {
            case NotificationKind.ForeignTravel:
            {
                // SI 2004/1220 (as amended by SI 2012/1876): at least 7 days before departure, or where that
                // is not reasonably practicable, at least 24 hours before.
                var leaving = departsAt!.Value;
                var sevenDays = leaving.AddDays(-options.TravelNoticeDays);
                if (notifiedAt <= sevenDays)
                    return new(false, sevenDays, $"on time: at least {options.TravelNoticeDays} days before departure");
                var shortNotice = leaving.AddHours(-options.TravelShortNoticeHours);
                if (shortNoticeReason.Length > 0 && notifiedAt <= shortNotice)
                    return new(false, shortNotice, $"on time: less than {options.TravelNoticeDays} days' notice, but at least {options.TravelShortNoticeHours} hours' with a reason given");
                return new(true, shortNoticeReason.Length > 0 ? shortNotice : sevenDays, shortNoticeReason.Length > 0
                    ? $"late: less than {options.TravelShortNoticeHours} hours before departure"
                    : $"late: less than {options.TravelNoticeDays} days before departure and no reason given why that was not reasonably practicable");
            }
            case NotificationKind.Periodic or NotificationKind.Weekly:
            {
                var check = kind == NotificationKind.Periodic ? CheckKind.RsoPeriodicNotification : CheckKind.WeeklyNotification;
                if (before.Dues.FirstOrDefault(d => d.Check == check) is not { } due)
                    return new(false, null, "on time: none was due");
                var deadline = EndOfDay(due.DueOn, clock);
                return notifiedAt < deadline
                    ? new(false, deadline, $"on time: due by the end of {IsoDate.Format(due.DueOn)}")
                    : new(true, deadline, $"late: due by the end of {IsoDate.Format(due.DueOn)}");
            }
            default:
            {
                var window = kind == NotificationKind.ReturnFromTravel ? options.ReturnWindowDays : options.ChangeWindowDays;
                var lastDay = LastDayOfWindow(effectiveOn, window);
                var deadline = EndOfDay(lastDay, clock);
                var within = $"within {window} days beginning with {IsoDate.Format(effectiveOn)} (by the end of {IsoDate.Format(lastDay)})";
                return notifiedAt < deadline ? new(false, deadline, $"on time: {within}") : new(true, deadline, $"late: due {within}");
            }
        }
    }

    public static string Words(NotificationKind kind) => kind switch
    {
        NotificationKind.Initial => "initial notification",
        NotificationKind.Periodic => "periodic notification",
        NotificationKind.Weekly => "weekly notification",
        NotificationKind.ChangeOfName => "change of name",
        NotificationKind.ChangeOfAddress => "change of address",
        NotificationKind.StayOfSevenDays => "stay of 7 days or more",
        NotificationKind.HouseholdWithChild => "stay in a household with a child",
        NotificationKind.BankOrCardDetails => "bank or card details",
        NotificationKind.IdentityDocument => "identity document",
        NotificationKind.ForeignTravel => "foreign travel",
        NotificationKind.ReturnFromTravel => "return from travel",
        NotificationKind.ReleaseFromCustody => "release from custody",
        NotificationKind.SpoNameAndAddress => "SPO name and address",
        _ => "notification",
    };

    private static bool IsLive(DutyOrderFacts order, DateOnly today) => !order.Ended && (order.EndsOn is null || order.EndsOn >= today);

    private static bool NoFixedAbode(NotificationFacts facts) =>
        facts.Notifications.Where(n => SaysWhereTheyLive(n.Kind)).OrderBy(n => n.NotifiedAt).LastOrDefault()?.NoFixedAbode ?? false;

    /// <summary>The first notification given after release (or since conviction when never in custody), from which s.91B counts.</summary>
    private static DateOnly FirstNotificationAfterRelease(NotificationFacts facts)
    {
        var registration = facts.Registration!;
        var first = facts.Notifications.Where(n => StartsNewYear(n.Kind) && n.NotifiedOn >= registration.ConvictionDate)
            .Select(n => (DateOnly?)n.NotifiedOn).Min();
        return first is { } f && f < registration.StartedOn ? f : registration.StartedOn;
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Due(DateOnly due, DateOnly today) =>
        due < today ? $"was due by {IsoDate.Format(due)} and is overdue" : $"due by {IsoDate.Format(due)}";
}
