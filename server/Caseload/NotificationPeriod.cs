namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// How long a registered sex offender must notify (Sexual Offences Act 2003, s.82), counted
/// from the date of conviction or caution:
/// custodial sentence of 30 months or more: indefinitely; more than 6 and less than 30
/// months: 10 years; 6 months or less: 7 years; community sentence: 5 years; caution: 2 years.
/// Fixed periods are halved for someone under 18 when convicted.
/// </summary>
public static class NotificationPeriod
{
    /// <summary>The last day of the notification period, or null when it is indefinite.</summary>
    public static DateOnly? EndsOn(DateOnly convictionDate, NotificationDisposal disposal, int? sentenceMonths, int ageAtConviction)
    {
        int? months = disposal switch
        {
            NotificationDisposal.Custodial when sentenceMonths is null =>
                throw new ArgumentException("A custodial disposal needs the sentence length.", nameof(sentenceMonths)),
            NotificationDisposal.Custodial when sentenceMonths >= 30 => null,
            NotificationDisposal.Custodial when sentenceMonths > 6 => 10 * 12,
            NotificationDisposal.Custodial => 7 * 12,
            NotificationDisposal.CommunitySentence => 5 * 12,
            NotificationDisposal.Caution => 2 * 12,
            _ => throw new ArgumentOutOfRangeException(nameof(disposal), disposal, "Unknown disposal."),
        };
        if (months is null) return null;
        if (ageAtConviction < 18) months /= 2;
        // "Beginning with" the conviction date: the period's last day is the day before the anniversary.
        return convictionDate.AddMonths(months.Value).AddDays(-1);
    }

    /// <summary>The rule applied, in words.</summary>
    public static string Explain(NotificationDisposal disposal, int? sentenceMonths, int ageAtConviction)
    {
        var basis = disposal switch
        {
            NotificationDisposal.Custodial when sentenceMonths >= 30 => $"a custodial sentence of {sentenceMonths} months (30 months or more): indefinite",
            NotificationDisposal.Custodial when sentenceMonths > 6 => $"a custodial sentence of {sentenceMonths} months (more than 6, less than 30): 10 years",
            NotificationDisposal.Custodial => $"a custodial sentence of {sentenceMonths} months (6 months or less): 7 years",
            NotificationDisposal.CommunitySentence => "a community sentence: 5 years",
            _ => "a caution: 2 years",
        };
        var halved = ageAtConviction < 18 && !(disposal == NotificationDisposal.Custodial && sentenceMonths >= 30);
        return $"Sexual Offences Act 2003 s.82, {basis}{(halved ? ", halved because under 18 at conviction" : "")}, from the date of conviction.";
    }
}
