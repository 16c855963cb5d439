using System.Text.RegularExpressions;

namespace OffenderMgmt.Server.People;

/// <summary>UK postcodes: outward code, a space, inward code ("LU1 2AB"), case-insensitive.</summary>
public static partial class UkPostcode
{
    [GeneratedRegex(@"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")]
    private static partial Regex Shape();

    public static bool TryNormalise(string text, out string canonical)
    {
        var match = Shape().Match(text.Trim().ToUpperInvariant());
        canonical = match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value}" : "";
        return match.Success;
    }
}
