using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.People;

/// <summary>Names of people for display alongside other records, loading nothing but the names.</summary>
public static class PersonNames
{
    public static async Task<Dictionary<Guid, string>> NamesOfAsync(this OffenderMgmtDb db, IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken);
        return names.ToDictionary(p => p.Id, p => $"{p.GivenName} {p.FamilyName}".Trim());
    }
}
