namespace OffenderMgmt.Server.Identification;

/// <summary>
/// International Mobile Equipment Identity: 15 digits, the 8-digit type allocation code, the
/// 6-digit serial number and a check digit (3GPP TS 23.003, §6.2.1), the check digit computed
/// with the Luhn formula over the first 14 digits (TS 23.003, Annex B).
/// </summary>
public static class Imei
{
    public const int Length = 15;

    /// <summary>Digits only, with spaces, hyphens and slashes (as printed on a label) removed.</summary>
    public static bool TryNormalise(string? text, out string imei, out string problem)
    {
        imei = new string((text ?? "").Where(c => c is not (' ' or '-' or '/')).ToArray());
        problem = "";
        if (imei.Length == 0) problem = "is required";
        else if (!imei.All(char.IsAsciiDigit)) problem = "must be digits only";
        else if (imei.Length != Length) problem = $"must be {Length} digits (an IMEI: 14 digits and a check digit); got {imei.Length}";
        else if (CheckDigit(imei.AsSpan(0, 14)) != imei[14] - '0') problem = "has a wrong check digit (the 15th digit is the Luhn check of the first 14): mistyped?";
        return problem.Length == 0;
    }

    /// <summary>The Luhn check digit of the 14 digits (TAC and serial number).</summary>
    public static int CheckDigit(ReadOnlySpan<char> fourteen)
    {
        var sum = 0;
        for (var i = 0; i < fourteen.Length; i++)
        {
            var d = fourteen[i] - '0';
            // Every second digit from the left (the 2nd, 4th ... 14th) is doubled, digits of the product summed.
            if (i % 2 == 1) d = d * 2 is var twice && twice > 9 ? twice - 9 : twice;
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
