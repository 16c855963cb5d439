using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// The hash that chains audit entries: SHA-256 over every field of the entry and the previous
/// entry's hash. Changing any field of any entry, or removing one, breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
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
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
