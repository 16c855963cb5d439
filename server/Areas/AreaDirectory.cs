using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Areas;

public sealed record AreaListing(Area Area, int ResidentCount);

public sealed record AreaPage(IReadOnlyList<AreaListing> Areas, string NextPageToken);

/// <summary>
/// Lists and reads the force's areas with how many people live in each. One area (GetArea) is
/// answered from memory: the stored row from the area index, the count from <see cref="AreaResidents"/>,
/// both brought up to date with every commit first; a list (a search with paging) reads the database.
/// </summary>
public sealed class AreaDirectory(OffenderMgmtDb db, AreaIndexHolder areas, AreaResidents residents)
{
    public async Task<AreaPage> ListAsync(string query, string districtCode, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Optional("query", query, 100);
        var district = v.Optional("district_code", districtCode, 20);
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        v.ThrowIfInvalid();

        // EF translates these comparisons and lower() to SQL; .NET culture rules do not apply.
#pragma warning disable CA1304, CA1311, CA1309
        var areas = db.Areas.AsNoTracking();
        if (district.Length > 0) areas = areas.Where(a => a.DistrictCode == district);
        if (text.Length > 0)
        {
            var pattern = $"%{EscapeLike(text.ToLowerInvariant())}%";
            areas = areas.Where(a => EF.Functions.Like(a.Name.ToLower(), pattern, "\\") ||
                                     EF.Functions.Like(a.Code.ToLower(), pattern, "\\") ||
                                     EF.Functions.Like(a.DistrictName.ToLower(), pattern, "\\"));
        }
        if (after is not null)
        {
            var (name, code) = (after[0], after[1]);
            areas = areas.Where(a => string.Compare(a.Name, name) > 0 ||
                                     (a.Name == name && string.Compare(a.Code, code) > 0));
        }
#pragma warning restore CA1304, CA1311, CA1309
        var page = await areas.OrderBy(a => a.Name).ThenBy(a => a.Code).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Name, page[pageSize - 1].Code) : "";
        page = page.Take(pageSize).ToList();
        var counts = await ResidentCountsAsync(page.Select(a => a.Code).ToList(), cancellationToken);
        return new AreaPage(page.Select(a => new AreaListing(a, counts.GetValueOrDefault(a.Code))).ToList(), next);
    }

    public async Task<AreaListing> GetAsync(string code, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var trimmed = v.Required("code", code, 20);
        v.ThrowIfInvalid();
        // The count first: it catches up with the change log, which reloads the area index after a re-import.
        var count = await residents.CountAsync(trimmed, cancellationToken);
        var area = areas.Current.Stored(trimmed) ?? throw new NotFoundException("area", trimmed);
        return new AreaListing(area, count);
    }

    private async Task<Dictionary<string, int>> ResidentCountsAsync(List<string> codes, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking()
            .Where(p => p.Address != null && p.Address.AreaCode != null && codes.Contains(p.Address.AreaCode))
            .GroupBy(p => p.Address!.AreaCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
