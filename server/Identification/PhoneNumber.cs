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
            if (!Util.IsValidNumber(number))
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
