using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Identification;

/// <summary>
/// The words of a mark for searching: type, body location and description, normalised like
/// names (lower case, accents folded), each stored with a space before it so that a search
/// word matches the start of a stored word ("fore" finds "forearm").
/// </summary>
public static class MarkText
{
    public const int MaxSearchWords = 8;

    /// <summary>Words too common in descriptions to rank by.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "a", "an", "and", "the", "of", "on", "with", "in" };

    public static string SearchText(MarkType type, string bodyLocation, string description) =>
        string.Concat(Words($"{type} {bodyLocation} {description}").Distinct().Select(w => " " + w)) + " ";

    public static IReadOnlyList<string> Words(string text) =>
        NameNormaliser.Tokens(text).Select(t => t.ToLowerInvariant()).Where(t => !Ignored.Contains(t)).ToList();
}
