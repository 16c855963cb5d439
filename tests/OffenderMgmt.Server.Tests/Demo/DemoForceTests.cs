using System.Text.Json;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Orders;
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
    public void Each_persons_description_matches_their_sex()
    {
        Assert.All(Force.People, p => Assert.Contains(p.Sex == Sex.Female ? " female," : " male,", p.Description, StringComparison.Ordinal));
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

    [Fact]
    public void There_are_79_shpos_3_of_them_breached_10_scpos_and_11_cbos_plus_a_youth_cbo()
    {
        Assert.Equal(79, Force.Orders.Count(o => o.Type == OrderType.SexualHarmPreventionOrder));
        Assert.Equal(10, Force.Orders.Count(o => o.Type == OrderType.SeriousCrimePreventionOrder));
        // The inspection's 11, and the 16-year-old's 18-month CBO that shows the youth rules (ASBCPA 2014 s.25(3), s.28).
        Assert.Equal(12, Force.Orders.Count(o => o.Type == OrderType.CriminalBehaviourOrder));
        var youth = Force.Orders.Single(o => o.PersonId == Force.Cast.YouthWithCbo);
        Assert.Equal(16, Force.People.Single(p => p.Id == youth.PersonId).AgeOn(youth.MadeOn));
        Assert.Single(Force.Tasks, t => t.OrderId == youth.Id && t.Kind == Server.Tasks.TaskKind.ReviewDue);
        var shpos = Force.Orders.Where(o => o.Type == OrderType.SexualHarmPreventionOrder).Select(o => o.Id).ToHashSet();
        Assert.Equal(3, Force.Breaches.Where(b => b.OrderId is { } id && shpos.Contains(id)).Select(b => b.OrderId).Distinct().Count());
    }

    [Fact]
    public void Every_demo_order_is_lawful_served_and_in_force_today()
    {
        Assert.All(Force.Orders, o =>
        {
            Assert.Null(OrderTypeRules.DurationProblem(o.Type, o.StartsOn, o.EndsOn, Force.People.Single(p => p.Id == o.PersonId).AgeOn(o.MadeOn)));
            Assert.True(o.ServedAt is not null && o.IsEnforceableOn(Today));
        });
    }

    [Fact]
    public void Every_exclusion_zone_is_a_valid_shape_inside_the_force_and_filed_under_the_beats_it_touches()
    {
        var zones = Force.Orders.SelectMany(o => o.Conditions).OfType<ExclusionZoneCondition>().ToList();
        Assert.NotEmpty(zones);
        Assert.All(zones, z =>
        {
            var outline = ZoneGeometry.Of(z).Outline;
            Assert.True(outline.IsValid);
            Assert.True(Bedfordshire.Index.Extent.Contains(outline.EnvelopeInternal));
            Assert.Equal(Bedfordshire.Index.Touching(outline), z.Areas.Select(a => a.AreaCode));
        });
    }

    [Fact]
    public void Someone_living_outside_luton_is_barred_from_luton_town_centre()
    {
        var luton = Bedfordshire.Index.Areas.Where(a => a.DistrictCode == "E06000032").Select(a => a.Code).ToHashSet();
        var barred = Force.Orders.Where(o => o.Conditions.OfType<ExclusionZoneCondition>().Any(z => z.ZoneName == "Luton town centre")).Select(o => o.PersonId);
        Assert.Contains(Force.People.Where(p => barred.Contains(p.Id)), p => !luton.Contains(p.Address!.AreaCode!));
    }

    [Fact]
    public void Every_source_of_checks_has_one_open_check_and_some_are_overdue()
    {
        var open = Force.Checks.Where(c => c.Status == CheckStatus.Open).ToList();
        Assert.Equal(open.Count, open.Select(c => (c.ConditionId ?? c.ManagementId, c.Kind)).Distinct().Count());
        var overdue = open.Count(c => c.DueOn < Today);
        Assert.InRange(overdue, open.Count / 30, open.Count / 5);
        Assert.Contains(Force.Checks, c => c.Outcome == CheckOutcome.NoAccess);
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new() { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };

    private static string Snapshot(DemoForce force) =>
        JsonSerializer.Serialize(new { force.Teams, force.Officers, force.People, force.Managements, force.Orders, force.Checks, force.Breaches, force.Tasks }, SnapshotOptions);
}
