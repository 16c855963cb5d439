using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Geography;

public enum Verdict { NoBreach = 1, Breach = 2, NotEnoughInformation = 3 }

/// <summary>What a sighting says about one condition.</summary>
public sealed record Finding(Order Order, Condition Condition, Verdict Verdict, string Reason);

/// <summary>A person seen at a place and time, perhaps with others.</summary>
public sealed record SightingFacts(double Latitude, double Longitude, DateTime LocalTime, IReadOnlySet<Guid> WithPeople, string WithDescription);

/// <summary>
/// Judges a sighting against a person's conditions, without a database: inside an exclusion
/// zone while it binds is a breach; away from the curfew address during curfew hours is a
/// breach; with a named non-associate is a breach; with someone only described ("a child")
/// when the order forbids a described class of person is for the officer to judge. Conditions
/// a sighting cannot breach (reporting, devices, travel) are not judged.
/// </summary>
public static class SightingJudge
{
    /// <summary>How far from the curfew address still counts as at it (a doorstep, a garden, GPS error).</summary>
    public const double CurfewToleranceMetres = 100;

    public static IReadOnlyList<Finding> Judge(IEnumerable<Order> enforceableOrders, SightingFacts facts, Func<Guid, string> nameOf, (double Lat, double Lon)? home)
    {
        var findings = new List<Finding>();
        var day = DateOnly.FromDateTime(facts.LocalTime);
        foreach (var order in enforceableOrders)
        {
            foreach (var condition in order.Conditions.Where(c => c.AddedOn <= day && (c.RemovedOn is null || c.RemovedOn > day)))
            {
                var finding = condition switch
                {
                    ExclusionZoneCondition zone => Zone(order, zone, facts),
                    CurfewCondition curfew => Curfew(order, curfew, facts, home),
                    NonAssociationCondition na => NonAssociation(order, na, facts, nameOf),
                    _ => null,
                };
                if (finding is not null) findings.Add(finding);
            }
        }
        return findings;
    }

    public static Verdict Overall(IReadOnlyList<Finding> findings) =>
        findings.Any(f => f.Verdict == Verdict.Breach) ? Verdict.Breach
        : findings.Any(f => f.Verdict == Verdict.NotEnoughInformation) ? Verdict.NotEnoughInformation
        : Verdict.NoBreach;

    private static Finding Zone(Order order, ExclusionZoneCondition zone, SightingFacts facts)
    {
        var geometry = ZoneGeometry.Of(zone);
        if (!geometry.Covers(facts.Latitude, facts.Longitude))
            return new(order, zone, Verdict.NoBreach, $"Outside {zone.ZoneName} ({Geo.DistanceWords(geometry.DistanceMetres(facts.Latitude, facts.Longitude))} from it).");
        if (zone.Windows.Count > 0 && !WeeklyWindow.AnyCovers(zone.Windows, facts.LocalTime))
            return new(order, zone, Verdict.NoBreach, $"Inside {zone.ZoneName}, but it is only barred {string.Join(", ", zone.Windows.Select(w => w.Describe()))}.");
        return new(order, zone, Verdict.Breach, $"Inside {zone.ZoneName}, which the order bars them from{(zone.Windows.Count > 0 ? " at this time" : "")}.");
    }

    private static Finding Curfew(Order order, CurfewCondition curfew, SightingFacts facts, (double Lat, double Lon)? home)
    {
        if (!WeeklyWindow.AnyCovers(curfew.Windows, facts.LocalTime))
            return new(order, curfew, Verdict.NoBreach, $"Not curfew hours ({string.Join(", ", curfew.Windows.Select(w => w.Describe()).Distinct())}).");
        (double Lat, double Lon)? address = curfew.Latitude is { } lat && curfew.Longitude is { } lon ? (lat, lon) : home;
        if (address is not { } at)
            return new(order, curfew, Verdict.NotEnoughInformation, "During curfew hours, but the curfew address has no location on record: check the address.");
        var distance = Geography.Geo.DistanceMetres(at.Lat, at.Lon, facts.Latitude, facts.Longitude);
        return distance <= CurfewToleranceMetres
            ? new(order, curfew, Verdict.NoBreach, $"During curfew hours, at the curfew address ({Geo.DistanceWords(distance)} from it).")
            : new(order, curfew, Verdict.Breach, $"During curfew hours, {Geo.DistanceWords(distance)} from the curfew address ({(curfew.AddressText.Length > 0 ? curfew.AddressText : "home")}).");
    }

    private static Finding NonAssociation(Order order, NonAssociationCondition condition, SightingFacts facts, Func<Guid, string> nameOf)
    {
        var named = condition.Associates.Where(a => a.PersonId is { } id && facts.WithPeople.Contains(id)).ToList();
        if (named.Count > 0)
            return new(order, condition, Verdict.Breach, $"With {string.Join(", ", named.Select(a => nameOf(a.PersonId!.Value)))}, whom the order forbids them to associate with.");
        var described = condition.Associates.Where(a => a.PersonId is null && a.Description.Length > 0).ToList();
        if (described.Count > 0 && facts.WithDescription.Length > 0)
            return new(order, condition, Verdict.NotEnoughInformation,
                $"With {facts.WithDescription}; the order forbids contact with {string.Join(", ", described.Select(a => a.Description))}. Judge whether that is who they were with.");
        if (facts.WithPeople.Count == 0 && facts.WithDescription.Length == 0)
            return new(order, condition, Verdict.NoBreach, "Seen with nobody the order names.");
        return new(order, condition, Verdict.NoBreach, "Not with anyone the order names.");
    }
}
