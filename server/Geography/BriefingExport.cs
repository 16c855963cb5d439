using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.IO.Converters;
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

    public static string Csv(Briefing briefing)
    {
        var text = new StringBuilder();
        text.AppendLine("area_code,area_name,lives_here,name,aliases,date_of_birth,address,postcode,latitude,longitude,risk,schemes,orders,conditions,warning_markers,responsible_officer,officer_phone,what_to_do");
        foreach (var p in briefing.Residents.Concat(briefing.Excluded))
        {
            var a = p.Person.Address;
            text.AppendLine(string.Join(',', new[]
            {
                briefing.Area.Code, briefing.Area.Name, p.LivesHere ? "yes" : "no", p.Person.DisplayName,
                string.Join("; ", p.Person.Aliases.Select(x => $"{x.GivenName} {x.FamilyName}".Trim())),
                p.Person.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                a is null ? "" : $"{a.Line1}, {a.Town}".Trim(' ', ','), a?.Postcode ?? "",
                a?.Latitude.ToString("0.000000", CultureInfo.InvariantCulture) ?? "", a?.Longitude.ToString("0.000000", CultureInfo.InvariantCulture) ?? "",
                p.Risk.ToString(), string.Join("; ", p.Schemes),
                string.Join("; ", p.Orders.Select(o => $"{OrderTypeRules.For(o.Type).ShortName} ({o.Status})")),
                string.Join("; ", p.Orders.SelectMany(o => o.Conditions).Select(c => c.Wording)),
                p.Person.WarningMarkers == People.WarningMarkers.None ? "" : p.Person.WarningMarkers.ToString(),
                p.Contact?.DisplayName ?? p.ContactTeam?.Name ?? "", p.Contact?.Phone ?? p.ContactTeam?.Phone ?? "", p.WhatToDo,
            }.Select(Field)));
        }
        return text.ToString();
    }

    public static string GeoJsonOf(Briefing briefing)
    {
        var features = new JsonArray { Feature(Geo.FromWkb(briefing.Area.BoundaryWkb), new JsonObject { ["kind"] = "area", ["code"] = briefing.Area.Code, ["name"] = briefing.Area.Name }) };
        foreach (var p in briefing.Residents.Concat(briefing.Excluded).Where(p => p.Person.Address is not null))
        {
            var home = p.Person.Address!;
            features.Add(Feature(Geo.Point(home.Latitude, home.Longitude), new JsonObject
            {
                ["kind"] = "home", ["name"] = p.Person.DisplayName, ["risk"] = p.Risk.ToString(), ["lives_here"] = p.LivesHere,
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

    /// <summary>RFC 4180: quote fields with commas, quotes or line breaks; double the quotes. A leading =, +, - or @ is neutralised so a spreadsheet does not run it.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
