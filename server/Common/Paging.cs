using System.Text;

namespace OffenderMgmt.Server.Common;

/// <summary>
/// Paging conventions: a page size of 0 means the default, larger than the maximum is reduced
/// to it (as Google's API guidance advises), negative is refused. Page tokens are opaque
/// keyset cursors: the sort key of the last item returned.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static int PageSize(int requested, string field = "page_size")
    {
        if (requested < 0) throw new ValidationException(field, $"must not be negative (got {requested})");
        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    public static string Encode(params string[] keys) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u001f', keys)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a token made by <see cref="Encode"/> with the given number of keys; null when empty.</summary>
    public static string[]? Decode(string? token, int keyCount, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var keys = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\u001f');
            if (keys.Length == keyCount) return keys;
        }
        catch (FormatException)
        {
        }
        throw new ValidationException(field, "is not a page token this list returned; start again without one");
    }
}
