using CsvHelper;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using AreaIndex = OffenderMgmt.Server.Areas.AreaIndex;
using BriefingWards = OffenderMgmt.Server.Geography.BriefingWards;
using ZoneIndex = OffenderMgmt.Server.Geography.ZoneIndex;
using RecordErasure = OffenderMgmt.Server.Retention.RecordErasure;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// Issue 13: a briefing's people, their marks and vehicles, and their messages are kept per
/// beat (BriefingWards, BriefingMessages) and read no table per call. Each test briefs the beat
/// first, so what it checks next would be answered from what was kept, then changes something
/// and asks again: the next briefing (and search near, and CSV export) shows the change.
/// </summary>
public sealed class BriefingCacheTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly string[] TwoWards = ["Leagrave", "Barnfield"];

    private async Task<Areas.AreasClient> Areas() => new(await server.Officer("briefing"));

    private async Task<People.PeopleClient> People() => new(await server.As("demo.manager"));

    private async Task<Briefing> Briefed(string area) => await (await Areas()).GetBriefingAsync(new GetBriefingRequest { AreaCode = area });

    /// <summary>The person's entry in the beat's briefing (as resident or excluded), asked twice: the second from what was kept.</summary>
    private async Task<BriefingPerson?> EntryIn(string area, Guid person)
    {
        BriefingPerson? entry = null;
        for (var i = 0; i < 2; i++)
        {
            var briefing = await Briefed(area);
            entry = briefing.Residents.Concat(briefing.Excluded).SingleOrDefault(p => p.PersonId == person.ToString());
        }
        return entry;
    }

    private async Task<List<string>> Shown(string area, Guid person) =>
        (await EntryIn(area, person))!.Identification.Select(i => i.Display).ToList();

    private async Task<List<string>> ShownNear(GeoPoint home, Guid person) =>
        (await (await Areas()).SearchNearAsync(new SearchNearRequest { Point = home, RadiusMetres = 50, PageSize = 500 }))
        .People.Single(p => p.PersonId == person.ToString()).Identification.Select(i => i.Display).ToList();

    private async Task<(string Marks, string Vehicles)> InCsv(string area, Guid person, string familyName)
    {
        var content = (await (await Areas()).ExportBriefingAsync(new ExportBriefingRequest { AreaCode = area, Format = ExportFormat.Csv })).Content;
        using var reader = CsvReader.Create(new StringReader(content));
        while (reader.Read())
        {
            var row = reader.Current.ToDictionary();
            if (row["name"]!.EndsWith(familyName, StringComparison.Ordinal)) return (row["marks"] ?? "", row["vehicles"] ?? "");
        }
        throw new InvalidOperationException($"{person} is not in the CSV of {area}");
    }

    private async Task<Person> PersonAsync(Guid id) => await (await People()).GetPersonAsync(new GetPersonRequest { Id = id.ToString() });

    [Fact]
    public async Task A_mark_or_vehicle_added_edited_retired_or_erased_is_in_the_next_briefing_search_near_and_csv()
    {
        var person = await server.CaseOf("demo.manager", skip: 30);
        var record = await PersonAsync(person);
        var (area, home) = (record.Address.AreaCode, record.Address.Location);
        var family = record.Name.FamilyName;
        Assert.DoesNotContain("Tattoo, left wrist: anchor", await Shown(area, person));
        await ShownNear(home, person);
        await InCsv(area, person, family);

        var people = await People();
        var mark = await people.AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Mark = new Mark { Type = MarkType.Tattoo, BodyLocation = "left wrist", Description = "anchor" } });
        Assert.Contains("Tattoo, left wrist: anchor", await Shown(area, person));
        Assert.Contains("Tattoo, left wrist: anchor", await ShownNear(home, person));
        Assert.Contains("Tattoo, left wrist: anchor", (await InCsv(area, person, family)).Marks);

        var vehicle = await people.AddIdentifierAsync(new AddIdentifierRequest
        {
            PersonId = person.ToString(), Vehicle = new Vehicle { Registration = "WX65 CCH", Make = "Vauxhall", Model = "Corsa", Colour = "red", Link = VehicleLink.User },
        });
        Assert.Contains("WX65 CCH red Vauxhall Corsa (user)", await Shown(area, person));
        Assert.Contains("WX65 CCH", (await InCsv(area, person, family)).Vehicles);

        mark = await people.UpdateIdentifierAsync(new UpdateIdentifierRequest
        {
            Id = mark.Id, ExpectedVersion = mark.Version, Mark = new Mark { Type = MarkType.Tattoo, BodyLocation = "left wrist", Description = "anchor and rope" },
        });
        var shown = await Shown(area, person);
        Assert.Contains("Tattoo, left wrist: anchor and rope", shown);
        Assert.DoesNotContain("Tattoo, left wrist: anchor", shown);

        await people.UpdateIdentifierAsync(new UpdateIdentifierRequest { Id = vehicle.Id, ExpectedVersion = vehicle.Version, Retire = true });
        Assert.DoesNotContain(await Shown(area, person), s => s.StartsWith("WX65 CCH", StringComparison.Ordinal));
        Assert.DoesNotContain(await ShownNear(home, person), s => s.StartsWith("WX65 CCH", StringComparison.Ordinal));
        Assert.DoesNotContain("WX65 CCH", (await InCsv(area, person, family)).Vehicles);

        // Disposed of at a retention review: the erasure's own code deletes the row.
        await server.WithDb(async db =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<Server.Persistence.OffenderMgmtDb>();
            await new RecordErasure(scoped, scope.ServiceProvider.GetRequiredService<Server.Common.ForceClock>())
                .EraseAsync(Server.Retention.RetainedRecordKind.Identifier, Guid.Parse(mark.Id), person, CancellationToken.None);
            await scoped.SaveChangesAsync();
            Assert.False(await db.PersonIdentifiers.AnyAsync(i => i.Id == Guid.Parse(mark.Id)));
        });
        Assert.DoesNotContain(await Shown(area, person), s => s.StartsWith("Tattoo, left wrist", StringComparison.Ordinal));
        Assert.DoesNotContain("anchor", (await InCsv(area, person, family)).Marks);
    }

    [Fact]
    public async Task A_person_moved_is_in_the_next_briefing_of_the_beat_they_moved_to_and_gone_from_the_one_they_left()
    {
        var person = await server.CaseOf("demo.manager", skip: 31);
        var record = await PersonAsync(person);
        var from = record.Address.AreaCode;
        var to = TwoWards.Select(w => Bedfordshire.Ward(w).Code).First(c => c != from);
        Assert.NotNull(await EntryIn(from, person));
        Assert.Null(await EntryIn(to, person));

        var (lat, lon) = Bedfordshire.Inside(Bedfordshire.Wards.Single(w => w.Code == to).Name);
        var address = record.Address.Clone();
        address.Location = new GeoPoint { Latitude = lat, Longitude = lon };
        await (await People()).UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = person.ToString(), ExpectedVersion = record.Version, Person = new PersonInput { Address = address }, UpdateMask = new FieldMask { Paths = { "address" } },
        });
        Assert.True((await EntryIn(to, person))!.LivesHere);
        Assert.Null(await EntryIn(from, person));
    }

    [Fact]
    public async Task A_new_order_is_in_the_next_briefing_and_its_exclusion_zone_brings_its_person_into_the_beat_it_covers()
    {
        var manager = await server.OfficerOfAccount("demo.manager");
        var person = await server.CaseOf("demo.manager", skip: 32);
        var home = (await PersonAsync(person)).Address.AreaCode;
        var elsewhere = Bedfordshire.Wards.First(w => w.Code != home && w.Name is "Leagrave" or "Barnfield" or "Icknield");
        var before = await EntryIn(home, person);
        Assert.NotNull(before);
        Assert.Null(await EntryIn(elsewhere.Code, person));
        var zonesBefore = (await Briefed(elsewhere.Code)).Zones.Count;

        var (lat, lon) = Bedfordshire.Inside(elsewhere.Name);
        var order = await server.ServedAsync(OrderRequests.Shpo(person, manager, OrderRequests.Circle(lat, lon, 100, "Cache test zone")), manager);
        Assert.Contains((await EntryIn(home, person))!.Orders, o => o.OrderId == order.Id);
        var there = await Briefed(elsewhere.Code);
        var excluded = Assert.Single(there.Excluded, p => p.PersonId == person.ToString());
        Assert.False(excluded.LivesHere);
        Assert.Contains("Must not enter Cache test zone", excluded.WhatToDo);
        Assert.Contains(there.Zones, z => z.OrderId == order.Id && !z.PersonLivesHere);
        Assert.Equal(zonesBefore + 1, there.Zones.Count);

        await new Orders.OrdersClient(await server.As("demo.service")).DischargeOrderAsync(new DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed" });
        Assert.DoesNotContain((await EntryIn(home, person))!.Orders, o => o.OrderId == order.Id);
        Assert.Null(await EntryIn(elsewhere.Code, person));
    }

    [Fact]
    public async Task A_briefing_kept_for_one_day_is_made_again_the_next_day()
    {
        // Orders and zones in force, and what to do if seen, turn on the force's date.
        var manager = await server.OfficerOfAccount("demo.manager");
        var person = await server.CaseOf("demo.manager", skip: 33);
        var home = (await PersonAsync(person)).Address.AreaCode;
        var tomorrow = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        var request = OrderRequests.Shpo(person, manager, OrderRequests.Curfew(Contracts.V1.DayOfWeek.Saturday, "21:15", "05:45"));
        request.StartsOn = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var order = await server.ServedAsync(request, manager);
        var today = (await EntryIn(home, person))!;
        Assert.False(today.Orders.Single(o => o.OrderId == order.Id).Enforceable);
        Assert.DoesNotContain("Saturday 21:15–05:45", today.WhatToDo);

        await server.AdvanceClockAsync(TimeSpan.FromDays(1));
        var tomorrowEntry = (await EntryIn(home, person))!;
        Assert.True(tomorrowEntry.Orders.Single(o => o.OrderId == order.Id).Enforceable);
        Assert.Contains("Saturday 21:15–05:45", tomorrowEntry.WhatToDo);
    }

    [Fact]
    public async Task A_beat_briefed_again_is_briefed_the_same_the_kept_messages_are_never_added_to()
    {
        var person = await server.CaseOf("demo.manager", skip: 34);
        await (await People()).AddIdentifierAsync(new AddIdentifierRequest { PersonId = person.ToString(), Mark = new Mark { Type = MarkType.Scar, BodyLocation = "chin", Description = "2 cm" } });
        var area = (await PersonAsync(person)).Address.AreaCode;
        var first = await Briefed(area);
        Assert.Single(first.Residents.Single(p => p.PersonId == person.ToString()).Identification);
        foreach (var includeBoundary in new[] { true, false })
        {
            var again = await (await Areas()).GetBriefingAsync(new GetBriefingRequest { AreaCode = area, IncludeBoundary = includeBoundary });
            Assert.Equal(includeBoundary, again.Area.BoundaryGeojson.Length > 0);
            again.GeneratedAt = first.GeneratedAt;
            again.Area.BoundaryGeojson = first.Area.BoundaryGeojson;
            Assert.Equal(first, again);
        }
    }

    [Fact]
    public void An_entry_is_not_kept_over_one_from_a_newer_view_and_older_ones_are_let_go()
    {
        var wards = new BriefingWards();
        var day = new DateOnly(2026, 12, 1);
        var areas = AreaIndex.Empty;
        BriefingWards.Ward Ward(long version) => new(new BriefingWards.Key(version, ZoneIndex.Empty, areas, day), [], [], [], new Dictionary<Guid, string>(), new HashSet<Guid>());

        var newer = wards.Keep("E05000001", Ward(5));
        wards.Keep("E05000001", Ward(4));
        Assert.Same(newer, wards.Find("E05000001", newer.Key));
        Assert.Null(wards.Find("E05000001", newer.Key with { Today = day.AddDays(1) }));

        wards.Keep("E05000002", Ward(5));
        wards.Keep("E05000003", Ward(6));
        Assert.Equal(1, wards.Count);  // the two made from view 5 went when one from view 6 was kept
    }
}
