using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.OrderTests;

/// <summary>Legal durations by order type.</summary>
public class OrderTypeRuleTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);

    [Theory]
    [InlineData(OrderType.SeriousCrimePreventionOrder, "2031-01-09", true)]   // exactly 5 years
    [InlineData(OrderType.SeriousCrimePreventionOrder, "2031-01-10", false)]  // a day over
    [InlineData(OrderType.SexualHarmPreventionOrder, "2031-01-09", true)]     // at least 5 years
    [InlineData(OrderType.SexualHarmPreventionOrder, "2031-01-08", false)]
    [InlineData(OrderType.StalkingProtectionOrder, "2028-01-09", true)]       // at least 2 years
    [InlineData(OrderType.StalkingProtectionOrder, "2027-06-01", false)]
    [InlineData(OrderType.DomesticViolenceProtectionOrder, "2026-01-23", true)]  // 14 days
    [InlineData(OrderType.DomesticViolenceProtectionOrder, "2026-02-06", true)]  // 28 days
    [InlineData(OrderType.DomesticViolenceProtectionOrder, "2026-02-07", false)] // 29 days
    [InlineData(OrderType.DomesticViolenceProtectionOrder, "2026-01-22", false)] // 13 days
    [InlineData(OrderType.DomesticAbuseProtectionOrder, "2026-03-01", true)]
    public void An_order_may_last_as_long_as_the_law_allows(OrderType type, string endsOn, bool lawful)
    {
        var problem = OrderTypeRules.DurationProblem(type, Start, DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(lawful == problem is null, problem);
    }

    [Theory]
    [InlineData(OrderType.SeriousCrimePreventionOrder, false)]
    [InlineData(OrderType.DomesticViolenceProtectionOrder, false)]
    [InlineData(OrderType.SexualHarmPreventionOrder, true)]
    [InlineData(OrderType.CriminalBehaviourOrder, true)]
    public void Only_some_orders_may_run_until_further_order(OrderType type, bool mayBeIndefinite)
    {
        Assert.Equal(mayBeIndefinite, OrderTypeRules.DurationProblem(type, Start, null) is null);
    }
}
