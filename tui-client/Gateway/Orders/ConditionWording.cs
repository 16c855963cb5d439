using System.Globalization;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Turns the API's typed conditions into a kind, a plain summary and, for zones, a shape to draw.</summary>
internal static class ConditionWording
{
    public static ConditionView ToView(V1.Condition c)
    {
        var (kind, detail) = c.KindCase switch
        {
            V1.Condition.KindOneofCase.ExclusionZone => ("Exclusion zone", Zone(c.ExclusionZone)),
            V1.Condition.KindOneofCase.Curfew => ("Curfew", Curfew(c.Curfew)),
            V1.Condition.KindOneofCase.NonAssociation => ("Non-association", NonAssociation(c.NonAssociation)),
            V1.Condition.KindOneofCase.Travel => ("Travel", Travel(c.Travel)),
            V1.Condition.KindOneofCase.FinancialReporting => ("Financial reporting", Financial(c.FinancialReporting)),
            V1.Condition.KindOneofCase.Devices => ("Devices", Devices(c.Devices)),
            V1.Condition.KindOneofCase.ResidenceNotification => ("Residence", $"notify a change of address within {c.ResidenceNotification.NotifyWithinDays} days"),
            V1.Condition.KindOneofCase.Other => ("Other", c.Other.CheckIntervalDays > 0 ? $"checked every {c.Other.CheckIntervalDays} days" : ""),
            _ => ("Condition", ""),
        };
        return new ConditionView(c.Id, kind, c.Wording, detail,
            c.KindCase == V1.Condition.KindOneofCase.ExclusionZone ? ToShape(c.ExclusionZone) : null);
    }

    public static ZoneShape ToShape(V1.ExclusionZone zone) => zone.ShapeCase switch
    {
        V1.ExclusionZone.ShapeOneofCase.Circle => new ZoneShape(zone.Name, [], Wire.Position(zone.Circle.Centre), zone.Circle.RadiusMetres, Windows(zone.Windows)),
        V1.ExclusionZone.ShapeOneofCase.Polygon => new ZoneShape(zone.Name,
            zone.Polygon.Ring.Select(p => new GeoPosition(p.Latitude, p.Longitude)).ToList(), null, 0, Windows(zone.Windows)),
        _ => new ZoneShape(zone.Name, [], null, 0, Windows(zone.Windows)),
    };

    /// <summary>"at all times" or "Fri 19:00-07:00, Sat 19:00-07:00".</summary>
    public static string Windows(IEnumerable<V1.TimeWindow> windows)
    {
        var list = windows.ToList();
        return list.Count == 0 ? "at all times" : string.Join(", ", list.Select(w => $"{Wording.Of(w.Day)} {w.Start}-{w.End}"));
    }

    private static string Zone(V1.ExclusionZone zone)
    {
        var shape = ToShape(zone);
        var name = zone.Name.Length > 0 ? $"{zone.Name}: " : "";
        return $"{name}not to enter {shape.Describe()}, {shape.When}";
    }

    private static string Curfew(V1.Curfew curfew)
    {
        var where = curfew.Address.Length > 0 ? $" at {curfew.Address}" : " at home";
        return $"to stay{where}, {Windows(curfew.Windows)}";
    }

    private static string NonAssociation(V1.NonAssociation n)
    {
        var who = n.Associates.Select(a => a.Name.Length > 0 ? a.Name : a.Description.Length > 0 ? a.Description : "a named person").ToList();
        return who.Count == 0 ? "no contact with named people" : $"no contact with {string.Join("; ", who)}";
    }

    private static string Travel(V1.Travel t)
    {
        var parts = new List<string>();
        if (t.NoticeDays > 0) parts.Add($"give {t.NoticeDays} days' notice of foreign travel");
        if (t.PassportSurrendered) parts.Add("passport surrendered");
        return string.Join("; ", parts);
    }

    private static string Financial(V1.FinancialReporting f) =>
        f.IntervalMonths > 0 ? $"report {f.WhatToReport} every {f.IntervalMonths} months" : $"report {f.WhatToReport}";

    private static string Devices(V1.Devices d)
    {
        var parts = new List<string>();
        if (d.MaxPhones > 0) parts.Add(d.MaxPhones == 1 ? "one phone only" : string.Create(CultureInfo.InvariantCulture, $"at most {d.MaxPhones} phones"));
        if (d.MustRegisterDevices) parts.Add("register devices");
        if (d.MustAllowInspection) parts.Add(d.InspectionIntervalMonths > 0 ? $"allow inspection every {d.InspectionIntervalMonths} months" : "allow inspection");
        return string.Join("; ", parts);
    }
}
