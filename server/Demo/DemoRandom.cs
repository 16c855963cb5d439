using OffenderMgmt.Server.Areas;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo generator's (and the national benchmark's) only source of chance: a seeded
/// <see cref="Random"/>, so the same seed (and the same "today") always builds the same data,
/// identifiers included.
/// </summary>
public sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);  // RFC 4122 version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);
    public double NextDouble() => _random.NextDouble();
    public double Between(double min, double max) => min + _random.NextDouble() * (max - min);
    public bool Chance(double probability) => _random.NextDouble() < probability;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A standard normal deviate (Box-Muller).</summary>
    public double Gaussian()
    {
        var u = 1 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A uniformly random point strictly inside an area (rejection sampling in its box).</summary>
    public (double Latitude, double Longitude) PointIn(AreaShape area)
    {
        var box = area.Boundary.EnvelopeInternal;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var lon = box.MinX + _random.NextDouble() * box.Width;
            var lat = box.MinY + _random.NextDouble() * box.Height;
            var point = Geography.Geo.Point(lat, lon);
            // Keep off the boundary itself, so the point's area is unambiguous.
            if (area.Prepared.ContainsProperly(point)) return (lat, lon);
        }
        var inside = area.Boundary.InteriorPoint;
        return (inside.Y, inside.X);
    }

    /// <summary>A point at a random bearing, between the given distances from a centre.</summary>
    public (double Latitude, double Longitude) Near(double latitude, double longitude, double minMetres, double maxMetres)
    {
        var distance = Between(minMetres, maxMetres);
        var bearing = _random.NextDouble() * 2 * Math.PI;
        var (dLat, dLon) = Geography.Geo.DegreesFor(distance, latitude);
        return (latitude + dLat * Math.Cos(bearing), longitude + dLon * Math.Sin(bearing));
    }

    /// <summary>Shuffles in place (Fisher-Yates) and returns the list.</summary>
    public List<T> Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
