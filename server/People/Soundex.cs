namespace OffenderMgmt.Server.People;

/// <summary>
/// American Soundex (the variant police name indexes use): a letter and three digits, so that
/// "Smith" and "Smyth", or "Ashcraft" and "Ashcroft", share a code.
/// </summary>
public static class Soundex
{
    public static string Encode(string normalisedToken)
    {
        var letters = normalisedToken.Where(c => c is >= 'A' and <= 'Z').ToArray();
        if (letters.Length == 0) return "";
        Span<char> code = ['0', '0', '0', '0'];
        code[0] = letters[0];
        var length = 1;
        var previous = Digit(letters[0]);
        for (var i = 1; i < letters.Length && length < 4; i++)
        {
            var c = letters[i];
            var digit = Digit(c);
            if (digit != '0' && digit != previous) code[length++] = digit;
            // H and W do not separate letters with the same code; vowels do.
            if (c is not 'H' and not 'W') previous = digit;
        }
        return new string(code);
    }

    private static char Digit(char c) => c switch
    {
        'B' or 'F' or 'P' or 'V' => '1',
        'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
        'D' or 'T' => '3',
        'L' => '4',
        'M' or 'N' => '5',
        'R' => '6',
        _ => '0',
    };
}
