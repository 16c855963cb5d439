using System.Globalization;
using System.Text;

namespace OffenderMgmt.Server.Audit;

/// <summary>
/// Makes any text fit to be stored in, and hashed for, the audit log: control characters
/// (NUL included) and bidirectional formatting characters are written as visible escapes
/// (<c>\u0000</c>, <c>\u202e</c>), lone surrogates become U+FFFD, and the result is clipped to
/// the column's length without splitting a character. An entry's fields are cleaned before
/// its hash is taken, so what is hashed is exactly what the database keeps: a caller's input
/// can no longer make the stored text differ from the hashed text (issue 12 item 4).
/// </summary>
public static class AuditText
{
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length <= max && IsClean(text)) return text;
        var clean = new StringBuilder(Math.Min(text.Length, max + 16));
        for (var i = 0; i < text.Length && clean.Length < max; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (clean.Length + 2 > max) break;
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c)) clean.Append('\uFFFD');
            else if (NeedsEscape(c))
            {
                if (clean.Length + 6 > max) break;
                clean.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else clean.Append(c);
        }
        if (clean.Length < text.Length && clean.Length >= max)
        {
            // Clipped: end with an ellipsis in the last place, keeping whole characters.
            var cut = max - 1;
            if (cut > 0 && char.IsHighSurrogate(clean[cut - 1])) cut--;
            clean.Length = cut;
            clean.Append('…');
        }
        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c)) return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>C0 and C1 controls, and the characters that reorder text on screen (Trojan Source).</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
