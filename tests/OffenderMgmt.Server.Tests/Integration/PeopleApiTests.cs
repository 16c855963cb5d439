using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Integration;

/// <summary>The People service through gRPC, on the real host with SQLite in memory.</summary>
public sealed class PeopleApiTests : IClassFixture<ServerFactory>, IAsyncLifetime
{
    private readonly ServerFactory _server;
    private People.PeopleClient _people = null!;

    public PeopleApiTests(ServerFactory server) => _server = server;

    // A court/case system keeps people's records: it may create, update, read and search.
    public async Task InitializeAsync()
    {
        if (!await _server.WithDb(db => db.Areas.AnyAsync()))
        {
            await _server.ImportBedfordshireAsync();
            await _server.CreateAccountAsync("people.service", Server.Security.Role.Service);
        }
        _people = new People.PeopleClient(await _server.As("people.service"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static PersonInput NewPerson(string family = "Testperson", string given = "Alex", string pnc = "", string ward = "Barnfield")
    {
        var (lat, lon) = Bedfordshire.Inside(ward);
        return new PersonInput
        {
            Name = new PersonName { GivenName = given, FamilyName = family },
            DateOfBirth = "1985-04-12",
            Sex = Sex.Male,
            Description = "Tall, thin, red cap",
            PncId = pnc,
            Address = new Address { Line1 = "1 High Street", Town = "Luton", Postcode = "lu1 2ab", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
            WarningMarkers = { WarningMarker.Violent },
        };
    }

    private Task<int> CountPeople() => _server.WithDb(db => db.People.CountAsync());

    [Fact]
    public async Task A_created_person_reads_back_with_their_home_area_decided_by_the_server()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(pnc: "2001/12345H") });
        var read = await _people.GetPersonAsync(new GetPersonRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(1, read.Version);
        Assert.Equal("2001/0012345H", read.PncId);
        Assert.Equal("LU1 2AB", read.Address.Postcode);
        Assert.Equal(Bedfordshire.Ward("Barnfield").Code, read.Address.AreaCode);
        Assert.Equal("Barnfield", read.Address.AreaName);
        Assert.Equal([WarningMarker.Violent], read.WarningMarkers);
    }

    [Fact]
    public async Task An_address_outside_the_force_is_kept_but_has_no_area()
    {
        var input = NewPerson();
        input.Address.Location = new GeoPoint { Latitude = 51.5074, Longitude = -0.1278 };
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = input });
        Assert.Equal("", created.Address.AreaCode);
    }

    [Fact]
    public async Task An_update_from_the_current_version_applies_and_moves_the_version_on()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson() });
        var input = NewPerson(ward: "Castle");
        var updated = await _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = created.Version, Person = input,
            UpdateMask = new FieldMask { Paths = { "address" } },
        });
        Assert.Equal(2, updated.Version);
        Assert.Equal("Castle", updated.Address.AreaName);
        Assert.Equal(created.Description, updated.Description);
    }

    [Fact]
    public async Task An_update_mask_replaces_only_the_named_fields()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(family: "Maskfamily") });
        var updated = await _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = created.Version,
            Person = new PersonInput { Aliases = { new PersonName { GivenName = "Al", FamilyName = "Other" } } },
            UpdateMask = new FieldMask { Paths = { "aliases" } },
        });
        Assert.Equal("Maskfamily", updated.Name.FamilyName);
        Assert.Equal(created.Address, updated.Address);
        Assert.Equal("Other", Assert.Single(updated.Aliases).FamilyName);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_aborted_and_leaves_the_record_as_it_was()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson() });
        var first = await _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = 1, Person = new PersonInput { Description = "first edit" },
            UpdateMask = new FieldMask { Paths = { "description" } },
        });

        var error = await RpcAssert.Fails(StatusCode.Aborted, () => _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = 1, Person = new PersonInput { Description = "second edit" },
            UpdateMask = new FieldMask { Paths = { "description" } },
        }).ResponseAsync);

        Assert.Contains("version 1", error.Status.Detail);
        var stored = await _people.GetPersonAsync(new GetPersonRequest { Id = created.Id });
        Assert.Equal(first, stored);
    }

    [Fact]
    public async Task Search_ignores_case_and_finds_people_by_alias_and_by_sound()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(family: "Quennell", given: "Harriet") });
        await _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = 1,
            Person = new PersonInput { Aliases = { new PersonName { GivenName = "Hattie", FamilyName = "Brackenbury" } } },
            UpdateMask = new FieldMask { Paths = { "aliases" } },
        });

        foreach (var query in new[] { "qUeNnElL", "quen", "harriet quennell", "Brackenbury", "hattie", "Quenel" })
        {
            var found = await _people.SearchPeopleAsync(new SearchPeopleRequest { Name = query });
            Assert.Contains(found.People, p => p.Id == created.Id);
        }
        var none = await _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "harriet quimby" });
        Assert.DoesNotContain(none.People, p => p.Id == created.Id);
    }

    [Fact]
    public async Task Search_by_pnc_id_finds_exactly_that_person()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(pnc: "2010/0000001C") });
        var found = await _people.SearchPeopleAsync(new SearchPeopleRequest { PncId = "2010/1c" });
        Assert.Equal(created.Id, Assert.Single(found.People).Id);
    }

    [Fact]
    public async Task Search_results_page_through_every_match_once_in_name_order()
    {
        for (var i = 0; i < 7; i++)
            await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(family: "Pagewell", given: $"Given{(char)('A' + i)}") });

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "pagewell", PageSize = 3, PageToken = token });
            Assert.True(page.People.Count <= 3);
            seen.AddRange(page.People.Select(p => p.Name.GivenName));
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Given{(char)('A' + i)}"), seen);
    }

    [Fact]
    public async Task Search_ranks_exact_names_above_aliases_above_partial_matches_before_the_page_is_cut()
    {
        // Issue 20 point 10: in name order the alias ("Aardvark") and the sound-alike ("Rankwel")
        // come first, and a first page of one held neither the person typed in full.
        var exact = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(family: "Rankwell", given: "Dora") });
        var alias = NewPerson(family: "Aardvark", given: "Zed");
        alias.Aliases.Add(new PersonName { GivenName = "Dora", FamilyName = "Rankwell" });
        var byAlias = await _people.CreatePersonAsync(new CreatePersonRequest { Person = alias });
        var partial = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(family: "Rankwel", given: "Doralee") });

        var first = await _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "dora rankwell", PageSize = 1 });
        Assert.Equal(exact.Id, Assert.Single(first.People).Id);
        Assert.Equal(3, first.MatchCount);
        Assert.False(first.MatchCountCapped);

        var order = new List<string>();
        var token = "";
        do
        {
            var page = await _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "dora rankwell", PageSize = 1, PageToken = token });
            order.AddRange(page.People.Select(p => p.Id));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal([exact.Id, byAlias.Id, partial.Id], order);
    }

    [Fact]
    public async Task A_second_person_with_the_same_pnc_id_is_refused_as_already_existing()
    {
        await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(pnc: "2011/0000002U") });
        var before = await CountPeople();
        await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson(pnc: "2011/2u") }).ResponseAsync);
        Assert.Equal(before, await CountPeople());
    }

    public static TheoryData<string, Action<PersonInput>> BadPeople => new()
    {
        { "person.pnc_id", p => p.PncId = "2001/0012345A" },
        { "person.address.location.latitude", p => p.Address.Location.Latitude = 95 },
        { "person.address.location.longitude", p => p.Address.Location.Longitude = double.NaN },
        { "person.name.family_name", p => p.Name.FamilyName = "" },
        { "person.name.family_name", p => p.Name.FamilyName = "   " },
        { "person.name.given_name", p => p.Name.GivenName = new string('x', 10 * 1024 * 1024) },
        { "person.description", p => p.Description = new string('x', 5000) },
        { "person.date_of_birth", p => p.DateOfBirth = "12/04/1985" },
        { "person.date_of_birth", p => p.DateOfBirth = "2099-01-01" },
        { "person.address.postcode", p => p.Address.Postcode = "NOT A POSTCODE" },
        { "person.address.location", p => p.Address.Location = null },
        { "person.sex", p => p.Sex = (Sex)42 },
        { "person.warning_markers[1]", p => p.WarningMarkers.Add((WarningMarker)99) },
        { "person.aliases[0].family_name", p => p.Aliases.Add(new PersonName { GivenName = "Only" }) },
        { "person.name.family_name", p => p.Name.FamilyName = "Bad\u0007Bell" },
    };

    [Theory]
    [MemberData(nameof(BadPeople))]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string field, Action<PersonInput> spoil)
    {
        var input = NewPerson();
        spoil(input);
        var before = await CountPeople();

        await RpcAssert.FailsOnField(field, () => _people.CreatePersonAsync(new CreatePersonRequest { Person = input }).ResponseAsync);

        Assert.Equal(before, await CountPeople());
    }

    [Fact]
    public async Task A_bad_update_is_refused_and_the_stored_person_is_unchanged()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson() });
        var spoilt = NewPerson();
        spoilt.Address.Location.Latitude = 95;
        await RpcAssert.FailsOnField("person.address.location.latitude", () => _people.UpdatePersonAsync(
            new UpdatePersonRequest { Id = created.Id, ExpectedVersion = 1, Person = spoilt }).ResponseAsync);
        Assert.Equal(created, await _people.GetPersonAsync(new GetPersonRequest { Id = created.Id }));
    }

    [Fact]
    public async Task Reading_an_unknown_person_is_not_found_and_a_malformed_id_is_invalid()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => _people.GetPersonAsync(new GetPersonRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsOnField("id", () => _people.GetPersonAsync(new GetPersonRequest { Id = "'; DROP TABLE People; --" }).ResponseAsync);
    }

    [Fact]
    public async Task Update_needs_the_version_it_was_based_on_and_a_known_mask()
    {
        var created = await _people.CreatePersonAsync(new CreatePersonRequest { Person = NewPerson() });
        await RpcAssert.FailsOnField("expected_version", () => _people.UpdatePersonAsync(
            new UpdatePersonRequest { Id = created.Id, Person = NewPerson() }).ResponseAsync);
        await RpcAssert.FailsOnField("update_mask", () => _people.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = created.Id, ExpectedVersion = 1, Person = NewPerson(), UpdateMask = new FieldMask { Paths = { "version" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task Search_refuses_an_empty_query_a_negative_page_size_and_a_forged_page_token()
    {
        await RpcAssert.FailsOnField("name", () => _people.SearchPeopleAsync(new SearchPeopleRequest()).ResponseAsync);
        await RpcAssert.FailsOnField("page_size", () => _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "smith", PageSize = -1 }).ResponseAsync);
        await RpcAssert.FailsOnField("page_token", () => _people.SearchPeopleAsync(new SearchPeopleRequest { Name = "smith", PageToken = "!!!" }).ResponseAsync);
        await RpcAssert.FailsOnField("pnc_id", () => _people.SearchPeopleAsync(new SearchPeopleRequest { PncId = "2001/0012345A" }).ResponseAsync);
    }
}
