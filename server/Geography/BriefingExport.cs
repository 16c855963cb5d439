using System.Globalization;
using CsvHelper;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.IO.Converters;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// A briefing as files an analyst or a briefing sergeant can use elsewhere: CSV of the people
/// (one row each, residents then those excluded), and GeoJSON with the beat outline, home points
/// and zones, which QGIS opens as layers. Briefing-level fields only, as on screen.
/// </summary>
public static class BriefingExport
{
    private static readonly JsonSerializerOptions GeoJson = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return options;
    }

    /// <summary>The CSV header: one column per field, in the order written.</summary>
    public static readonly string[] CsvColumns =
    [
        "area_code", "area_name", "lives_here", "name", "aliases", "date_of_birth", "address", "postcode", "latitude", "longitude",
        "risk", "schemes", "orders", "conditions", "warning_markers", "marks", "vehicles", "responsible_officer", "officer_phone", "what_to_do",
    ];

    /// <summary>
    /// RFC 4180 CSV written by CsvHelper. Numbers are written as numbers in the invariant
    /// culture (a negative longitude stays -0.42, so QGIS or a spreadsheet loads each row as a
    /// point); the spreadsheet-formula guard (OWASP CSV injection: a leading =, +, -, @, tab or
    /// CR is escaped) applies to text fields only. Marks and vehicles (issue 18) are the briefing's
    /// identification fields, as the screen shows them: each person's current ones, "; " between.
    /// </summary>
    public static string Csv(Briefing briefing)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader(CsvColumns);
            foreach (var p in briefing.Residents.Concat(briefing.Excluded))
            {
                var a = p.Person.Address;
                csv.WriteField(briefing.Area.Code);
                csv.WriteField(briefing.Area.Name);
                csv.WriteField(p.LivesHere ? "yes" : "no");
                csv.WriteField(p.Person.DisplayName);
                csv.WriteField(string.Join("; ", p.Person.Aliases.Select(x => $"{x.GivenName} {x.FamilyName}".Trim())));
                if (p.Person.DateOfBirth is { } born) csv.WriteField(born, "yyyy-MM-dd");
                else csv.WriteField("");
                csv.WriteField(a is null ? "" : $"{a.Line1}, {a.Town}".Trim(' ', ','));
                csv.WriteField(a?.Postcode ?? "");
                csv.WriteField(a?.Latitude, "0.000000");
                csv.WriteField(a?.Longitude, "0.000000");
                csv.WriteField(RiskLevels.Words(p.Risk));
                csv.WriteField(string.Join("; ", p.Schemes));
                csv.WriteField(string.Join("; ", p.Orders.Select(o => $"{OrderTypeRules.For(o.Type).ShortName} ({OrderStatusWords.Of(o.Status)})")));
                csv.WriteField(string.Join("; ", p.Orders.SelectMany(o => o.Conditions).Select(c => c.Wording)));
                csv.WriteField(People.WarningMarkerNames.Describe(p.Person.WarningMarkers));
                var identifiers = p.Identifiers;
                csv.WriteField(string.Join("; ", identifiers.OfType<PersonMark>().Select(IdentifierRules.Describe)));
                csv.WriteField(string.Join("; ", identifiers.OfType<PersonVehicle>().Select(IdentifierRules.Describe)));
                csv.WriteField(p.Contact?.DisplayName ?? p.ContactTeam?.Name ?? "");
                csv.WriteField(p.Contact?.Phone ?? p.ContactTeam?.Phone ?? "");
                csv.WriteField(p.WhatToDo);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        NullValue = "",
    };

    public static string GeoJsonOf(Briefing briefing)
    {
        var features = new JsonArray { Feature(Geo.FromWkb(briefing.Area.BoundaryWkb), new JsonObject { ["kind"] = "area", ["code"] = briefing.Area.Code, ["name"] = briefing.Area.Name }) };
        foreach (var p in briefing.Residents.Concat(briefing.Excluded).Where(p => p.Person.Address is not null))
        {
            var home = p.Person.Address!;
            features.Add(Feature(Geo.Point(home.Latitude, home.Longitude), new JsonObject
            {
                ["kind"] = "home", ["name"] = p.Person.DisplayName, ["risk"] = RiskLevels.Words(p.Risk), ["lives_here"] = p.LivesHere,
                ["orders"] = string.Join(", ", p.Orders.Select(o => OrderTypeRules.For(o.Type).ShortName)),
            }));
        }
        foreach (var z in briefing.Zones)
        {
            features.Add(Feature(z.Zone.Geometry.Outline, new JsonObject
            {
                ["kind"] = "zone", ["name"] = z.Zone.ZoneName, ["person"] = z.PersonName, ["order"] = OrderTypeRules.For(z.Zone.OrderType).ShortName,
                ["in_force_now"] = z.InForceNow, ["windows"] = string.Join(", ", z.Zone.Windows.Select(w => w.Describe())),
            }));
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["name"] = $"briefing-{briefing.Area.Code}", ["features"] = features }.ToJsonString();
    }

    private static JsonObject Feature(NetTopologySuite.Geometries.Geometry geometry, JsonObject properties) => new()
    {
        ["type"] = "Feature",
        ["properties"] = properties,
        ["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(geometry, GeoJson)),
    };
}
