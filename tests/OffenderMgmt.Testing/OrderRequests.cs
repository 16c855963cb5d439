using OffenderMgmt.Contracts.V1;
using DayOfWeek = OffenderMgmt.Contracts.V1.DayOfWeek;

namespace OffenderMgmt.Testing;

/// <summary>Well-formed order requests and conditions for tests to start from.</summary>
public static class OrderRequests
{
    /// <summary>Luton town centre around The Mall and George Street, as a closed ring.</summary>
    public static PolygonZone LutonTownCentre() => Ring((51.8812, -0.4235), (51.8812, -0.4120), (51.8760, -0.4120), (51.8760, -0.4235));

    public static PolygonZone Ring(params (double Lat, double Lon)[] corners)
    {
        var zone = new PolygonZone();
        zone.Ring.AddRange(corners.Append(corners[0]).Select(c => new GeoPoint { Latitude = c.Lat, Longitude = c.Lon }));
        return zone;
    }

    public static Condition Zone(PolygonZone polygon, string name = "Luton town centre", params TimeWindow[] windows)
    {
        var zone = new ExclusionZone { Name = name, Polygon = polygon };
        zone.Windows.AddRange(windows);
        return new Condition { ExclusionZone = zone };
    }

    public static Condition Circle(double lat, double lon, double radius, string name = "Wardown Park") =>
        new() { ExclusionZone = new ExclusionZone { Name = name, Circle = new CircleZone { Centre = new GeoPoint { Latitude = lat, Longitude = lon }, RadiusMetres = radius } } };

    public static Condition Financial(int months = 1) =>
        new() { Wording = "To provide bank statements for every account held", FinancialReporting = new FinancialReporting { WhatToReport = "bank statements", IntervalMonths = months } };

    public static Condition Devices() =>
        new() { Devices = new Devices { MaxPhones = 1, MustRegisterDevices = true, MustAllowInspection = true, InspectionIntervalMonths = 3 } };

    public static Condition Travel() => new() { Travel = new Travel { NoticeDays = 7 } };

    public static Condition Curfew(DayOfWeek day, string start, string end) =>
        new() { Curfew = new Curfew { Address = "home address", Windows = { new TimeWindow { Day = day, Start = start, End = end } } } };

    public static CreateOrderRequest Scpo(Guid person, Guid lead, string madeOn = "2026-11-20", string endsOn = "2031-11-19", params Condition[] conditions)
    {
        var request = new CreateOrderRequest
        {
            PersonId = person.ToString(), Type = OrderType.Scpo, Court = "Luton Crown Court", CaseReference = "T20267781",
            MadeOn = madeOn, EndsOn = endsOn, LeadOfficerId = lead.ToString(),
        };
        request.Conditions.AddRange(conditions);
        return request;
    }

    public static CreateOrderRequest Shpo(Guid person, Guid lead, params Condition[] conditions)
    {
        var request = new CreateOrderRequest
        {
            PersonId = person.ToString(), Type = OrderType.Shpo, Court = "Bedford Magistrates' Court",
            MadeOn = "2026-11-25", LeadOfficerId = lead.ToString(), VictimDetails = "Protected child: known to the family",
        };
        request.Conditions.AddRange(conditions);
        return request;
    }
}
