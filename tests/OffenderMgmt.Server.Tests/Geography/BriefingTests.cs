using System.Text;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using OffenderMgmt.Contracts.V1;
using ZoneGeometry = OffenderMgmt.Server.Orders.ZoneGeometry;
using OffenderMgmt.Testing;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;
using OrderStatus = OffenderMgmt.Server.Orders.OrderStatus;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// Beat briefings on the demo force, checked against an independent computation on the real
/// Bedfordshire polygons: who lives in the ward (point in polygon, done directly), which zones
/// touch it (zone outline against the ward polygon), who is barred from it.
/// </summary>
public sealed class BriefingTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string South = "E05002208";   // Luton: the town centre

    private static readonly System.Text.Json.JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    private async Task<Briefing> Briefing(string code) =>
        await new Areas.AreasClient(await server.Officer("briefing")).GetBriefingAsync(new GetBriefingRequest { AreaCode = code });

    /// <summary>Independent: managed people whose home point lies in the ward polygon (lowest code on a shared edge).</summary>
    private Task<HashSet<Guid>> ResidentsByDirectComputation(string code) => server.WithDb(async db =>
    {
        var homes = await db.People.Where(p => p.Address != null &&
                (db.Managements.Any(m => m.PersonId == p.Id && m.Status == ManagementStatus.Active) ||
                 db.Orders.Any(o => o.PersonId == p.Id && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired)))
            .Select(p => new { p.Id, p.Address!.Latitude, p.Address.Longitude }).ToListAsync();
        return homes.Where(h =>
        {
            var point = new Point(h.Longitude, h.Latitude);
            return Bedfordshire.Wards.Where(w => w.Boundary.Covers(point)).Select(w => w.Code).Order(StringComparer.Ordinal).FirstOrDefault() == code;
        }).Select(h => h.Id).ToHashSet();
    });

    /// <summary>Independent: zones of served, live orders whose outline intersects the ward polygon.</summary>
    private Task<HashSet<Guid>> ZonesByDirectComputation(string code) => server.WithDb(async db =>
    {
        var ward = Bedfordshire.Wards.Single(w => w.Code == code).Boundary;
        var zones = await db.Conditions.OfType<Server.Orders.ExclusionZoneCondition>().Where(z => z.RemovedOn == null &&
            db.Orders.Any(o => o.Id == z.OrderId && o.ServedAt != null && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired)).ToListAsync();
        return zones.Where(z => ZoneGeometry.Of(z).Outline.Intersects(ward)).Select(z => z.Id).ToHashSet();
    });

    [Theory]
    [InlineData(South)]
    [InlineData("E05002193")]  // Barnfield
    [InlineData("E05008753")]  // Castle, Bedford
    [InlineData("E05008786")]  // Dunstable-Central
    public async Task A_briefing_lists_exactly_the_managed_residents_and_the_zones_touching_the_ward(string code)
    {
        var briefing = await Briefing(code);
        Assert.Equal((await ResidentsByDirectComputation(code)).Order(), briefing.Residents.Select(r => Guid.Parse(r.PersonId)).Order());
        Assert.Equal((await ZonesByDirectComputation(code)).Order(), briefing.Zones.Select(z => Guid.Parse(z.ConditionId)).Order());
        Assert.All(briefing.Residents, r => Assert.True(r.LivesHere));
        var residents = briefing.Residents.Select(r => r.PersonId).ToHashSet();
        Assert.Equal(briefing.Zones.Select(z => z.PersonId).Where(p => !residents.Contains(p)).Distinct().Order(), briefing.Excluded.Select(e => e.PersonId).Order());
    }

    [Fact]
    public async Task Residents_come_highest_risk_first_with_whom_to_call_and_what_to_do()
    {
        var briefing = await Briefing(South);
        Assert.Equal(briefing.Residents.Select(r => (int)r.RiskLevel).OrderDescending(), briefing.Residents.Select(r => (int)r.RiskLevel));
        Assert.All(briefing.Residents, r => Assert.NotEqual("", r.WhatToDo));
        Assert.All(briefing.Residents, r => Assert.NotNull(r.ResponsibleOfficer));
        Assert.Contains(briefing.Residents, r => r.ResponsibleOfficer.Phone != "");
    }

    [Fact]
    public async Task A_zone_touching_two_wards_is_in_both_briefings_and_its_subject_is_barred_from_the_town_centre()
    {
        var south = await Briefing(South);
        var townCentre = south.Zones.First(z => z.Zone.Name == "Luton town centre");
        Assert.True(townCentre.Zone.AreaCodes.Count >= 2);
        var neighbour = townCentre.Zone.AreaCodes.First(c => c != South);
        Assert.Contains((await Briefing(neighbour)).Zones, z => z.ConditionId == townCentre.ConditionId);
        // Someone who lives outside Luton is barred from it: listed as excluded, not as a resident.
        var barred = south.Excluded.Where(e => south.Zones.Any(z => z.PersonId == e.PersonId && z.Zone.Name == "Luton town centre")).ToList();
        Assert.NotEmpty(barred);
        Assert.All(barred, e => Assert.False(e.LivesHere));
        Assert.All(barred, e => Assert.DoesNotContain(e.PersonId, south.Residents.Select(r => r.PersonId)));
    }

    [Fact]
    public async Task A_local_officers_briefing_carries_no_restricted_field_on_the_wire()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var briefing = await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = South });
        var wire = Encoding.UTF8.GetString(Google.Protobuf.MessageExtensions.ToByteArray(briefing));
        var ids = briefing.Residents.Concat(briefing.Excluded).Select(p => Guid.Parse(p.PersonId)).ToList();
        var secrets = await server.WithDb(async db =>
            (await db.People.Where(p => ids.Contains(p.Id) && p.HealthNotes != "").Select(p => p.HealthNotes).ToListAsync())
            .Concat(await db.Managements.Where(m => ids.Contains(m.PersonId) && m.RiskAssessment != "").Select(m => m.RiskAssessment).ToListAsync())
            .Concat(await db.Orders.Where(o => ids.Contains(o.PersonId) && o.VictimDetails != "").Select(o => o.VictimDetails).ToListAsync())
            .Distinct().ToList());
        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, wire));
    }

    [Fact]
    public async Task A_briefing_exports_as_csv_and_as_geojson_that_a_gis_can_read()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var briefing = await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = South });
        var csv = await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = South, Format = ExportFormat.Csv });
        Assert.Equal("text/csv", csv.ContentType);
        Assert.StartsWith("area_code,area_name,lives_here,name", csv.Content, StringComparison.Ordinal);
        Assert.Equal(1 + briefing.Residents.Count + briefing.Excluded.Count, csv.Content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var geojson = await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = South, Format = ExportFormat.Geojson });
        var features = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(geojson.Content, GeoJsonOptions)!;
        Assert.Equal(1, features.Count(f => (string)f.Attributes["kind"] == "area"));
        Assert.Equal(briefing.Residents.Count + briefing.Excluded.Count, features.Count(f => (string)f.Attributes["kind"] == "home"));
        Assert.Equal(briefing.Zones.Count, features.Count(f => (string)f.Attributes["kind"] == "zone"));
        Assert.True(features.Single(f => (string)f.Attributes["kind"] == "area").Geometry is Polygon or MultiPolygon);
    }

    [Fact]
    public async Task An_unknown_ward_is_not_found_and_a_bad_format_is_refused()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        await RpcAssert.Fails(Grpc.Core.StatusCode.NotFound, () => areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = "E05999999" }).ResponseAsync);
        await RpcAssert.FailsOnField("area_code", () => areas.GetBriefingAsync(new GetBriefingRequest()).ResponseAsync);
        await RpcAssert.FailsOnField("format", () => areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = South }).ResponseAsync);
    }
}
