using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>How a sighting is judged against each kind of condition, without a database.</summary>
public class SightingJudgeTests
{
    private static readonly DateTime FridayNight = new(2026, 11, 27, 23, 30, 0);
    private static readonly DateTime SaturdayLunch = new(2026, 11, 28, 12, 0, 0);
    private static readonly Guid Associate = Guid.NewGuid();

    private static Order OrderWith(params Condition[] conditions)
    {
        var order = new Order { Type = OrderType.CriminalBehaviourOrder, StartsOn = new DateOnly(2026, 1, 1) };
        foreach (var c in conditions) { c.AddedOn = new DateOnly(2026, 1, 1); order.Conditions.Add(c); }
        return order;
    }

    private static ExclusionZoneCondition Park(params WeeklyWindow[] windows) => new()
    {
        ZoneName = "the park", Shape = ZoneShape.Circle, CentreLatitude = 51.8920, CentreLongitude = -0.4215, RadiusMetres = 300, Windows = [.. windows],
    };

    private static CurfewCondition Nightly() => new()
    {
        AddressText = "home", Latitude = 51.9000, Longitude = -0.4300,
        Windows = Enumerable.Range(0, 7).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(21, 0), new TimeOnly(6, 0))).ToList(),
    };

    private static Finding Judge(Condition condition, double lat, double lon, DateTime when, Guid[]? with = null, string description = "") =>
        Assert.Single(SightingJudge.Judge([OrderWith(condition)], new SightingFacts(lat, lon, when, (with ?? []).ToHashSet(), description), _ => "the associate", null));

    /// <summary>Issue 20 ("28951 m"): a distance reads in kilometres above one.</summary>
    [Fact]
    public void A_distance_reads_in_metres_under_a_kilometre_and_in_kilometres_above()
    {
        Assert.Equal("850 m", Geo.DistanceWords(850.4));
        Assert.Equal("1.9 km", Geo.DistanceWords(1850));
        Assert.Equal("29 km", Geo.DistanceWords(28951));
        // 51.9100 is about 2 km north of the park's centre.
        var far = Judge(Park(), 51.9100, -0.4215, SaturdayLunch);
        Assert.Matches(@"\(\d\.\d km from it\)", far.Reason);
    }

    [Fact]
    public void Inside_an_exclusion_zone_at_any_time_is_a_breach()
    {
        Assert.Equal(Verdict.Breach, Judge(Park(), 51.8921, -0.4214, SaturdayLunch).Verdict);
        Assert.Equal(Verdict.NoBreach, Judge(Park(), 51.9100, -0.4215, SaturdayLunch).Verdict);
    }

    [Fact]
    public void A_time_windowed_zone_binds_only_inside_its_windows()
    {
        var schoolHours = Park(new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(16, 0)));
        Assert.Equal(Verdict.Breach, Judge(schoolHours, 51.8921, -0.4214, new DateTime(2026, 11, 30, 10, 0, 0)).Verdict);
        var weekend = Judge(schoolHours, 51.8921, -0.4214, SaturdayLunch);
        Assert.Equal(Verdict.NoBreach, weekend.Verdict);
        Assert.Contains("only barred", weekend.Reason);
    }

    [Fact]
    public void Away_from_the_curfew_address_during_an_overnight_curfew_is_a_breach_on_either_side_of_midnight()
    {
        Assert.Equal(Verdict.Breach, Judge(Nightly(), 51.8800, -0.4200, FridayNight).Verdict);
        Assert.Equal(Verdict.Breach, Judge(Nightly(), 51.8800, -0.4200, new DateTime(2026, 11, 28, 2, 0, 0)).Verdict);
        Assert.Equal(Verdict.NoBreach, Judge(Nightly(), 51.90005, -0.43005, FridayNight).Verdict);   // on the doorstep
        Assert.Equal(Verdict.NoBreach, Judge(Nightly(), 51.8800, -0.4200, SaturdayLunch).Verdict);    // not curfew hours
    }

    [Fact]
    public void A_curfew_with_no_known_address_cannot_be_judged()
    {
        var curfew = Nightly();
        curfew.Latitude = curfew.Longitude = null;
        Assert.Equal(Verdict.NotEnoughInformation, Judge(curfew, 51.88, -0.42, FridayNight).Verdict);
    }

    [Fact]
    public void Being_with_a_named_non_associate_is_a_breach_and_with_a_described_one_is_for_the_officer_to_judge()
    {
        var named = new NonAssociationCondition { Associates = [new NonAssociate(Associate, "")] };
        Assert.Equal(Verdict.Breach, Judge(named, 51.88, -0.42, SaturdayLunch, with: [Associate]).Verdict);
        Assert.Equal(Verdict.NoBreach, Judge(named, 51.88, -0.42, SaturdayLunch, with: [Guid.NewGuid()]).Verdict);
        var children = new NonAssociationCondition { Associates = [new NonAssociate(null, "any child under 16")] };
        Assert.Equal(Verdict.NotEnoughInformation, Judge(children, 51.88, -0.42, SaturdayLunch, description: "a girl of about 12").Verdict);
        Assert.Equal(Verdict.NoBreach, Judge(children, 51.88, -0.42, SaturdayLunch).Verdict);
    }

    [Fact]
    public void Conditions_a_sighting_cannot_breach_are_not_judged_and_removed_conditions_no_longer_bind()
    {
        var removed = Park();
        var order = OrderWith(new FinancialReportingCondition { WhatToReport = "income" }, removed);
        removed.RemovedOn = new DateOnly(2026, 6, 1);
        var findings = SightingJudge.Judge([order], new SightingFacts(51.8921, -0.4214, SaturdayLunch, new HashSet<Guid>(), ""), _ => "", null);
        Assert.Empty(findings);
        Assert.Equal(Verdict.NoBreach, SightingJudge.Overall(findings));
    }

    [Fact]
    public void Any_breach_makes_the_overall_verdict_a_breach()
    {
        var findings = SightingJudge.Judge([OrderWith(Park(), Nightly())], new SightingFacts(51.8921, -0.4214, FridayNight, new HashSet<Guid>(), ""), _ => "", null);
        Assert.Equal(2, findings.Count);
        Assert.Equal(Verdict.Breach, SightingJudge.Overall(findings));
    }
}
