namespace OffenderMgmt.Server.Common;

/// <summary>
/// The words a user reads for each value of a domain enum, in the lower case a sentence uses
/// ("next device inspection due"): an enum's own name ("DeviceInspection") never reaches a
/// message. Explicit, like <see cref="EnumTable{TDomain,TProto}"/>, and a test finds every table
/// by reflection and checks every value has its own words.
/// </summary>
public sealed class WordTable<T>(IReadOnlyDictionary<T, string> words) where T : struct, Enum
{
    public IReadOnlyDictionary<T, string> Words { get; } = words;

    public string this[T value] =>
        Words.TryGetValue(value, out var text) ? text : throw new InvalidOperationException($"{typeof(T).Name}.{value} has no words.");

    /// <summary>The words with a capital first letter, to start a line ("Tattoo, left forearm").</summary>
    public string Capitalised(T value) => this[value] is { Length: > 0 } text ? char.ToUpperInvariant(text[0]) + text[1..] : "";
}
