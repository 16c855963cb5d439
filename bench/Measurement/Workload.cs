using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Bench.Generation;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Measurement;

public sealed record PointInput(double Latitude, double Longitude);

public sealed record SightingInput(Guid PersonId, double Latitude, double Longitude, IReadOnlyList<Guid> With);

/// <summary>One operation's inputs: a warm-up set and the timed set, drawn the same way.</summary>
public sealed record Inputs<T>(IReadOnlyList<T> WarmUp, IReadOnlyList<T> Timed);

/// <summary>
/// The calls to time, drawn up front from the data set with their own seed (so every run, in
/// process and over gRPC, asks the same questions in the same order, and the timed loop does
/// nothing but call):
/// - briefings for wards drawn half uniformly over England and half in proportion to their
///   residents (where officers actually ask), plus a separate set of the densest 1% of wards;
/// - SearchNear 1 km around managed people's homes;
/// - ZonesAt half at points inside zones, half near homes (mostly outside every zone);
/// - CheckSighting for people with orders: inside one of their zones, at or near home (curfew),
///   or elsewhere nearby; a fifth of those with named non-associates are seen with one.
/// </summary>
public sealed class Workload
{
    public required Inputs<string> Briefings { get; init; }
    public required Inputs<string> DenseBriefings { get; init; }
    public required Inputs<PointInput> NearPoints { get; init; }
    public required Inputs<PointInput> ZonePoints { get; init; }
    public required Inputs<SightingInput> Sightings { get; init; }
    public required int DenseWardResidentsFrom { get; init; }

    public static async Task<Workload> DrawAsync(OffenderMgmtDb db, ZoneIndex zones, int seed, int warmUp, int calls, CancellationToken cancellationToken)
    {
        var random = new DemoRandom(seed);
        var homes = await db.People.AsNoTracking().Where(p => p.Address != null && p.Address.AreaCode != null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Address!.Latitude, p.Address.Longitude, Code = p.Address.AreaCode! })
            .ToListAsync(cancellationToken);
        var wards = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken);
        var residents = homes.GroupBy(h => h.Code).Select(g => (Code: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Code).ToList();
        var dense = residents.Take(Math.Max(1, wards.Count / 100)).ToList();

        var holders = await db.Orders.AsNoTracking().Where(o => o.ServedAt != null).Select(o => o.PersonId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var associates = (await db.Conditions.AsNoTracking().OfType<NonAssociationCondition>()
                .Join(db.Orders.AsNoTracking(), c => c.OrderId, o => o.Id, (c, o) => new { o.PersonId, c.Associates })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.PersonId)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Associates).Select(a => a.PersonId).OfType<Guid>().Distinct().ToList());
        var zonesOf = zones.Zones.ToLookup(z => z.PersonId);
        var homeOf = homes.ToDictionary(h => h.Id);

        Inputs<T> Draw<T>(Func<T> next) =>
            new(Enumerable.Range(0, warmUp).Select(_ => next()).ToList(), Enumerable.Range(0, calls).Select(_ => next()).ToList());

        PointInput NearHome(double min, double max)
        {
            var home = random.Pick(homes);
            var (lat, lon) = random.Near(home.Latitude, home.Longitude, min, max);
            return new PointInput(lat, lon);
        }

        return new Workload
        {
            Briefings = Draw(() => random.Chance(0.5) ? random.Pick(wards) : random.Pick(homes).Code),
            DenseBriefings = Draw(() => random.Pick(dense).Code),
            DenseWardResidentsFrom = dense[^1].Count,
            NearPoints = Draw(() => NearHome(0, 1)),
            ZonePoints = Draw(() => random.Chance(0.5) && zones.Zones.Count > 0 ? InsideZone(random, random.Pick(zones.Zones)) : NearHome(0, 300)),
            Sightings = Draw(() =>
            {
                var person = random.Pick(holders);
                var home = homeOf[person];
                var own = zonesOf[person].ToList();
                var roll = random.NextDouble();
                var point = roll < 0.4 && own.Count > 0 ? InsideZone(random, random.Pick(own))
                    : roll < 0.7 ? Offset(random, home.Latitude, home.Longitude, 0, 150)
                    : Offset(random, home.Latitude, home.Longitude, 500, 3_000);
                var with = associates.TryGetValue(person, out var named) && named.Count > 0 && random.Chance(0.2) ? [random.Pick(named)] : new List<Guid>();
                return new SightingInput(person, point.Latitude, point.Longitude, with);
            }),
        };
    }

    private static PointInput Offset(DemoRandom random, double lat, double lon, double min, double max)
    {
        var (la, lo) = random.Near(lat, lon, min, max);
        return new PointInput(la, lo);
    }

    /// <summary>A point inside the zone: within 90% of a circle's radius, or sampled in a polygon's box until inside.</summary>
    private static PointInput InsideZone(DemoRandom random, ZoneEntry zone)
    {
        var condition = zone.Condition;
        if (condition.Shape == ZoneShape.Circle)
            return Offset(random, condition.CentreLatitude!.Value, condition.CentreLongitude!.Value, 0, 0.9 * condition.RadiusMetres!.Value);
        var box = zone.Geometry.Envelope;
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var (lat, lon) = (random.Between(box.MinY, box.MaxY), random.Between(box.MinX, box.MaxX));
            if (zone.Geometry.Covers(lat, lon)) return new PointInput(lat, lon);
        }
        var inside = zone.Geometry.Outline.InteriorPoint;
        return new PointInput(inside.Y, inside.X);
    }
}
