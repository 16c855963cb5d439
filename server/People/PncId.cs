using System.Globalization;
using System.Text.RegularExpressions;

namespace OffenderMgmt.Server.People;

/// <summary>
/// Police National Computer ID: YYYY/NNNNNNNC, where C is the check letter
/// "ZABCDEFGHJKLMNPQRTUVWXY"[n mod 23] and n is the last two digits of the year followed by the
/// 7-digit serial. Short serials are accepted and zero-padded (2001/12345H is 2001/0012345H).
/// </summary>
public static partial class PncId
{
    private const string CheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

    [GeneratedRegex(@"^(?<year>\d{4})/(?<serial>\d{1,7})(?<check>[A-Za-z])$")]
    private static partial Regex Shape();

    /// <summary>Parses and checks an ID, returning its canonical form or an explanation.</summary>
    public static bool TryNormalise(string text, out string canonical, out string problem)
    {
        canonical = "";
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            problem = "must have the form YYYY/NNNNNNNC (year, slash, up to 7 digits, check letter)";
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2100)
        {
            problem = $"has an implausible year ({year})";
            return false;
        }
        var serial = match.Groups["serial"].Value.PadLeft(7, '0');
        var given = char.ToUpperInvariant(match.Groups["check"].Value[0]);
        var expected = CheckLetter(year, serial);
        if (given != expected)
        {
            problem = $"has the wrong check letter '{given}' (expected '{expected}' for {year}/{serial})";
            return false;
        }
        canonical = $"{year:D4}/{serial}{expected}";
        problem = "";
        return true;
    }

    public static char CheckLetter(int year, string sevenDigitSerial)
    {
        var n = long.Parse($"{year % 100:D2}{sevenDigitSerial}", CultureInfo.InvariantCulture);
        return CheckLetters[(int)(n % 23)];
    }

    /// <summary>Builds a valid ID from its parts (used by the demo generator).</summary>
    public static string Create(int year, int serial)
    {
        var digits = serial.ToString("D7", CultureInfo.InvariantCulture);
        return $"{year:D4}/{digits}{CheckLetter(year, digits)}";
    }
}
