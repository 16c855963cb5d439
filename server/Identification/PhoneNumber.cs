using PhoneNumbers;

namespace OffenderMgmt.Server.Identification;

/// <summary>
/// Phone numbers normalised to E.164 (ITU-T E.164: "+" and country code), read as UK numbers
/// when they have no country code ("07700 900123" → "+447700900123"), using libphonenumber's
/// numbering-plan metadata (for the UK, Ofcom's National Telephone Numbering Plan).
/// </summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalise(string? text, out string e164, out string problem)
    {
        e164 = "";
        problem = "";
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) { problem = "is required"; return false; }
        if (trimmed.Length > 30) { problem = "is too long for a phone number"; return false; }
        try
        {
            var number = Util.Parse(trimmed, "GB");
            if (!Util.IsValidNumber(number) && !IsDramaNumber(number))
            {
                problem = "is not a valid phone number (a UK number such as 07700 900123, or +country code and number)";
                return false;
            }
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            problem = "is not a phone number (a UK number such as 07700 900123, or +country code and number)";
            return false;
        }
    }

    /// <summary>
    /// Ofcom's ranges reserved for drama (never allocated to a subscriber): 07700 900000-900999,
    /// 01632 960000-960999 and 020 7946 0000-0999. libphonenumber calls them invalid; they are
    /// what fictional records (the demo force, tests) should use, so they are accepted.
    /// </summary>
    public static bool IsDramaNumber(PhoneNumbers.PhoneNumber number)
    {
        if (number.CountryCode != 44) return false;
        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return national.Length == 10 && (national.StartsWith("7700900", StringComparison.Ordinal) ||
                                         national.StartsWith("1632960", StringComparison.Ordinal) ||
                                         national.StartsWith("2079460", StringComparison.Ordinal));
    }

    /// <summary>The number as people write it: national form for UK numbers, international otherwise.</summary>
    public static string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, "GB");
            return Util.Format(number, number.CountryCode == 44 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
