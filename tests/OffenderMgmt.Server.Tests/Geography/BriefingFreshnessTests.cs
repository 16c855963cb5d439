using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// Briefings are answered from an in-memory view of the managed people; whatever commits, a
/// briefing asked for after it shows it: enrolments, orders served and ended, changes of risk,
/// of name, of officer, cases ended.
/// </summary>
public sealed class BriefingFreshnessTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly string Leagrave = Bedfordshire.Ward("Leagrave").Code;

    private async Task<Briefing> Briefing(string code) =>
        await new Areas.AreasClient(await server.Officer("briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = code });

    private async Task<BriefingPerson?> InLeagrave(string personId) => (await Briefing(Leagrave)).Residents.SingleOrDefault(r => r.PersonId == personId);

    private async Task<string> NewResidentOfLeagrave(string family)
    {
        var (lat, lon) = Bedfordshire.Inside("Leagrave");
        var person = await new People.PeopleClient(await server.As("demo.service")).CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { GivenName = "Test", FamilyName = family },
                Address = new Address { Line1 = "5 Leagrave High Street", Town = "Luton", Postcode = "LU4 9JY", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
            },
        });
        return person.Id;
    }

    private static EnrolRequest Rso(string person, Guid officer) => new()
    {
        PersonId = person, Scheme = Scheme.Vsomt, ResponsibleOfficerId = officer.ToString(), RiskLevel = RiskLevel.High,
        Register = Register.SexOffender, MappaCategory = 1, MappaLevel = 1,
        Notification = new RsoNotificationDetails { ConvictionDate = "2024-03-01", Disposal = (int)NotificationDisposal.Custodial, SentenceMonths = 18, AgeAtConviction = 34 },
    };

    [Fact]
    public async Task Someone_is_briefed_from_enrolment_with_each_order_served_until_the_case_and_the_orders_end()
    {
        Assert.NotEmpty((await Briefing(Leagrave)).Residents);  // the view is built before anything changes
        var person = await NewResidentOfLeagrave("Freshness");
        Assert.Null(await InLeagrave(person));  // nobody manages them yet

        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var management = await caseload.EnrolAsync(Rso(person, manager));
        var enrolled = await InLeagrave(person);
        Assert.NotNull(enrolled);
        Assert.Equal((RiskLevel.High, manager.ToString()), (enrolled.RiskLevel, enrolled.ResponsibleOfficer.OfficerId));
        Assert.Empty(enrolled.Orders);

        var order = await server.ServedAsync(OrderRequests.Shpo(Guid.Parse(person), manager, OrderRequests.Curfew(Contracts.V1.DayOfWeek.Friday, "21:00", "06:00")), manager);
        var served = await InLeagrave(person);
        Assert.Contains(served!.Orders, o => o.OrderId == order.Id && o.Conditions.Any(c => c.Curfew is not null));
        Assert.Contains("Must be at", served.WhatToDo);

        await caseload.EndManagementAsync(new EndManagementRequest { Id = management.Id, ExpectedVersion = management.Version, Reason = "Moved out of the force" });
        var orderOnly = await InLeagrave(person);
        Assert.NotNull(orderOnly);  // still under a live order
        Assert.Empty(orderOnly.Schemes);

        await new Orders.OrdersClient(await server.As("demo.service")).DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed" });
        Assert.Null(await InLeagrave(person));
    }

    [Fact]
    public async Task A_change_of_risk_or_of_name_shows_in_the_next_briefing_and_in_what_others_are_told()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        var person = await NewResidentOfLeagrave("Renamed");
        var management = await caseload.EnrolAsync(Rso(person, manager));
        var neighbour = await NewResidentOfLeagrave("Neighbour");
        await caseload.EnrolAsync(Rso(neighbour, manager));
        await server.ServedAsync(OrderRequests.Shpo(Guid.Parse(neighbour), manager,
            new Condition { NonAssociation = new NonAssociation { Associates = { new NonAssociate { PersonId = person } } } }), manager);
        Assert.Contains("Must not be with Test Renamed", (await InLeagrave(neighbour))!.WhatToDo);

        await caseload.ChangeRiskAsync(new ChangeRiskRequest { Id = management.Id, ExpectedVersion = management.Version, RiskLevel = RiskLevel.VeryHigh, MappaLevel = 2, Reason = "New intelligence" });
        Assert.Equal(RiskLevel.VeryHigh, (await InLeagrave(person))!.RiskLevel);

        var people = new People.PeopleClient(await server.As("demo.manager"));
        var before = await people.GetPersonAsync(new GetPersonRequest { Id = person });
        await people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = person, ExpectedVersion = before.Version, Person = new PersonInput { Name = new PersonName { GivenName = "Test", FamilyName = "Changedname" } },
            UpdateMask = new FieldMask { Paths = { "name" } },
        });
        Assert.Equal("Changedname", (await InLeagrave(person))!.Name.FamilyName);
        Assert.Contains("Must not be with Test Changedname", (await InLeagrave(neighbour))!.WhatToDo);
    }

    [Fact]
    public async Task A_new_phone_number_for_the_responsible_officer_is_the_one_briefed()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var person = await NewResidentOfLeagrave("Contact");
        await new Caseload.CaseloadClient(await server.As("demo.manager")).EnrolAsync(Rso(person, manager));
        Assert.Equal(manager.ToString(), (await InLeagrave(person))!.ResponsibleOfficer.OfficerId);

        await server.WithDb(async db =>
        {
            var officer = await db.Officers.SingleAsync(o => o.Id == manager);
            officer.Phone = "01234 000111";
            await db.SaveChangesAsync();
        });
        var briefed = await InLeagrave(person);
        Assert.Equal("01234 000111", briefed!.ResponsibleOfficer.Phone);
        Assert.Contains("01234 000111", briefed.WhatToDo);
    }
}
