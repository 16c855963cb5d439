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
}
