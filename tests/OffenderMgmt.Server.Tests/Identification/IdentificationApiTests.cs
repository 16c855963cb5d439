using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;
using DayOfWeek = OffenderMgmt.Contracts.V1.DayOfWeek;

namespace OffenderMgmt.Tests.IdentificationTests;

/// <summary>
/// Marks, vehicles, devices and online identifiers through the API (issue 18): recording and
/// editing them, who sees which, searching by vehicle and by mark, vehicle sightings and
/// device inspections. The clock is Thursday 26 November 2026, 10:00.
/// </summary>
public sealed class IdentificationApiTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayNight = new(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);
    private static readonly GeoPoint StockwoodPark = new() { Latitude = 51.8630, Longitude = -0.4300 };
    private static readonly GeoPoint TownCentre = new() { Latitude = 51.8790, Longitude = -0.4170 };

    private async Task<People.PeopleClient> People(string account = "demo.manager", string purpose = "case-management") =>
        new(await server.As(account, purpose));

    private async Task<Identifier> AddVehicle(Guid person, string registration, VehicleLink link = VehicleLink.Owner) =>
        await (await People()).AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Vehicle = new Vehicle { Registration = registration, Make = "Ford", Model = "Focus", Colour = "silver", Link = link },
        });

    private async Task<Identifier> AddMark(Guid person, MarkType type, string where, string what) =>
        await (await People()).AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Mark = new Mark { Type = type, BodyLocation = where, Description = what },
        });

    /// <summary>A person of demo.manager's with an SHPO of the given conditions, served on 1 November.</summary>
    private async Task<(Guid Person, Order Order)> PersonWithOrder(int skip, params Condition[] conditions)
    {
        var person = await server.CaseOf("demo.manager", skip: skip);
        var manager = await server.OfficerOfAccount("demo.manager");
        var request = OrderRequests.Shpo(person, manager, conditions);
        request.MadeOn = "2026-11-01";
        var order = await server.ServedAsync(request, manager);
        await server.WithDb(async db =>
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == Guid.Parse(order.Id));
            stored.ServedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        return (person, await new Orders.OrdersClient(await server.As("demo.service")).GetOrderAsync(new GetOrderRequest { Id = order.Id }));
    }

    private async Task<SightingVerdict> CheckVehicle(string registration, GeoPoint where, DateTimeOffset when, Guid? person = null, params Guid[] with) =>
        await new Areas.AreasClient(await server.Officer()).CheckSightingAsync(new CheckSightingRequest
        {
            Registration = registration, PersonId = person?.ToString() ?? "", Point = where, At = Timestamp.FromDateTimeOffset(when),
            WithPersonIds = { with.Select(w => w.ToString()) },
        });

    [Fact]
    public async Task A_vehicle_is_stored_compact_and_shown_spaced_and_an_impossible_mark_is_refused_naming_the_field()
    {
        var person = await server.CaseOf("demo.manager", skip: 30);
        var vehicle = await AddVehicle(person, "wx61 abe");
        Assert.Equal("WX61 ABE", vehicle.Vehicle.Registration);
        Assert.Equal("demo.manager", vehicle.RecordedBy);
        Assert.Equal(ServerFactory.StartTime, vehicle.RecordedAt.ToDateTimeOffset());
        Assert.Equal("WX61ABE", await server.WithDb(db => db.PersonIdentifiers.OfType<Server.Identification.PersonVehicle>().Where(v => v.Id == Guid.Parse(vehicle.Id)).Select(v => v.Registration).SingleAsync()));

        var before = await server.WithDb(db => db.PersonIdentifiers.CountAsync(i => i.PersonId == person));
        // Road Vehicles (Display of Registration Marks) Regulations 2001, Sch. 3 Table A; DVLA INF104 (no age identifier 01).
        await RpcAssert.FailsOnField("vehicle.registration", () => AddVehicle(person, "WX01ABC"));
        await RpcAssert.FailsOnField("vehicle.registration", () => AddVehicle(person, "WXYZ 123"));
        await RpcAssert.FailsOnField("vehicle.link", () => AddVehicle(person, "WX61ABF", VehicleLink.Unspecified));
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => AddVehicle(person, "WX61 ABE"));
        Assert.Equal(before, await server.WithDb(db => db.PersonIdentifiers.CountAsync(i => i.PersonId == person)));
    }

    [Fact]
    public async Task Edits_carry_the_version_they_were_based_on_and_a_retired_identifier_leaves_the_list()
    {
        var person = await server.CaseOf("demo.manager", skip: 31);
        var people = await People();
        var mark = await AddMark(person, MarkType.Scar, "left cheek", "3 cm");
        var edited = await people.UpdateIdentifierAsync(new UpdateIdentifierRequest
        {
            Id = mark.Id, ExpectedVersion = mark.Version, Mark = new Mark { Type = MarkType.Scar, BodyLocation = "left cheek", Description = "3 cm, curved" },
        });
        Assert.True(edited.Version > mark.Version);
        Assert.Equal("3 cm, curved", edited.Mark.Description);

        var stale = await RpcAssert.FailsWith(StatusCode.Aborted, "STALE_VERSION", () => people.UpdateIdentifierAsync(new UpdateIdentifierRequest
        {
            Id = mark.Id, ExpectedVersion = mark.Version, Mark = new Mark { Type = MarkType.Scar, BodyLocation = "chin", Description = "" },
        }).ResponseAsync);
        Assert.NotNull(stale);
        await RpcAssert.FailsOnField("vehicle", () => people.UpdateIdentifierAsync(new UpdateIdentifierRequest
        {
            Id = mark.Id, ExpectedVersion = edited.Version, Vehicle = new Vehicle { Registration = "WX61ABC", Link = VehicleLink.Owner },
        }).ResponseAsync);
        var list = await people.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() });
        Assert.Equal("3 cm, curved", list.Identifiers.Single(i => i.Id == mark.Id).Mark.Description);

        var retired = await people.UpdateIdentifierAsync(new UpdateIdentifierRequest { Id = mark.Id, ExpectedVersion = edited.Version, Retire = true });
        Assert.True(retired.Retired);
        Assert.DoesNotContain((await people.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() })).Identifiers, i => i.Id == mark.Id);
        Assert.Contains((await people.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString(), IncludeRetired = true })).Identifiers, i => i.Id == mark.Id);
    }

    [Fact]
    public async Task A_device_needs_a_valid_imei_and_number_and_registers_only_under_the_persons_own_devices_condition()
    {
        var (person, order) = await PersonWithOrder(32, OrderRequests.Devices());
        var (_, otherOrder) = await PersonWithOrder(33, OrderRequests.Devices());
        var people = await People();
        Task<Identifier> Add(string imei, string number, string condition = "") => people.AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Device = new Device { Type = DeviceType.Phone, Imei = imei, PhoneNumber = number, RegisteredConditionId = condition },
        }).ResponseAsync;

        await RpcAssert.FailsOnField("device.imei", () => Add("490154203237517", ""));   // wrong Luhn digit (3GPP TS 23.003 Annex B)
        await RpcAssert.FailsOnField("device.phone_number", () => Add("", "0770"));
        await RpcAssert.FailsOnField("device.registered_condition_id", () => Add("490154203237518", "", otherOrder.Conditions[0].Id));
        var phone = await Add("49-015420-323751-8", "07700 900123", order.Conditions[0].Id);
        Assert.Equal(("490154203237518", "+447700900123", order.Conditions[0].Id), (phone.Device.Imei, phone.Device.PhoneNumber, phone.Device.RegisteredConditionId));
    }

    [Fact]
    public async Task A_local_officer_sees_marks_and_vehicles_in_the_briefing_but_never_devices_or_online_identifiers()
    {
        var person = await server.CaseOf("demo.manager", skip: 34);
        var people = await People();
        var mark = await AddMark(person, MarkType.Tattoo, "right hand", "swallow");
        var vehicle = await AddVehicle(person, "WX64 BRF");
        var device = await people.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Device = new Device { Type = DeviceType.Phone, PhoneNumber = "07700 900456" } });
        var online = await people.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Online = new OnlineIdentifier { Platform = "email", Handle = "someone@example.org" } });

        var officer = await People("demo.officer", "briefing");
        var seen = await officer.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() });
        var visible = seen.Identifiers.Select(i => i.Id).ToHashSet();
        Assert.Contains(mark.Id, visible);
        Assert.Contains(vehicle.Id, visible);
        Assert.DoesNotContain(device.Id, visible);
        Assert.DoesNotContain(online.Id, visible);
        Assert.DoesNotContain(seen.Identifiers, i => i.DetailCase is Identifier.DetailOneofCase.Device or Identifier.DetailOneofCase.Online);
        Assert.True(seen.CaseworkWithheld);
        var full = await people.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() });
        Assert.Contains(full.Identifiers, i => i.Id == device.Id);
        Assert.Contains(full.Identifiers, i => i.Id == online.Id);
        Assert.False(full.CaseworkWithheld);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => officer.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Mark = new Mark { Type = MarkType.Scar, BodyLocation = "chin" } }).ResponseAsync);

        // A service sees the devices it recorded, and no one else's.
        var service = await People("demo.service");
        var declared = await service.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Device = new Device { Type = DeviceType.Tablet, Description = "grey iPad" } });
        var asService = await service.ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() });
        Assert.Contains(asService.Identifiers, i => i.Id == declared.Id);
        Assert.DoesNotContain(asService.Identifiers, i => i.Id == device.Id);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "NOT_YOUR_CASE", () => service.UpdateIdentifierAsync(new UpdateIdentifierRequest { Id = device.Id, ExpectedVersion = device.Version, Retire = true }).ResponseAsync);

        // The briefing of the beat they live in shows the mark and the vehicle, as text.
        var area = (await people.GetPersonAsync(new GetPersonRequest { Id = person.ToString() })).Address.AreaCode;
        var briefing = await new Areas.AreasClient(await server.As("demo.officer", "briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = area });
        var entry = briefing.Residents.Single(r => r.PersonId == person.ToString());
        Assert.Contains(entry.Identification, i => i.Display == "Tattoo, right hand: swallow");
        Assert.Contains(entry.Identification, i => i.Display == "WX64 BRF silver Ford Focus (owner)");
        Assert.DoesNotContain(entry.Identification, i => i.DetailCase is Identifier.DetailOneofCase.Device or Identifier.DetailOneofCase.Online);
    }

    [Fact]
    public async Task Search_by_vehicle_ranks_exact_then_one_unknown_then_more_and_pages_in_that_order()
    {
        var first = await server.CaseOf("demo.manager", skip: 35);
        var second = await server.CaseOf("demo.manager", skip: 36);
        var exact = await AddVehicle(first, "WV61 ABC");
        var oneOff = await AddVehicle(second, "WV62 ABC", VehicleLink.SeenDriving);
        var twoOff = await AddVehicle(first, "WV62 ABD", VehicleLink.User);
        var people = await People("demo.officer", "sighting-check");

        var full = await people.SearchByVehicleAsync(new SearchByVehicleRequest { Registration = "wv61abc" });
        Assert.Equal([(exact.Id, 0), (oneOff.Id, 1)], full.Matches.Select(m => (m.Vehicle.Id, m.UnknownCharacters)).ToList());
        Assert.Equal(first.ToString(), full.Matches[0].Person.Id);

        var partial = await people.SearchByVehicleAsync(new SearchByVehicleRequest { Registration = "WV6? ABC" });
        Assert.Equal([(exact.Id, 1), (oneOff.Id, 1), (twoOff.Id, 2)], partial.Matches.Select(m => (m.Vehicle.Id, m.UnknownCharacters)).ToList());

        var paged = new List<string>();
        var token = "";
        do
        {
            var page = await people.SearchByVehicleAsync(new SearchByVehicleRequest { Registration = "WV6?ABC", PageSize = 1, PageToken = token });
            paged.AddRange(page.Matches.Select(m => m.Vehicle.Id));
            token = page.NextPageToken;
        } while (token.Length > 0);
        Assert.Equal([exact.Id, oneOff.Id, twoOff.Id], paged);

        await RpcAssert.FailsOnField("registration", () => people.SearchByVehicleAsync(new SearchByVehicleRequest { Registration = "W???" }).ResponseAsync);
        Assert.Equal(RateLimit.Search, RpcAccessPolicy.Find("/offendermgmt.v1.People/SearchByVehicle")!.Limit);
        Assert.Equal(RateLimit.Search, RpcAccessPolicy.Find("/offendermgmt.v1.People/SearchByMark")!.Limit);
    }

    [Fact]
    public async Task Search_by_mark_ranks_by_the_words_matched()
    {
        var first = await server.CaseOf("demo.manager", skip: 37);
        var second = await server.CaseOf("demo.manager", skip: 38);
        var best = await AddMark(first, MarkType.Tattoo, "left forearm", "ouroboros");
        var good = await AddMark(second, MarkType.Tattoo, "left forearm", "anchor");
        var some = await AddMark(second, MarkType.Scar, "left shin", "ouroboros-shaped burn");
        var people = await People("demo.officer", "sighting-check");

        var found = await people.SearchByMarkAsync(new SearchByMarkRequest { Text = "tattoo, left forearm, ouroboros", PageSize = 500 });
        Assert.Equal((best.Id, 4), (found.Matches[0].Mark.Id, found.Matches[0].WordsMatched));
        var mine = found.Matches.Where(m => m.Mark.Id == best.Id || m.Mark.Id == good.Id || m.Mark.Id == some.Id).Select(m => (m.Mark.Id, m.WordsMatched)).ToList();
        Assert.Equal([(best.Id, 4), (good.Id, 3), (some.Id, 2)], mine);
        Assert.True(found.Matches.Select(m => m.WordsMatched).SequenceEqual(found.Matches.Select(m => m.WordsMatched).OrderDescending()));
        await RpcAssert.FailsOnField("text", () => people.SearchByMarkAsync(new SearchByMarkRequest { Text = ", ;" }).ResponseAsync);
    }

    [Fact]
    public async Task A_vehicle_seen_in_its_owners_exclusion_zone_is_a_possible_breach_and_a_breach_when_the_officer_saw_them()
    {
        var (person, _) = await PersonWithOrder(39, OrderRequests.Circle(StockwoodPark.Latitude, StockwoodPark.Longitude, 300, "Stockwood Park vehicle zone"));
        await AddVehicle(person, "WX63 ZZA");

        var onlyTheVehicle = await CheckVehicle("wx63zza", StockwoodPark, MondayMorning);
        var verdict = Assert.Single(onlyTheVehicle.People);
        Assert.Equal((person.ToString(), Verdict.NotEnoughInformation, false, "owner"), (verdict.PersonId, verdict.Verdict, verdict.Identified, verdict.VehicleLink));
        Assert.Contains("Possible breach", verdict.Summary);
        Assert.Contains("Stockwood Park vehicle zone", verdict.Summary);
        Assert.Equal(Verdict.NotEnoughInformation, onlyTheVehicle.Verdict);
        Assert.Equal("WX63 ZZA", onlyTheVehicle.Registration);

        var driverSeen = await CheckVehicle("WX63 ZZA", StockwoodPark, MondayMorning, person);
        Assert.Equal(Verdict.Breach, driverSeen.Verdict);
        Assert.True(driverSeen.People.Single().Identified);
        Assert.Contains(driverSeen.People.Single().PersonName, driverSeen.Summary);
        Assert.Equal(Verdict.NoBreach, (await CheckVehicle("WX63ZZA", TownCentre, MondayMorning, person)).People.Single().Verdict);

        // Recorded: a sighting per person checked, carrying the vehicle, and the breach opened.
        var recorded = await new Areas.AreasClient(await server.Officer()).RecordSightingAsync(new RecordSightingRequest
        {
            Registration = "WX63ZZA", PersonId = person.ToString(), Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(MondayMorning), Text = "Parked by the athletics track",
        });
        Assert.Equal(Verdict.Breach, recorded.Verdict.Verdict);
        Assert.Single(recorded.BreachIds);
        var sighting = await server.WithDb(db => db.Sightings.SingleAsync(s => s.Id == Guid.Parse(Assert.Single(recorded.SightingIds))));
        Assert.Equal(("WX63ZZA", person), (sighting.Registration, sighting.PersonId));
    }

    [Fact]
    public async Task A_vehicle_seen_out_in_curfew_hours_with_its_user_at_the_wheel_is_a_curfew_breach()
    {
        var (person, _) = await PersonWithOrder(40, OrderRequests.Curfew(DayOfWeek.Friday, "21:00", "06:00"));
        await AddVehicle(person, "WX63 ZZB", VehicleLink.User);
        var late = await CheckVehicle("WX63ZZB", TownCentre, FridayNight, person);
        var verdict = late.People.Single();
        Assert.Equal((Verdict.Breach, "user"), (verdict.Verdict, verdict.VehicleLink));
        Assert.Contains("curfew", verdict.Summary);
        Assert.Equal(Verdict.NotEnoughInformation, (await CheckVehicle("WX63ZZB", TownCentre, FridayNight)).People.Single().Verdict);
    }

    [Fact]
    public async Task Two_people_linked_to_one_vehicle_under_a_non_association_condition_are_a_breach_when_both_are_seen()
    {
        var associate = await server.CaseOf("demo.manager", skip: 41);
        var (person, _) = await PersonWithOrder(42, new Condition { Wording = "Not to associate with the named person", NonAssociation = new NonAssociation { Associates = { new NonAssociate { PersonId = associate.ToString() } } } });
        await AddVehicle(person, "WX63 ZZC");
        await AddVehicle(associate, "WX63 ZZC", VehicleLink.SeenDriving);
        var somewhere = new GeoPoint { Latitude = 52.1360, Longitude = -0.4667 };

        var onlyOneSeen = await CheckVehicle("WX63ZZC", somewhere, MondayMorning, person);
        Assert.Equal(2, onlyOneSeen.People.Count);
        var subject = onlyOneSeen.People.Single(p => p.PersonId == person.ToString());
        Assert.Equal(Verdict.NotEnoughInformation, subject.Verdict);
        Assert.Contains("other people linked to WX63 ZZC", subject.Summary);

        var bothSeen = await CheckVehicle("WX63ZZC", somewhere, MondayMorning, person, associate);
        Assert.Equal(Verdict.Breach, bothSeen.Verdict);
        Assert.Equal(Verdict.Breach, bothSeen.People.Single(p => p.PersonId == person.ToString()).Verdict);
        Assert.Equal(person.ToString(), bothSeen.People[0].PersonId);   // the person in breach first
    }

    [Fact]
    public async Task A_vehicle_no_one_is_linked_to_is_not_enough_to_say_and_cannot_be_recorded()
    {
        var unknown = await CheckVehicle("WX63 ZZZ", StockwoodPark, MondayMorning);
        Assert.Equal(Verdict.NotEnoughInformation, unknown.Verdict);
        Assert.Empty(unknown.People);
        Assert.Contains("No one on the system is linked to WX63 ZZZ", unknown.Summary);
        var areas = new Areas.AreasClient(await server.Officer());
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => areas.RecordSightingAsync(new RecordSightingRequest
        {
            Registration = "WX63ZZZ", Point = StockwoodPark, At = Timestamp.FromDateTimeOffset(MondayMorning),
        }).ResponseAsync);
        await RpcAssert.FailsOnField("registration", () => CheckVehicle("WX01ZZZ", StockwoodPark, MondayMorning));
        await RpcAssert.FailsOnField("person_id", () => areas.CheckSightingAsync(new CheckSightingRequest { Point = StockwoodPark }).ResponseAsync);
    }

    /// <summary>An SCPO with a one-phone condition, with its device inspection open today.</summary>
    private async Task<(Guid Person, Order Order, Guid CheckId)> UnderOnePhone(int skip)
    {
        var person = await server.CaseOf("demo.manager", skip: skip);
        var manager = await server.OfficerOfAccount("demo.manager");
        var order = await server.ServedAsync(OrderRequests.Scpo(person, manager, conditions: [OrderRequests.Devices()]), manager);
        var check = await server.WithDb(async db =>
        {
            var inspection = await db.ComplianceChecks.SingleAsync(c => c.OrderId == Guid.Parse(order.Id) && c.Kind == Server.Compliance.CheckKind.DeviceInspection);
            inspection.OpensOn = inspection.DueOn = new DateOnly(2026, 11, 26);
            await db.SaveChangesAsync();
            return inspection.Id;
        });
        return (person, order, check);
    }

    [Fact]
    public async Task A_device_inspection_that_finds_an_unregistered_phone_under_a_one_phone_condition_opens_a_suspected_breach()
    {
        var (person, order, checkId) = await UnderOnePhone(43);
        var devicesCondition = order.Conditions.Single(c => c.KindCase == Condition.KindOneofCase.Devices).Id;
        await (await People()).AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Device = new Device { Type = DeviceType.Phone, PhoneNumber = "07700 900123", RegisteredConditionId = devicesCondition },
        });
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        var recorded = await compliance.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = checkId.ToString(), Outcome = CheckOutcome.Compliant, Notes = "Two phones on the kitchen table",
            DevicesFound =
            {
                new DeviceFound { Type = DeviceType.Phone, PhoneNumber = "+44 7700 900123" },
                new DeviceFound { Type = DeviceType.Phone, Imei = "490154203237518", Description = "black Nokia" },
            },
        });
        Assert.Equal(CheckOutcome.BreachSuspected, recorded.Closed.Outcome);
        Assert.Equal((BreachStatus.Suspected, order.Id, devicesCondition), (recorded.Breach.Status, recorded.Breach.OrderId, recorded.Breach.ConditionId));
        var found = Guid.Parse(Assert.Single(recorded.UnregisteredDeviceIds));
        var list = await (await People()).ListIdentifiersAsync(new ListIdentifiersRequest { PersonId = person.ToString() });
        var device = list.Identifiers.Single(i => i.Id == found.ToString()).Device;
        Assert.Equal(("490154203237518", checkId.ToString(), ""), (device.Imei, device.FoundAtCheckId, device.RegisteredConditionId));
    }

    [Fact]
    public async Task A_device_inspection_that_finds_only_registered_devices_is_compliant_and_devices_are_only_for_device_inspections()
    {
        var (person, order, checkId) = await UnderOnePhone(44);
        await (await People()).AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Device = new Device { Type = DeviceType.Phone, Imei = "490154203237518", RegisteredConditionId = order.Conditions[0].Id },
        });
        var compliance = new Compliance.ComplianceClient(await server.As("demo.manager"));
        var homeVisit = await server.WithDb(db => db.ComplianceChecks.Where(c => c.PersonId == person && c.Kind != Server.Compliance.CheckKind.DeviceInspection && c.Status == Server.Compliance.CheckStatus.Open).Select(c => c.Id).FirstAsync());
        await RpcAssert.FailsOnField("devices_found", () => compliance.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = homeVisit.ToString(), Outcome = CheckOutcome.Compliant, DevicesFound = { new DeviceFound { Type = DeviceType.Phone, Imei = "490154203237518" } },
        }).ResponseAsync);
        await RpcAssert.FailsOnField("devices_found[0].imei", () => compliance.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = checkId.ToString(), Outcome = CheckOutcome.Compliant, DevicesFound = { new DeviceFound { Type = DeviceType.Phone, Imei = "490154203237517" } },
        }).ResponseAsync);

        var recorded = await compliance.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = checkId.ToString(), Outcome = CheckOutcome.Compliant, DevicesFound = { new DeviceFound { Type = DeviceType.Phone, Imei = "49015420 323751 8" } },
        });
        Assert.Equal(CheckOutcome.Compliant, recorded.Closed.Outcome);
        Assert.Null(recorded.Breach);
        Assert.Empty(recorded.UnregisteredDeviceIds);
    }
}
