using System.Text.Json;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.People;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Demo;

/// <summary>The demo force has the inspection's numbers and is the same for the same seed.</summary>
public class DemoForceTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
    private static readonly DemoForce Force = DemoForceBuilder.Build(2016, Today, ServerFactory.StartTime, Bedfordshire.Index);

    private static IEnumerable<Management> Rsos =>
        Force.Managements.Where(m => m.Register == Register.RegisteredSexOffender);

    [Fact]
    public void There_are_504_registered_sex_offenders_1_very_high_and_35_high_risk()
    {
        Assert.Equal(504, Rsos.Count());
        Assert.Equal(1, Rsos.Count(m => m.RiskLevel == RiskLevel.VeryHigh));
        Assert.Equal(35, Rsos.Count(m => m.RiskLevel == RiskLevel.High));
    }

    [Fact]
    public void The_iom_cohort_is_220_with_71_domestic_abuse_offenders()
    {
        var iom = Force.Managements.Where(m => m.Scheme == Scheme.Iom).ToList();
        Assert.Equal(220, iom.Count);
        Assert.Equal(71, iom.Count(m => m.IomCategories.HasFlag(IomCategories.DomesticAbuse)));
        Assert.All(iom, m => Assert.NotNull(m.CohortType));
    }

    [Fact]
    public void Vsomt_offender_managers_each_hold_just_over_50_cases_and_all_are_accredited()
    {
        var vsomt = Force.Managements.Where(m => m.Scheme == Scheme.Vsomt).ToList();
        var perOfficer = vsomt.GroupBy(m => m.ResponsibleOfficerId).ToList();
        Assert.Equal(10, perOfficer.Count);
        Assert.All(perOfficer, g => Assert.InRange(g.Count(), 50, 54));
        var holders = perOfficer.Select(g => Force.Officers.Single(o => o.Id == g.Key)).ToList();
        Assert.All(holders, o => Assert.True(o.Accreditations.HasFlag(OffenderMgmt.Server.Officers.Accreditations.ViolentAndSexualOffenders)));
    }

    [Fact]
    public void One_officer_has_left_post_with_cases_still_in_their_name()
    {
        var leaver = Force.Cast.Leaver;
        Assert.True(leaver.InPostTo < Today);
        Assert.True(Force.Managements.Count(m => m.ResponsibleOfficerId == leaver.Id) >= 50);
    }

    [Fact]
    public void A_few_people_are_in_custody_with_release_in_the_coming_weeks()
    {
        var soon = Force.People.Count(p => p.CustodyStatus == CustodyStatus.InCustody && p.ExpectedReleaseDate <= Today.AddDays(42));
        Assert.InRange(soon, 3, 10);
    }

    [Fact]
    public void Every_home_lies_inside_the_ward_it_is_filed_under()
    {
        Assert.All(Force.People, p => Assert.Equal(p.Address!.AreaCode, Bedfordshire.Index.Classify(p.Address.Latitude, p.Address.Longitude)?.Code));
    }

    [Fact]
    public void Every_pnc_id_is_valid_and_unique()
    {
        Assert.All(Force.People, p => Assert.True(PncId.TryNormalise(p.PncId!, out _, out var problem), problem));
        Assert.Equal(Force.People.Count, Force.People.Select(p => p.PncId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_builds_the_same_force_and_another_seed_a_different_one()
    {
        var again = DemoForceBuilder.Build(2016, Today, ServerFactory.StartTime, Bedfordshire.Index);
        var other = DemoForceBuilder.Build(2017, Today, ServerFactory.StartTime, Bedfordshire.Index);
        Assert.Equal(Snapshot(Force), Snapshot(again));
        Assert.NotEqual(Snapshot(Force), Snapshot(other));
    }

    private static string Snapshot(DemoForce force) =>
        JsonSerializer.Serialize(new { force.Teams, force.Officers, force.People, force.Managements });
}
