using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Managed people living within a radius of a point, nearest first: a box on the indexed home
/// latitude and longitude narrows it down, then the exact distance on the earth decides.
/// </summary>
public sealed class NearbySearch(OffenderMgmtDb db, BriefingPeople people)
{
    public const double MaxRadiusMetres = 5_000;

    public async Task<IReadOnlyList<BriefedPerson>> NearAsync(double? latitude, double? longitude, double radiusMetres, int requestedPageSize, CancellationToken cancellationToken)
    {
        var v = new Validator();
        if (latitude is null || longitude is null) v.Add("point", "is required");
        else v.Coordinates("point", latitude.Value, longitude.Value);
        if (double.IsNaN(radiusMetres) || radiusMetres <= 0 || radiusMetres > MaxRadiusMetres)
            v.Add("radius_metres", $"must be more than 0 and at most {MaxRadiusMetres:0} metres (got {radiusMetres})");
        var pageSize = Paging.PageSize(requestedPageSize);
        v.ThrowIfInvalid();
        var (lat, lon) = (latitude!.Value, longitude!.Value);

        var (dLat, dLon) = Geo.DegreesFor(radiusMetres, lat);
        var (south, north, west, east) = (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
        var homes = await BriefingFactsLoader.Managed(db, db.People.AsNoTracking()
                .Where(p => p.Address != null && p.Address.Latitude >= south && p.Address.Latitude <= north &&
                            p.Address.Longitude >= west && p.Address.Longitude <= east))
            .Select(p => new { p.Id, p.Address!.Latitude, p.Address.Longitude })
            .ToListAsync(cancellationToken);
        var nearest = homes
            .Select(h => (h.Id, Distance: Geo.DistanceMetres(lat, lon, h.Latitude, h.Longitude)))
            .Where(h => h.Distance <= radiusMetres)
            .OrderBy(h => h.Distance).ThenBy(h => h.Id)
            .Take(pageSize)
            .ToList();
        var distances = nearest.ToDictionary(n => n.Id, n => n.Distance);
        var loaded = await people.LoadAsync(distances.Keys, _ => true, p => distances[p.Id], cancellationToken);
        return loaded.OrderBy(p => p.DistanceMetres).ThenBy(p => p.Person.Id).ToList();
    }
}
