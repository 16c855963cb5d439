using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.OrdersTests;

/// <summary>CBO terms by age (ASBCPA 2014 s.25(3)-(4)) and the yearly review of a youth CBO (s.28).</summary>
public class YouthCboTests
{
    private static readonly DateOnly Made = new(2026, 9, 1);

    [Theory]
    // ASBCPA 2014 s.25(3): made on someone under 18, a fixed period of not less than 1 year and not more than 3 years.
    [InlineData(12, null)]
    [InlineData(18, null)]
    [InlineData(36, null)]
    [InlineData(11, "is too early")]
    [InlineData(37, "is too late")]
    public void A_cbo_on_someone_under_18_runs_for_one_to_three_years(int months, string? problem)
    {
        var found = OrderTypeRules.DurationProblem(OrderType.CriminalBehaviourOrder, Made, Made.AddMonths(months).AddDays(-1), ageWhenMade: 16);
        if (problem is null) Assert.Null(found);
        else Assert.StartsWith(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_youth_cbo_cannot_be_indefinite_and_an_adult_one_still_needs_two_years()
    {
        // s.25(3) for under-18s; s.25(4) for adults: at least 2 years, or indefinite.
        Assert.StartsWith("is required", OrderTypeRules.DurationProblem(OrderType.CriminalBehaviourOrder, Made, null, ageWhenMade: 17), StringComparison.Ordinal);
        Assert.StartsWith("is too early", OrderTypeRules.DurationProblem(OrderType.CriminalBehaviourOrder, Made, Made.AddMonths(18).AddDays(-1), ageWhenMade: 18), StringComparison.Ordinal);
        Assert.Null(OrderTypeRules.DurationProblem(OrderType.CriminalBehaviourOrder, Made, null, ageWhenMade: 18));
    }

    [Fact]
    public void A_youth_cbo_is_reviewed_before_the_end_of_each_year_while_they_are_under_18()
    {
        // ASBCPA 2014 s.28 (Sentencing Act 2020 s.337): each 12-month period beginning with the day the order takes effect,
        // if they will be under 18 at its end and the order runs to its end.
        var sixteen = Made.AddYears(-16).AddDays(-30);
        Assert.Equal([new DateOnly(2027, 8, 31)], OrderTypeRules.YouthCboReviewsBy(Made, Made.AddMonths(18).AddDays(-1), sixteen));
        Assert.Empty(OrderTypeRules.YouthCboReviewsBy(Made, Made.AddMonths(36).AddDays(-1), Made.AddYears(-17).AddDays(-30)));  // 18 before the first year is out
        var fifteen = Made.AddYears(-15).AddDays(-30);
        Assert.Equal([new DateOnly(2027, 8, 31), new DateOnly(2028, 8, 31)], OrderTypeRules.YouthCboReviewsBy(Made, Made.AddMonths(36).AddDays(-1), fifteen));
    }
}
