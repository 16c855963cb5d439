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
/// 2010 s.28); a CBO on an adult at least 2 years or until further order; DAPOs and
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

    /// <summary>Why the dates break the type's rules, or null when they are lawful.</summary>
    public static string? DurationProblem(OrderType type, DateOnly startsOn, DateOnly? endsOn)
    {
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
}
