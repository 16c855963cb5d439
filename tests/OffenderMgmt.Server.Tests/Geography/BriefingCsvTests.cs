using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Google.Protobuf.WellKnownTypes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// The briefing CSV loads as points: read back with a CSV parser (CsvHelper), every row's
/// latitude and longitude are numbers (Bedfordshire's longitudes are all negative) equal to the
/// home points of the GeoJSON export, for every beat of the demo force; the spreadsheet-formula
/// guard still escapes text.
/// </summary>
public sealed class BriefingCsvTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    private static List<Dictionary<string, string>> ReadCsv(string content)
    {
        using var reader = CsvReader.Create(new StringReader(content));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(BriefingExport.CsvColumns, reader.Headers.ToArray());
            rows.Add(reader.Current.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value ?? ""));
        }
        return rows;
    }

    [Fact]
    public async Task Every_row_of_every_beats_csv_has_numeric_coordinates_equal_to_the_geojson_points()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var codes = new List<string>();
        var token = "";
        do
        {
            var page = await areas.ListAreasAsync(new ListAreasRequest { PageSize = 500, PageToken = token });
            codes.AddRange(page.Areas.Select(a => a.Code));
            token = page.NextPageToken;
        } while (token.Length > 0);
        Assert.Equal(77, codes.Count);

        var problems = new List<string>();
        var points = 0;
        foreach (var code in codes)
        {
            var csv = ReadCsv((await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = code, Format = ExportFormat.Csv })).Content);
            var geojson = JsonSerializer.Deserialize<FeatureCollection>(
                (await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = code, Format = ExportFormat.Geojson })).Content, GeoJsonOptions)!;
            var homes = geojson.Where(f => (string)f.Attributes["kind"] == "home").ToList();
            var located = csv.Where(r => r["latitude"].Length > 0 || r["longitude"].Length > 0).ToList();
            if (located.Count != homes.Count)
            {
                problems.Add($"{code}: {located.Count} CSV rows with coordinates, {homes.Count} GeoJSON homes");
                continue;
            }
            for (var i = 0; i < homes.Count; i++)
            {
                var row = located[i];
                var point = (Point)homes[i].Geometry;
                if (!double.TryParse(row["latitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
                    !double.TryParse(row["longitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                {
                    problems.Add($"{code} row {i}: coordinates are not numbers ({row["latitude"]}, {row["longitude"]})");
                    continue;
                }
                if (Math.Abs(lat - point.Y) > 1e-6 || Math.Abs(lon - point.X) > 1e-6 || row["name"] != (string)homes[i].Attributes["name"])
                    problems.Add($"{code} row {i}: CSV ({lat}, {lon}) is not the GeoJSON point ({point.Y}, {point.X}) of the same person");
                points++;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(points > 500, $"only {points} points were compared");
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_escaped_but_numbers_are_not()
    {
        var manager = new People.PeopleClient(await server.As("demo.manager"));
        var personId = await server.CaseOf("demo.manager", skip: 7);
        var person = await manager.GetPersonAsync(new GetPersonRequest { Id = personId.ToString() });
        var input = new PersonInput();
        input.Aliases.Add(new PersonName { GivenName = "=HYPERLINK(\"http://x\")", FamilyName = "Formula" });
        await manager.UpdatePersonAsync(new UpdatePersonRequest
        {
            Id = person.Id, ExpectedVersion = person.Version, Person = input, UpdateMask = new FieldMask { Paths = { "aliases" } },
        });

        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var csv = ReadCsv((await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = person.Address.AreaCode, Format = ExportFormat.Csv })).Content);
        var row = csv.Single(r => r["aliases"].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://x\") Formula", row["aliases"]);
        Assert.Equal(person.Address.Location.Longitude, double.Parse(row["longitude"], CultureInfo.InvariantCulture), 6);
        Assert.StartsWith("-", row["longitude"], StringComparison.Ordinal);
    }

    private static readonly string[] RiskWords = ["low", "medium", "high", "very high", "unassessed"];

    [Fact]
    public async Task The_csv_carries_the_marks_and_vehicles_the_briefing_shows_and_says_risk_and_order_status_in_words()
    {
        var areas = new Areas.AreasClient(await server.Officer("briefing"));
        var codes = (await areas.ListAreasAsync(new ListAreasRequest { PageSize = 500 })).Areas.Select(a => a.Code).ToList();
        var (marks, vehicles, checkedRows) = (0, 0, 0);
        foreach (var code in codes)
        {
            var briefing = await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = code });
            var people = briefing.Residents.Concat(briefing.Excluded).ToList();
            if (!people.Any(p => p.Identification.Count > 0)) continue;
            var csv = ReadCsv((await areas.ExportBriefingAsync(new ExportBriefingRequest { AreaCode = code, Format = ExportFormat.Csv })).Content);
            Assert.Equal(people.Count, csv.Count);
            for (var i = 0; i < people.Count; i++)
            {
                var shown = people[i].Identification;
                Assert.Equal(string.Join("; ", shown.Where(x => x.DetailCase == Identifier.DetailOneofCase.Mark).Select(x => x.Display)), csv[i]["marks"]);
                Assert.Equal(string.Join("; ", shown.Where(x => x.DetailCase == Identifier.DetailOneofCase.Vehicle).Select(x => x.Display)), csv[i]["vehicles"]);
                Assert.Contains(csv[i]["risk"], RiskWords);
                Assert.DoesNotContain("MadeNotServed", csv[i]["orders"], StringComparison.Ordinal);
                marks += csv[i]["marks"].Length > 0 ? 1 : 0;
                vehicles += csv[i]["vehicles"].Length > 0 ? 1 : 0;
                checkedRows++;
            }
            if (marks > 0 && vehicles > 0 && checkedRows > 50) break;
        }
        Assert.True(marks > 0 && vehicles > 0, $"no exported marks ({marks}) or vehicles ({vehicles}) to compare in {checkedRows} rows");
    }
}
