using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OffenderMgmt.Server.Grpc;

/// <summary>
/// Finds text in a request that no database can keep: a NUL character (U+0000). PostgreSQL
/// refuses it in any text value, so a caller's NUL would reach the database and fail there as
/// a server error; SQLite keeps it but cuts the text short when it is read back. It is never
/// part of a name, a note or an identifier, so the request is refused whole, naming the field.
/// </summary>
public static class RequestText
{
    /// <summary>The path of the first string field holding a NUL (e.g. <c>person.aliases[2].family_name</c>), or null.</summary>
    public static string? FieldWithNul(IMessage message) => Find(message);

    // Runs on every call: the path is built only for a field that is found, and scalar fields
    // other than strings, single or repeated, are not read at all (reading one boxes it).
    private static string? Find(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (!field.IsMap && field.FieldType is not (FieldType.String or FieldType.Message)) continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Key is string key && key.Contains('\0')) return $"{field.Name}[key]";
                    if (Item(entry.Value) is { } found) return $"{field.Name}[{entry.Key}]{found}";
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (Item(item) is { } found) return $"{field.Name}[{i}]{found}";
                    i++;
                }
            }
            else if (Item(value) is { } found)
            {
                return field.Name + found;
            }
        }
        return null;
    }

    /// <summary>"" for a string holding a NUL, ".path" for a message with one inside, else null.</summary>
    private static string? Item(object? value) => value switch
    {
        string text => text.Contains('\0') ? "" : null,
        IMessage inner => Find(inner) is { } path ? "." + path : null,
        _ => null,
    };
}
