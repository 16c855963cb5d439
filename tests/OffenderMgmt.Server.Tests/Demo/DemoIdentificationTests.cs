using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Demo;

/// <summary>The demo force's marks, vehicles and phones (issue 18, item 7).</summary>
public class DemoIdentificationTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
    private static readonly DemoForce Force = DemoForceBuilder.Build(2016, Today, ServerFactory.StartTime, Bedfordshire.Index);

    [Fact]
    public void A_third_have_marks_half_have_vehicles_and_everyone_under_a_devices_condition_a_registered_phone()
    {
        var people = Force.People.Count;
        var withMarks = Force.Identifiers.OfType<PersonMark>().Select(m => m.PersonId).Distinct().Count();
        var withVehicles = Force.Identifiers.OfType<PersonVehicle>().Select(v => v.PersonId).Distinct().Count();
        Assert.InRange(withMarks, people * 0.28, people * 0.39);
        Assert.InRange(withVehicles, people * 0.5, people * 0.62);
        var devicesConditions = Force.Orders.SelectMany(o => o.Conditions).OfType<DevicesCondition>().Where(c => c.RemovedOn is null).Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(devicesConditions);
        Assert.Equal(devicesConditions, Force.Identifiers.OfType<PersonDevice>().Select(d => d.RegisteredConditionId!.Value).ToHashSet());
    }

    [Fact]
    public void Every_demo_registration_phone_and_imei_passes_the_servers_own_checks()
    {
        Assert.All(Force.Identifiers.OfType<PersonVehicle>(), v => Assert.True(RegistrationMark.TryNormalise(v.Registration, out _, out _, out var problem), problem));
        Assert.All(Force.Identifiers.OfType<PersonDevice>(), d =>
        {
            Assert.True(Imei.TryNormalise(d.Imei, out _, out var problem), problem);
            Assert.True(PhoneNumber.TryNormalise(d.PhoneNumber, out _, out problem), problem);
        });
        Assert.Equal(Force.Identifiers.OfType<PersonVehicle>().Count(), Force.Identifiers.OfType<PersonVehicle>().Select(v => v.Registration).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_identifiers()
    {
        var again = DemoForceBuilder.Build(2016, Today, ServerFactory.StartTime, Bedfordshire.Index);
        Assert.Equal(Force.Identifiers.Select(IdentifierRules.Describe), again.Identifiers.Select(IdentifierRules.Describe));
    }
}
