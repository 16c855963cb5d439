namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// How long a registered sex offender must notify: the table in the Sexual Offences Act 2003,
/// s.82(1), counted from the "relevant date" (the date of conviction, finding or caution):
/// <list type="bullet">
/// <item>imprisonment for life or for 30 months or more: indefinitely;</item>
/// <item>admitted to hospital subject to a restriction order: indefinitely;</item>
/// <item>imprisonment for more than 6 months but less than 30 months: 10 years;</item>
/// <item>imprisonment for 6 months or less: 7 years;</item>
/// <item>admitted to hospital without being subject to a restriction order: 7 years;</item>
/// <item>cautioned: 2 years;</item>
/// <item>conditionally discharged: the period of conditional discharge;</item>
/// <item>a person of any other description (a community order, a fine...): 5 years.</item>
/// </list>
/// s.82(2): for a person under 18 on the relevant date, the periods of 10, 7, 5 and 2 years
/// are halved. The conditional discharge's own period and indefinite periods are not.
/// An indefinite period may be reviewed (s.91A-91B, inserted by the Sexual Offences Act 2003
/// (Remedial) Order 2012): no earlier than 15 years after the first notification given after
/// release, or 8 years for someone under 18 on the relevant date.
/// </summary>
public static class NotificationPeriod
{
    /// <summary>Review of indefinite notification: years after the first notification, adult (s.91B).</summary>
    public const int AdultReviewYears = 15;
    /// <summary>Review of indefinite notification: years after the first notification, under 18 at conviction (s.91B).</summary>
    public const int JuvenileReviewYears = 8;

    /// <summary>Whether the disposal needs a length in months: the custodial sentence, or the period of the conditional discharge.</summary>
    public static bool NeedsMonths(NotificationDisposal disposal) =>
        disposal is NotificationDisposal.Custodial or NotificationDisposal.ConditionalDischarge;

    /// <summary>The last day of the notification period, or null when it is indefinite.</summary>
    public static DateOnly? EndsOn(DateOnly convictionDate, NotificationDisposal disposal, int? months, int ageAtConviction)
    {
        if (NeedsMonths(disposal) && months is not > 0)
            throw new ArgumentException($"A {disposal} disposal needs its length in months.", nameof(months));
        var (periodMonths, halvable) = PeriodMonths(disposal, months);
        if (periodMonths is null) return null;
        // s.82(2): halved for someone under 18 on the relevant date (10, 7, 5 and 2 year periods only).
        var length = ageAtConviction < 18 && halvable ? periodMonths.Value / 2 : periodMonths.Value;
        // "Beginning with" the relevant date: the period's last day is the day before the anniversary.
        return convictionDate.AddMonths(length).AddDays(-1);
    }

    /// <summary>
    /// The first day an indefinite notification period may be reviewed (s.91B): 15 years (8 for
    /// someone under 18 on the relevant date) after the first notification given after release.
    /// </summary>
    public static DateOnly ReviewOn(DateOnly firstNotifiedOn, int ageAtConviction) =>
        firstNotifiedOn.AddYears(ageAtConviction < 18 ? JuvenileReviewYears : AdultReviewYears);

    /// <summary>The rule applied, in words.</summary>
    public static string Explain(NotificationDisposal disposal, int? months, int ageAtConviction)
    {
        var basis = disposal switch
        {
            NotificationDisposal.Custodial when months >= 30 => $"a custodial sentence of {months} months (30 months or more): indefinite",
            NotificationDisposal.Custodial when months > 6 => $"a custodial sentence of {months} months (more than 6, less than 30): 10 years",
            NotificationDisposal.Custodial => $"a custodial sentence of {months} months (6 months or less): 7 years",
            NotificationDisposal.HospitalOrderWithRestriction => "admission to hospital subject to a restriction order: indefinite",
            NotificationDisposal.HospitalOrderWithoutRestriction => "admission to hospital without a restriction order: 7 years",
            NotificationDisposal.Caution => "a caution: 2 years",
            NotificationDisposal.ConditionalDischarge => $"a conditional discharge of {months} months: the period of the discharge",
            NotificationDisposal.CommunitySentence => "a community sentence (a person of any other description): 5 years",
            _ => "a person of any other description: 5 years",
        };
        var halved = ageAtConviction < 18 && PeriodMonths(disposal, months) is { Months: not null, Halvable: true };
        return $"Sexual Offences Act 2003 s.82, {basis}{(halved ? ", halved because under 18 at conviction (s.82(2))" : "")}, from the date of conviction.";
    }

    private static (int? Months, bool Halvable) PeriodMonths(NotificationDisposal disposal, int? months) => disposal switch
    {
        NotificationDisposal.Custodial when months >= 30 => (null, false),
        NotificationDisposal.Custodial when months > 6 => (10 * 12, true),
        NotificationDisposal.Custodial => (7 * 12, true),
        NotificationDisposal.HospitalOrderWithRestriction => (null, false),
        NotificationDisposal.HospitalOrderWithoutRestriction => (7 * 12, true),
        NotificationDisposal.Caution => (2 * 12, true),
        // The period of the conditional discharge itself: s.82(2) halves only 10, 7, 5 and 2 years.
        NotificationDisposal.ConditionalDischarge => (months, false),
        NotificationDisposal.CommunitySentence or NotificationDisposal.OtherDescription => (5 * 12, true),
        _ => throw new ArgumentOutOfRangeException(nameof(disposal), disposal, "Unknown disposal."),
    };
}
