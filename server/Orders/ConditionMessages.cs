using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Orders;

/// <summary>
/// Reads typed conditions from the wire, checking each against its rules (field paths like
/// "conditions[2].exclusion_zone.circle.radius_metres"), and writes them back.
/// </summary>
public static class ConditionMessages
{
    public const double MinRadiusMetres = 25;
    public const double MaxRadiusMetres = 10_000;
    public const int MaxZoneVertices = RequestLimits.ZonePoints;
    /// <summary>How far beyond the force's areas a zone may reach (a zone may straddle a border road).</summary>
    public const double ExtentMarginMetres = 2_000;

    public static Condition? ToDomain(V1.Condition? message, string field, Envelope forceExtent, DateOnly addedOn, Validator v)
    {
        if (message is null)
        {
            v.Add(field, "is required");
            return null;
        }
        var wording = v.Optional($"{field}.wording", message.Wording, 4000);
        Condition? condition = message.KindCase switch
        {
            V1.Condition.KindOneofCase.ExclusionZone => Zone(message.ExclusionZone, $"{field}.exclusion_zone", forceExtent, v),
            V1.Condition.KindOneofCase.Curfew => Curfew(message.Curfew, $"{field}.curfew", v),
            V1.Condition.KindOneofCase.NonAssociation => NonAssociation(message.NonAssociation, $"{field}.non_association", v),
            V1.Condition.KindOneofCase.Travel => Travel(message.Travel, $"{field}.travel", v),
            V1.Condition.KindOneofCase.FinancialReporting => Financial(message.FinancialReporting, $"{field}.financial_reporting", v),
            V1.Condition.KindOneofCase.Devices => Devices(message.Devices, $"{field}.devices", v),
            V1.Condition.KindOneofCase.ResidenceNotification => Residence(message.ResidenceNotification, $"{field}.residence_notification", v),
            V1.Condition.KindOneofCase.Other => Other(message.Other, $"{field}.other", wording, v),
            _ => Missing(field, v),
        };
        if (condition is null) return null;
        condition.Wording = wording.Length > 0 ? wording : DefaultWording(condition);
        condition.AddedOn = addedOn;
        return condition;
    }

    private static Condition? Missing(string field, Validator v)
    {
        v.Add(field, "must say what kind of condition it is (exclusion_zone, curfew, non_association, travel, financial_reporting, devices, residence_notification or other)");
        return null;
    }

    private static ExclusionZoneCondition? Zone(V1.ExclusionZone zone, string field, Envelope forceExtent, Validator v)
    {
        var name = v.Required($"{field}.name", zone.Name, 200);
        var windows = Windows(zone.Windows, $"{field}.windows", v, required: false);
        var condition = new ExclusionZoneCondition { ZoneName = name, Windows = windows };
        var allowed = Grow(forceExtent, ExtentMarginMetres);
        ZoneGeometry? geometry = null;
        switch (zone.ShapeCase)
        {
            case V1.ExclusionZone.ShapeOneofCase.Circle:
                var circle = zone.Circle;
                if (circle.Centre is null) v.Add($"{field}.circle.centre", "is required");
                else if (v.Coordinates($"{field}.circle.centre", circle.Centre.Latitude, circle.Centre.Longitude))
                {
                    if (double.IsNaN(circle.RadiusMetres) || circle.RadiusMetres < MinRadiusMetres || circle.RadiusMetres > MaxRadiusMetres)
                        v.Add($"{field}.circle.radius_metres", $"must be between {MinRadiusMetres} and {MaxRadiusMetres} metres (got {circle.RadiusMetres})");
                    else
                    {
                        condition.Shape = ZoneShape.Circle;
                        condition.CentreLatitude = circle.Centre.Latitude;
                        condition.CentreLongitude = circle.Centre.Longitude;
                        condition.RadiusMetres = circle.RadiusMetres;
                        geometry = ZoneGeometry.Circle(circle.Centre.Latitude, circle.Centre.Longitude, circle.RadiusMetres);
                    }
                }
                break;
            case V1.ExclusionZone.ShapeOneofCase.Polygon:
                var polygon = PolygonOf(zone.Polygon, $"{field}.polygon.ring", v);
                if (polygon is not null)
                {
                    condition.Shape = ZoneShape.Polygon;
                    condition.PolygonWkb = Geo.ToWkb(polygon);
                    geometry = ZoneGeometry.Polygon(polygon);
                }
                break;
            default:
                v.Add(field, "needs a shape: a polygon or a circle");
                break;
        }
        if (geometry is null) return null;
        if (forceExtent.IsNull)
            v.Add(field, "cannot be checked: the force has no areas imported yet");
        else if (!allowed.Contains(geometry.Envelope))
            v.Add(field, "lies outside the force's area; check the coordinates (latitude, longitude in WGS84)");
        var box = geometry.Envelope;
        (condition.MinLatitude, condition.MaxLatitude, condition.MinLongitude, condition.MaxLongitude) = (box.MinY, box.MaxY, box.MinX, box.MaxX);
        return condition;
    }

    private static Polygon? PolygonOf(V1.PolygonZone zone, string field, Validator v)
    {
        var points = zone.Ring;
        if (points.Count < 4) { v.Add(field, $"needs at least 4 points, the last repeating the first (got {points.Count})"); return null; }
        if (points.Count > MaxZoneVertices) { v.Add(field, $"may have at most {MaxZoneVertices} points"); return null; }
        for (var i = 0; i < points.Count; i++)
        {
            if (!v.Coordinates($"{field}[{i}]", points[i].Latitude, points[i].Longitude)) return null;
        }
        if (points[0].Latitude != points[^1].Latitude || points[0].Longitude != points[^1].Longitude)
        {
            v.Add(field, "is not closed: the last point must repeat the first");
            return null;
        }
        var polygon = Geo.Factory.CreatePolygon(points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray());
        var problem = new IsValidOp(polygon).ValidationError;
        if (problem is not null)
        {
            v.Add(field, $"is not a valid polygon: {problem.Message} near ({problem.Coordinate?.Y:F6}, {problem.Coordinate?.X:F6})");
            return null;
        }
        if (polygon.Area <= 0) { v.Add(field, "encloses no area"); return null; }
        return polygon;
    }

    private static CurfewCondition? Curfew(V1.Curfew curfew, string field, Validator v)
    {
        var windows = Windows(curfew.Windows, $"{field}.windows", v, required: true);
        var address = v.Optional($"{field}.address", curfew.Address, 500);
        var condition = new CurfewCondition { Windows = windows, AddressText = address };
        if (curfew.Location is { } at && v.Coordinates($"{field}.location", at.Latitude, at.Longitude))
            (condition.Latitude, condition.Longitude) = (at.Latitude, at.Longitude);
        return condition;
    }

    private static NonAssociationCondition? NonAssociation(V1.NonAssociation condition, string field, Validator v)
    {
        if (condition.Associates.Count == 0) { v.Add($"{field}.associates", "must name at least one person"); return null; }
        if (!v.Count($"{field}.associates", condition.Associates.Count, RequestLimits.Associates)) return null;
        var associates = new List<NonAssociate>();
        for (var i = 0; i < condition.Associates.Count; i++)
        {
            var a = condition.Associates[i];
            var path = $"{field}.associates[{i}]";
            var id = v.Id($"{path}.person_id", a.PersonId, required: false);
            var description = v.Optional($"{path}.description", a.Description, 500);
            if (id == Guid.Empty && description.Length == 0) v.Add(path, "must give a person_id or a description");
            associates.Add(new NonAssociate(id == Guid.Empty ? null : id, description));
        }
        return new NonAssociationCondition { Associates = associates };
    }

    private static TravelCondition Travel(V1.Travel travel, string field, Validator v)
    {
        if (travel.NoticeDays is < 0 or > 90) v.Add($"{field}.notice_days", "must be between 0 and 90 days");
        return new TravelCondition { NoticeDays = travel.NoticeDays, PassportSurrendered = travel.PassportSurrendered };
    }

    private static FinancialReportingCondition Financial(V1.FinancialReporting reporting, string field, Validator v)
    {
        var what = v.Required($"{field}.what_to_report", reporting.WhatToReport, 2000);
        var months = reporting.IntervalMonths == 0 ? 1 : reporting.IntervalMonths;
        if (months is < 1 or > 12) v.Add($"{field}.interval_months", "must be between 1 and 12");
        return new FinancialReportingCondition { WhatToReport = what, IntervalMonths = months };
    }

    private static DevicesCondition Devices(V1.Devices devices, string field, Validator v)
    {
        if (devices.MaxPhones is < 0 or > 10) v.Add($"{field}.max_phones", "must be between 0 (no limit stated) and 10");
        var months = devices.InspectionIntervalMonths == 0 ? 3 : devices.InspectionIntervalMonths;
        if (months is < 1 or > 12) v.Add($"{field}.inspection_interval_months", "must be between 1 and 12");
        return new DevicesCondition
        {
            MaxPhones = devices.MaxPhones == 0 ? null : devices.MaxPhones,
            MustRegisterDevices = devices.MustRegisterDevices,
            MustAllowInspection = devices.MustAllowInspection,
            InspectionIntervalMonths = months,
        };
    }

    private static ResidenceNotificationCondition Residence(V1.ResidenceNotification residence, string field, Validator v)
    {
        var days = residence.NotifyWithinDays == 0 ? 3 : residence.NotifyWithinDays;
        if (days is < 1 or > 30) v.Add($"{field}.notify_within_days", "must be between 1 and 30");
        return new ResidenceNotificationCondition { NotifyWithinDays = days };
    }

    private static OtherCondition Other(V1.OtherCondition other, string field, string wording, Validator v)
    {
        if (wording.Length == 0) v.Add(field.Replace(".other", ".wording", StringComparison.Ordinal), "is required for an 'other' condition: say what it requires");
        if (other.CheckIntervalDays != 0 && other.CheckIntervalDays is < 7 or > 366)
            v.Add($"{field}.check_interval_days", "must be 0 (no checks) or between 7 and 366");
        return new OtherCondition { CheckIntervalDays = other.CheckIntervalDays == 0 ? null : other.CheckIntervalDays };
    }

    private static List<WeeklyWindow> Windows(IList<V1.TimeWindow> windows, string field, Validator v, bool required)
    {
        if (required && windows.Count == 0) v.Add(field, "must have at least one time window");
        var result = new List<WeeklyWindow>();
        if (!v.Count(field, windows.Count, RequestLimits.TimeWindows)) return result;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var path = $"{field}[{i}]";
            if (w.Day == V1.DayOfWeek.Unspecified || !Enum.IsDefined(w.Day)) { v.Add($"{path}.day", "is required (Monday to Sunday)"); continue; }
            var start = Time($"{path}.start", w.Start, v);
            var end = Time($"{path}.end", w.End, v);
            if (start is null || end is null) continue;
            if (start == end) { v.Add(path, "has no length: its start and end are the same time"); continue; }
            result.Add(new WeeklyWindow((System.DayOfWeek)((int)w.Day % 7), start.Value, end.Value));
        }
        return result;
    }

    private static TimeOnly? Time(string field, string text, Validator v)
    {
        if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        v.Add(field, $"must be a time in the form HH:MM (got '{Validator.Truncate(text)}')");
        return null;
    }

    private static Envelope Grow(Envelope extent, double metres)
    {
        if (extent.IsNull) return extent;
        var (dLat, dLon) = Geo.DegreesFor(metres, extent.Centre.Y);
        var grown = new Envelope(extent);
        grown.ExpandBy(dLon, dLat);
        return grown;
    }

    public static string DefaultWording(Condition condition) => condition switch
    {
        ExclusionZoneCondition z => $"Not to enter {z.ZoneName}{(z.Windows.Count > 0 ? " during " + string.Join(", ", z.Windows.Select(w => w.Describe())) : "")}.",
        CurfewCondition c => $"To remain at {(c.AddressText.Length > 0 ? c.AddressText : "home")} {string.Join(", ", c.Windows.Select(w => w.Describe()))}.",
        NonAssociationCondition n => $"Not to associate with {Plural.Of(n.Associates.Count, "named or described person", "named or described people")}.",
        TravelCondition t => $"To notify foreign travel at least {t.NoticeDays} days ahead{(t.PassportSurrendered ? "; passport surrendered" : "")}.",
        FinancialReportingCondition f => $"To report {f.WhatToReport} every {(f.IntervalMonths == 1 ? "month" : $"{f.IntervalMonths} months")}.",
        DevicesCondition d => $"{(d.MaxPhones is { } m ? $"No more than {Plural.Of(m, "phone")}. " : "")}{(d.MustRegisterDevices ? "Register all devices. " : "")}{(d.MustAllowInspection ? "Allow devices to be inspected." : "")}".Trim(),
        ResidenceNotificationCondition r => $"To notify any change of address within {r.NotifyWithinDays} days.",
        _ => "",
    };

    public static V1.Condition ToMessage(Condition condition, Func<Guid, string?> nameOf, IReadOnlyList<string> zoneAreas)
    {
        var message = new V1.Condition
        {
            Id = condition.Id.ToString(),
            Wording = condition.Wording,
            AddedOn = IsoDate.Format(condition.AddedOn),
            RemovedOn = IsoDate.Format(condition.RemovedOn),
        };
        switch (condition)
        {
            case ExclusionZoneCondition z:
                var zone = new V1.ExclusionZone { Name = z.ZoneName };
                if (z.Shape == ZoneShape.Circle)
                    zone.Circle = new V1.CircleZone { Centre = new V1.GeoPoint { Latitude = z.CentreLatitude!.Value, Longitude = z.CentreLongitude!.Value }, RadiusMetres = z.RadiusMetres!.Value };
                else
                {
                    var polygon = new V1.PolygonZone();
                    polygon.Ring.AddRange(((Polygon)Geo.FromWkb(z.PolygonWkb!)).ExteriorRing.Coordinates.Select(c => new V1.GeoPoint { Latitude = c.Y, Longitude = c.X }));
                    zone.Polygon = polygon;
                }
                zone.Windows.AddRange(z.Windows.Select(ToMessage));
                zone.AreaCodes.AddRange(zoneAreas);
                message.ExclusionZone = zone;
                break;
            case CurfewCondition c:
                var curfew = new V1.Curfew { Address = c.AddressText };
                curfew.Windows.AddRange(c.Windows.Select(ToMessage));
                if (c.Latitude is { } lat && c.Longitude is { } lon) curfew.Location = new V1.GeoPoint { Latitude = lat, Longitude = lon };
                message.Curfew = curfew;
                break;
            case NonAssociationCondition n:
                var na = new V1.NonAssociation();
                na.Associates.AddRange(n.Associates.Select(a => new V1.NonAssociate
                {
                    PersonId = a.PersonId?.ToString() ?? "", Description = a.Description,
                    Name = a.PersonId is { } id ? nameOf(id) ?? "" : "",
                }));
                message.NonAssociation = na;
                break;
            case TravelCondition t:
                message.Travel = new V1.Travel { NoticeDays = t.NoticeDays, PassportSurrendered = t.PassportSurrendered };
                break;
            case FinancialReportingCondition f:
                message.FinancialReporting = new V1.FinancialReporting { WhatToReport = f.WhatToReport, IntervalMonths = f.IntervalMonths };
                break;
            case DevicesCondition d:
                message.Devices = new V1.Devices { MaxPhones = d.MaxPhones ?? 0, MustRegisterDevices = d.MustRegisterDevices, MustAllowInspection = d.MustAllowInspection, InspectionIntervalMonths = d.InspectionIntervalMonths };
                break;
            case ResidenceNotificationCondition r:
                message.ResidenceNotification = new V1.ResidenceNotification { NotifyWithinDays = r.NotifyWithinDays };
                break;
            case OtherCondition o:
                message.Other = new V1.OtherCondition { CheckIntervalDays = o.CheckIntervalDays ?? 0 };
                break;
        }
        return message;
    }

    public static V1.TimeWindow ToMessage(WeeklyWindow window) => new()
    {
        Day = (V1.DayOfWeek)(window.Day == System.DayOfWeek.Sunday ? 7 : (int)window.Day),
        Start = window.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = window.End.ToString("HH:mm", CultureInfo.InvariantCulture),
    };
}
