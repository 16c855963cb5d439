using System.Globalization;
using System.Text;

namespace OffenderMgmt.Server.People;

/// <summary>
/// Folds names for searching: upper case, accents removed, punctuation dropped, so that
/// "o'brien", "O'BRIEN" and "Ó Brien" all meet. Hyphenated and spaced names give one token per
/// word, so "Smith-Jones" is found by "Jones".
/// </summary>
public static class NameNormaliser
{
    public static string Normalise(string text) => string.Join(' ', Tokens(text));

    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;  // accents
            if (c is '\'' or '’' or '`') continue;                      // O'Brien -> OBRIEN
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToUpperInvariant(c));
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
