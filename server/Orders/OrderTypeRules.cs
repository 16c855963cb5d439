namespace OffenderMgmt.Server.Orders;

/// <summary>How long an order of each type may last, where the law says.</summary>
public sealed record OrderTypeRule(
    OrderType Type, string ShortName, string LongName, int? MinimumMonths, int? MinimumDays, int? MaximumMonths, int? MaximumDays, bool MayBeIndefinite)
{
    public string Describe() => ShortName;
}

/// <summary>
/// Legal durations by order type: an SCPO lasts at most 5 years (Serious Crime Act 2007 s.16);
/// an SHPO at least 5 years or until further order (Sentencing Act 2020 s.347); an SRO and an
/// SPO at least 2 years or until further order; a DVPO 14 to 28 days (Crime and Security Act
/// 2010 s.28); a CBO on an adult at least 2 years or until further order, and on someone under
/// 18 when it is made a fixed 1 to 3 years (see <see cref="CboProblem"/>); DAPOs and
/// injunctions have no statutory limit.
/// </summary>
public static class OrderTypeRules
{
    private static readonly Dictionary<OrderType, OrderTypeRule> Rules = new()
    {
        [OrderType.SeriousCrimePreventionOrder] = new(OrderType.SeriousCrimePreventionOrder, "SCPO", "serious crime prevention order", null, null, 60, null, MayBeIndefinite: false),
        [OrderType.SexualHarmPreventionOrder] = new(OrderType.SexualHarmPreventionOrder, "SHPO", "sexual harm prevention order", 60, null, null, null, MayBeIndefinite: true),
        [OrderType.SexualRiskOrder] = new(OrderType.SexualRiskOrder, "SRO", "sexual risk order", 24, null, null, null, MayBeIndefinite: true),
        [OrderType.CriminalBehaviourOrder] = new(OrderType.CriminalBehaviourOrder, "CBO", "criminal behaviour order", 24, null, null, null, MayBeIndefinite: true),
        [OrderType.DomesticViolenceProtectionOrder] = new(OrderType.DomesticViolenceProtectionOrder, "DVPO", "domestic violence protection order", null, 14, null, 28, MayBeIndefinite: false),
        [OrderType.DomesticAbuseProtectionOrder] = new(OrderType.DomesticAbuseProtectionOrder, "DAPO", "domestic abuse protection order", null, null, null, null, MayBeIndefinite: true),
        [OrderType.StalkingProtectionOrder] = new(OrderType.StalkingProtectionOrder, "SPO", "stalking protection order", 24, null, null, null, MayBeIndefinite: true),
        [OrderType.Injunction] = new(OrderType.Injunction, "Injunction", "injunction", null, null, null, null, MayBeIndefinite: true),
    };

    public static OrderTypeRule For(OrderType type) => Rules[type];

    /// <summary>CBO term for someone under 18 when it is made: at least this many months ...</summary>
    public const int YouthCboMinimumMonths = 12;
    /// <summary>... and at most this many (ASBCPA 2014 s.25(3), now the Sentencing Act 2020 Part 11 Ch 1).</summary>
    public const int YouthCboMaximumMonths = 36;

    /// <summary>Why the dates break the type's rules, or null when they are lawful; <paramref name="ageWhenMade"/> matters for CBOs.</summary>
    public static string? DurationProblem(OrderType type, DateOnly startsOn, DateOnly? endsOn, int? ageWhenMade = null)
    {
        if (type == OrderType.CriminalBehaviourOrder && ageWhenMade is < 18) return CboProblem(startsOn, endsOn);
        var rule = Rules[type];
        if (endsOn is null)
            return rule.MayBeIndefinite ? null : $"is required: an {rule.ShortName} cannot be made until further order";
        var days = endsOn.Value.DayNumber - startsOn.DayNumber + 1;
        if (rule.MaximumMonths is { } months && endsOn.Value >= startsOn.AddMonths(months))
            return $"is too late: an {rule.ShortName} may last at most {months / 12} years (until {startsOn.AddMonths(months).AddDays(-1):yyyy-MM-dd})";
        if (rule.MaximumDays is { } maxDays && days > maxDays)
            return $"is too late: a {rule.ShortName} may last at most {maxDays} days";
        if (rule.MinimumMonths is { } minMonths && endsOn.Value < startsOn.AddMonths(minMonths).AddDays(-1))
            return $"is too early: an {rule.ShortName} must last at least {minMonths / 12} years (until {startsOn.AddMonths(minMonths).AddDays(-1):yyyy-MM-dd} or later)";
        if (rule.MinimumDays is { } minDays && days < minDays)
            return $"is too early: a {rule.ShortName} must last at least {minDays} days";
        return null;
    }

    /// <summary>
    /// A CBO made on someone under 18 must run for a fixed period of not less than 1 year and
    /// not more than 3 years (Anti-social Behaviour, Crime and Policing Act 2014 s.25(3); the
    /// adult rule, at least 2 years or indefinite, is s.25(4)). The reference to
    /// s.25(5)-(6) is to the wrong subsections: s.25(6) is about periods for particular
    /// prohibitions. CBOs on conviction are now in the Sentencing Act 2020 Part 11 Chapter 1,
    /// to the same effect.
    /// </summary>
    private static string? CboProblem(DateOnly startsOn, DateOnly? endsOn)
    {
        if (endsOn is null) return "is required: a CBO on someone under 18 must be for a fixed period of 1 to 3 years (ASBCPA 2014 s.25(3))";
        if (endsOn.Value < startsOn.AddMonths(YouthCboMinimumMonths).AddDays(-1))
            return $"is too early: a CBO on someone under 18 must last at least 1 year (until {startsOn.AddMonths(YouthCboMinimumMonths).AddDays(-1):yyyy-MM-dd} or later; ASBCPA 2014 s.25(3))";
        if (endsOn.Value >= startsOn.AddMonths(YouthCboMaximumMonths))
            return $"is too late: a CBO on someone under 18 may last at most 3 years (until {startsOn.AddMonths(YouthCboMaximumMonths).AddDays(-1):yyyy-MM-dd}; ASBCPA 2014 s.25(3))";
        return null;
    }

    /// <summary>
    /// The reviews a CBO on someone under 18 needs: one before the end of each 12-month review
    /// period (beginning with the day the order takes effect) at whose end they are still under
    /// 18 and the order still runs (ASBCPA 2014 s.28; Sentencing Act 2020 s.337). Returns the
    /// last day of each such period.
    /// </summary>
    public static IReadOnlyList<DateOnly> YouthCboReviewsBy(DateOnly startsOn, DateOnly? endsOn, DateOnly dateOfBirth)
    {
        var reviews = new List<DateOnly>();
        for (var periodStart = startsOn; ; periodStart = periodStart.AddMonths(12))
        {
            var periodEnd = periodStart.AddMonths(12).AddDays(-1);
            if (endsOn is { } ends && ends < periodEnd) break;
            if (periodEnd >= dateOfBirth.AddYears(18)) break;
            reviews.Add(periodEnd);
        }
        return reviews;
    }
}
