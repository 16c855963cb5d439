using System.Text;

namespace OffenderMgmt.Server.Identification;

/// <summary>The layout a UK registration mark is in.</summary>
public enum MarkLayout
{
    /// <summary>Two letters, two numbers, three letters: "AB12 CDE" (the current format, from September 2001).</summary>
    Current = 1,
    /// <summary>One letter, up to three numbers, three letters: "A123 BCD" (prefix, 1983-2001).</summary>
    Prefix = 2,
    /// <summary>Three letters, up to three numbers, one letter: "ABC 123D" (suffix, 1963-1983).</summary>
    Suffix = 3,
    /// <summary>Letters and numbers in two groups, with no age identifier ("ABC 123", "1234 AB", Northern Ireland "ABZ 1234").</summary>
    Dateless = 4,
}

/// <summary>
/// UK vehicle registration marks: validated, stored compact (upper case, no spaces) and shown
/// in the standard spaced form.
/// The permitted layouts are the nine of the Road Vehicles (Display of Registration Marks)
/// Regulations 2001 (SI 2001/561), Schedule 3, Part 1, Table A (regs. 12-14): two letters and
/// two numbers then three letters (DE51 ABC); one letter and up to three numbers then three
/// letters (A123 ABC); three letters then up to three numbers and one letter (ABC 123A); four
/// numbers then one or two letters; up to three numbers then up to three letters; up to three
/// letters then up to three numbers; one or two letters then four numbers; and, issued only in
/// Northern Ireland, three letters then four numbers and four numbers then three letters.
/// In the current format the two numbers are the age identifier (DVLA INF104, "Vehicle
/// registration numbers and number plates"): the year for March (02-50) or the year plus 50
/// for September (51-99), so 00 and 01 were never issued.
/// </summary>
public static class RegistrationMark
{
    public const int MaxLength = 7;

    public static bool TryNormalise(string? text, out string compact, out MarkLayout layout, out string problem)
    {
        compact = Compact(text);
        layout = default;
        problem = "";
        if (compact.Length == 0) { problem = "is required"; return false; }
        if (compact.Any(c => !IsLetter(c) && !char.IsAsciiDigit(c))) { problem = "must be letters A-Z and digits only (spaces are ignored)"; return false; }
        if (compact.Length > MaxLength) { problem = $"is not a UK registration mark: at most {MaxLength} characters"; return false; }
        if (Layout(compact) is not { } found) { problem = "is not a UK registration mark (e.g. AB12 CDE, A123 BCD, ABC 123D, ABC 123)"; return false; }
        if (found == MarkLayout.Current && compact[2..4] is "00" or "01")
        {
            problem = $"is not a UK registration mark: age identifier {compact[2..4]} was never issued (March is 02-50, September 51-99)";
            return false;
        }
        layout = found;
        return true;
    }

    /// <summary>Upper case without spaces (the stored and searched form); anything else is kept for the caller to refuse.</summary>
    public static string Compact(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? "")
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }

    /// <summary>The standard spaced form of a compact mark: "AB12CDE" → "AB12 CDE", "ABC123D" → "ABC 123D".</summary>
    public static string Display(string compact)
    {
        var layout = Layout(compact);
        var runs = Runs(compact);
        return layout switch
        {
            MarkLayout.Current or MarkLayout.Prefix => $"{runs[0]}{runs[1]} {runs[2]}",
            MarkLayout.Suffix => $"{runs[0]} {runs[1]}{runs[2]}",
            MarkLayout.Dateless => $"{runs[0]} {runs[1]}",
            _ => compact,
        };
    }

    /// <summary>The layout of a compact mark, or null when it is in none of Table A's.</summary>
    public static MarkLayout? Layout(string compact)
    {
        var runs = Runs(compact);
        if (runs.Count == 0) return null;
        var shape = string.Concat(runs.Select(r => $"{(IsLetter(r[0]) ? 'L' : 'N')}{r.Length}"));
        return shape switch
        {
            "L2N2L3" => MarkLayout.Current,
            "L1N1L3" or "L1N2L3" or "L1N3L3" => MarkLayout.Prefix,
            "L3N1L1" or "L3N2L1" or "L3N3L1" => MarkLayout.Suffix,
            // Table A rows 4-9: two groups, one of letters and one of numbers.
            "N4L1" or "N4L2" or "L1N4" or "L2N4" or "L3N4" or "N4L3" => MarkLayout.Dateless,
            _ when runs.Count == 2 && runs.All(r => r.Length <= 3) => MarkLayout.Dateless,
            _ => null,
        };
    }

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z';

    /// <summary>Maximal runs of letters or of digits; empty when anything else is in the text.</summary>
    private static List<string> Runs(string compact)
    {
        var runs = new List<string>();
        var start = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            if (!IsLetter(compact[i]) && !char.IsAsciiDigit(compact[i])) return [];
            if (i > 0 && IsLetter(compact[i]) != IsLetter(compact[i - 1]))
            {
                runs.Add(compact[start..i]);
                start = i;
            }
        }
        if (compact.Length > 0) runs.Add(compact[start..]);
        return runs;
    }
}
