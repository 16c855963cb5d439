using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// The hash that chains audit entries: SHA-256 over every field of the entry and the previous
/// entry's hash. Changing any field of any entry, or removing one, breaks every link after it.
/// Since the digest format, the hash also covers how many records the call touched and a digest
/// of their ids, which the per-record reference rows ("who looked at this person") must match:
/// a reference row added, removed or changed shows as a broken entry too.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(AuditEntry entry)
    {
        var fields = new List<string>
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Subject,
            entry.OfficerId?.ToString() ?? "",
            entry.Role,
            entry.Rpc,
            ((int)entry.Action).ToString(CultureInfo.InvariantCulture),
            entry.RecordIds,
            entry.Purpose,
            entry.Outcome,
            entry.PreviousHash,
        };
        if (entry.Format != AuditEntry.LegacyFormat)
        {
            fields.Add(entry.Format.ToString(CultureInfo.InvariantCulture));
            fields.Add(entry.RecordCount.ToString(CultureInfo.InvariantCulture));
            fields.Add(entry.RecordsDigest);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields))));
    }

    /// <summary>SHA-256 over the record ids in ordinal order, one a line: what the reference rows must add up to.</summary>
    public static string RecordsDigest(IEnumerable<string> recordIds) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', recordIds.Order(StringComparer.Ordinal)))));
}
