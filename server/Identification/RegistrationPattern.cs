namespace OffenderMgmt.Server.Identification;

/// <summary>
/// A registration mark as an officer has it, perhaps with characters they could not read:
/// "KX6?ABC" ("?" is one unknown character). A stored mark matches when it has the same length
/// and agrees on every known character, or on all but one (a misread character counts as one
/// more unknown). Matches rank by how many characters were unknown: exact first.
/// </summary>
public sealed class RegistrationPattern
{
    public const char Unknown = '?';
    /// <summary>Characters the search may add as unknown to what the officer typed (a misread).</summary>
    public const int MisreadAllowance = 1;
    public const int MaxUnknowns = 3;
    public const int MinKnown = 2;

    private RegistrationPattern(string compact) => Compact = compact;

    /// <summary>Upper case, no spaces, "?" for each unknown character.</summary>
    public string Compact { get; }

    public int UnknownCount => Compact.Count(c => c == Unknown);

    public static bool TryParse(string? text, out RegistrationPattern pattern, out string problem)
    {
        var compact = RegistrationMark.Compact(text);
        pattern = new RegistrationPattern(compact);
        problem = "";
        if (compact.Length == 0) problem = "is required: a registration mark, with ? for each character you could not read (e.g. KX6?ABC)";
        else if (compact.Any(c => c != Unknown && !(c is >= 'A' and <= 'Z') && !char.IsAsciiDigit(c))) problem = "must be letters A-Z, digits and ? only (spaces are ignored)";
        else if (compact.Length > RegistrationMark.MaxLength) problem = $"is not a UK registration mark: at most {RegistrationMark.MaxLength} characters";
        else if (pattern.UnknownCount > MaxUnknowns) problem = $"may have at most {MaxUnknowns} unknown characters";
        else if (compact.Length - pattern.UnknownCount < MinKnown) problem = $"must have at least {MinKnown} characters you could read";
        return problem.Length == 0;
    }

    /// <summary>How many characters of <paramref name="registration"/> were unknown (or misread); null when it does not match.</summary>
    public int? UnknownsIn(string registration)
    {
        if (registration.Length != Compact.Length) return null;
        var misread = 0;
        for (var i = 0; i < Compact.Length; i++)
        {
            if (Compact[i] != Unknown && Compact[i] != registration[i] && ++misread > MisreadAllowance) return null;
        }
        return UnknownCount + misread;
    }

    /// <summary>
    /// SQL LIKE patterns that together find every candidate (each with "_" for the unknowns and
    /// for one more position at a time, for a misread), to narrow the search in the database.
    /// </summary>
    public IReadOnlyList<string> LikePatterns()
    {
        var exact = Compact.Replace(Unknown, '_');
        var patterns = new List<string> { exact };
        for (var i = 0; i < exact.Length; i++)
        {
            if (exact[i] == '_') continue;
            patterns.Add(string.Concat(exact.AsSpan(0, i), "_", exact.AsSpan(i + 1)));
        }
        return patterns.Distinct(StringComparer.Ordinal).ToList();
    }
}
