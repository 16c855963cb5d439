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
    public static string? FieldWithNul(IMessage message) => Find(message, "");

    private static string? Find(IMessage message, string prefix)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Key is string key && key.Contains('\0')) return $"{name}[key]";
                    if (Item(entry.Value, $"{name}[{entry.Key}]") is { } found) return found;
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (IEnumerable)value)
                    if (Item(item, $"{name}[{i++}]") is { } found) return found;
            }
            else if (field.FieldType is FieldType.String or FieldType.Message && Item(value, name) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static string? Item(object? value, string name) => value switch
    {
        string text => text.Contains('\0') ? name : null,
        IMessage inner => Find(inner, name + "."),
        _ => null,
    };
}
