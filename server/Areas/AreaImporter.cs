using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Areas;

public sealed record AreaImportResult(int Added, int Updated, int Removed, int AddressesReclassified);

/// <summary>
/// Replaces the force's areas with those in a GeoJSON file and, in the same transaction,
/// re-classifies every address against the new boundaries. The in-memory index is swapped only
/// after the transaction commits, so a failed import changes nothing anywhere.
/// </summary>
public sealed partial class AreaImporter(
    OffenderMgmtDb db, AreaIndexHolder indexHolder, ForceClock clock, ILogger<AreaImporter> logger)
{
    public async Task<AreaImportResult> ImportAsync(Stream geoJson, AreaPropertyNames names, CancellationToken cancellationToken)
    {
        var definitions = GeoJsonAreaReader.Read(geoJson, names);
        var index = new AreaIndex(definitions.Select(d =>
            new AreaShape(d.Code, d.Name, d.DistrictCode, d.DistrictName, d.Boundary)));
        var now = clock.Now;

        // Join the caller's transaction when there is one (the demo seeder imports and generates
        // as one unit); otherwise the import is its own transaction.
        var (added, updated, removed, reclassified, stored) = await db.InTransactionAsync(() => StoreAsync(definitions, index, now, cancellationToken), cancellationToken);
        // The index in use keeps the stored rows (GetArea answers from them), not the file's shapes.
        indexHolder.Replace(AreaIndex.OfStored(stored));

        LogImported(definitions.Count, added, updated, removed, reclassified);
        return new AreaImportResult(added, updated, removed, reclassified);
    }

    private async Task<(int Added, int Updated, int Removed, int Reclassified, List<Area> Stored)> StoreAsync(
        IReadOnlyList<AreaDefinition> definitions, AreaIndex index, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // In turn with every write across instances, so no write files an address under the old
        // boundaries while the import re-files them (see Audit/AuditChainLock).
        await Audit.AuditChainLock.TakeAsync(db, cancellationToken);
        var existing = await db.Areas.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        int added = 0, updated = 0;
        foreach (var definition in definitions)
        {
            if (!existing.Remove(definition.Code, out var area))
            {
                area = new Area { Code = definition.Code };
                db.Areas.Add(area);
                added++;
            }
            else updated++;
            Fill(area, definition, now);
        }
        db.Areas.RemoveRange(existing.Values);
        await db.SaveChangesAsync(cancellationToken);

        var reclassified = await ReclassifyAddressesAsync(index, cancellationToken);
        await ReclassifyZonesAsync(index, cancellationToken);
        var stored = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        return (added, updated, existing.Count, reclassified, stored);
    }

    /// <summary>The index in use now.</summary>
    public AreaIndex Index => indexHolder.Current;

    /// <summary>Builds the in-memory index from the stored areas (at start-up).</summary>
    public async Task LoadIndexAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        indexHolder.Replace(AreaIndex.OfStored(areas));
        LogLoaded(areas.Count);
    }

    private async Task<int> ReclassifyAddressesAsync(AreaIndex index, CancellationToken cancellationToken)
    {
        var homes = await db.People.AsNoTracking()
            .Where(p => p.Address != null)
            .Select(p => new { p.Id, p.Address!.Latitude, p.Address.Longitude, p.Address.AreaCode })
            .ToListAsync(cancellationToken);
        var changed = homes
            .Select(h => (h.Id, Old: h.AreaCode, New: index.Classify(h.Latitude, h.Longitude)?.Code))
            .Where(h => h.Old != h.New)
            .ToList();
        foreach (var batch in changed.Chunk(500))
        {
            var ids = batch.Select(b => b.Id).ToList();
            var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var (id, _, code) in batch) people[id].Address!.AreaCode = code;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return changed.Count;
    }

    /// <summary>Every exclusion zone is filed again under the areas it touches now.</summary>
    private async Task ReclassifyZonesAsync(AreaIndex index, CancellationToken cancellationToken)
    {
        var zones = await db.Conditions.OfType<Orders.ExclusionZoneCondition>().Include(z => z.Areas).ToListAsync(cancellationToken);
        foreach (var zone in zones)
        {
            var codes = index.Touching(Orders.ZoneGeometry.Of(zone).Outline);
            if (zone.Areas.Select(a => a.AreaCode).SequenceEqual(codes)) continue;
            zone.Areas.Clear();
            zone.Areas.AddRange(codes.Select(code => new Orders.ExclusionZoneArea { ConditionId = zone.Id, AreaCode = code }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Fill(Area area, AreaDefinition definition, DateTimeOffset now)
    {
        var envelope = definition.Boundary.EnvelopeInternal;
        var centroid = definition.Boundary.InteriorPoint;  // always inside, unlike the centroid
        area.Name = definition.Name;
        area.DistrictCode = definition.DistrictCode;
        area.DistrictName = definition.DistrictName;
        area.BoundaryWkb = Geo.ToWkb(definition.Boundary);
        area.MinLatitude = envelope.MinY;
        area.MaxLatitude = envelope.MaxY;
        area.MinLongitude = envelope.MinX;
        area.MaxLongitude = envelope.MaxX;
        area.CentroidLatitude = centroid.Y;
        area.CentroidLongitude = centroid.X;
        area.ImportedAt = now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} areas ({Added} added, {Updated} updated, {Removed} removed); {Reclassified} addresses re-classified")]
    private partial void LogImported(int count, int added, int updated, int removed, int reclassified);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} areas into the spatial index")]
    private partial void LogLoaded(int count);
}
