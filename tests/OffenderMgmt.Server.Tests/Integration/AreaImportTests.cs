using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Integration;

/// <summary>Re-importing areas re-classifies addresses; a bad file changes nothing.</summary>
public sealed class AreaImportTests : IAsyncLifetime, IDisposable
{
    private readonly ServerFactory _server = new();

    public async Task InitializeAsync()
    {
        await _server.ImportBedfordshireAsync();
        await _server.CreateAccountAsync("import.service", Server.Security.Role.Service);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _server.Dispose();

    private async Task<AreaImportResult> Import(string geoJson)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<AreaImporter>();
        return await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(geoJson)), new AreaPropertyNames(), CancellationToken.None);
    }

    private async Task<Person> CreatePersonIn(string ward)
    {
        var (lat, lon) = Bedfordshire.Inside(ward);
        var people = new People.PeopleClient(await _server.As("import.service"));
        return await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { FamilyName = "Importcase" },
                Address = new Address { Line1 = "2 Park Road", Postcode = "MK40 1AA", Location = new GeoPoint { Latitude = lat, Longitude = lon } },
            },
        });
    }

    [Fact]
    public async Task Re_importing_with_a_redrawn_boundary_moves_addresses_into_the_new_area()
    {
        var person = await CreatePersonIn("Castle");
        var loc = person.Address.Location;
        // A new force file: one big square area around the person's home.
        var square = $"[[[{loc.Longitude - 0.01},{loc.Latitude - 0.01}],[{loc.Longitude + 0.01},{loc.Latitude - 0.01}],[{loc.Longitude + 0.01},{loc.Latitude + 0.01}],[{loc.Longitude - 0.01},{loc.Latitude + 0.01}],[{loc.Longitude - 0.01},{loc.Latitude - 0.01}]]]";
        var result = await Import($$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"X01","ward_name":"New Beat"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}""");

        Assert.Equal((1, 0, 77), (result.Added, result.Updated, result.Removed));
        Assert.Equal(1, result.AddressesReclassified);
        var stored = await _server.WithDb(db => db.People.SingleAsync(p => p.Id == Guid.Parse(person.Id)));
        Assert.Equal("X01", stored.Address!.AreaCode);
    }

    [Fact]
    public async Task Re_importing_files_every_exclusion_zone_under_the_areas_it_now_touches()
    {
        var person = await CreatePersonIn("Castle");
        var (lat, lon) = Bedfordshire.Inside("Castle");
        await _server.WithDb(async db =>
        {
            var team = new Server.Officers.Team { Name = "Test team", Kind = Server.Officers.TeamKind.Vsomt };
            db.Teams.Add(team);
            var order = new Server.Orders.Order
            {
                PersonId = Guid.Parse(person.Id), Type = Server.Orders.OrderType.SexualHarmPreventionOrder, OwningTeamId = team.Id,
                MadeOn = new DateOnly(2026, 1, 1), StartsOn = new DateOnly(2026, 1, 1),
            };
            order.Conditions.Add(new Server.Orders.ExclusionZoneCondition
            {
                ZoneName = "test", Shape = Server.Orders.ZoneShape.Circle, CentreLatitude = lat, CentreLongitude = lon, RadiusMetres = 100,
                Areas = [new Server.Orders.ExclusionZoneArea { AreaCode = Bedfordshire.Ward("Castle").Code }],
            });
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        });
        var square = $"[[[{lon - 0.01},{lat - 0.01}],[{lon + 0.01},{lat - 0.01}],[{lon + 0.01},{lat + 0.01}],[{lon - 0.01},{lat + 0.01}],[{lon - 0.01},{lat - 0.01}]]]";
        await Import($$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"X02","ward_name":"Redrawn"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}""");

        var codes = await _server.WithDb(db => db.ExclusionZoneAreas.Select(a => a.AreaCode).ToListAsync());
        Assert.Equal(["X02"], codes);
    }

    [Fact]
    public async Task A_file_with_one_bad_polygon_is_refused_whole_and_nothing_changes()
    {
        var person = await CreatePersonIn("Castle");
        const string bowTie = "[[[-0.5,52.0],[-0.4,52.1],[-0.4,52.0],[-0.5,52.1],[-0.5,52.0]]]";
        const string square = "[[[-0.5,52.0],[-0.4,52.0],[-0.4,52.1],[-0.5,52.1],[-0.5,52.0]]]";
        var error = await Assert.ThrowsAsync<ValidationException>(() => Import(
            $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"A","ward_name":"A"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}},{"type":"Feature","properties":{"ward_code":"B","ward_name":"B"},"geometry":{"type":"Polygon","coordinates":{{{bowTie}}}}}]}"""));

        Assert.Equal("features[1]", Assert.Single(error.Violations).Field);
        Assert.Equal(77, await _server.WithDb(db => db.Areas.CountAsync()));
        var stored = await _server.WithDb(db => db.People.SingleAsync(p => p.Id == Guid.Parse(person.Id)));
        Assert.Equal(Bedfordshire.Ward("Castle").Code, stored.Address!.AreaCode);
    }
}
