using System.Globalization;

namespace OffenderMgmt.Server.Common;

/// <summary>Calendar dates travel as ISO "YYYY-MM-DD" strings (DESIGN.md section 5).</summary>
public static class IsoDate
{
    private const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";
}
