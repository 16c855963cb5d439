namespace OffenderMgmt.Server.Common;

/// <summary>
/// An explicit table between a domain enum and its proto enum, so neither side's numbering
/// leaks into the other. A proto value not in the table (UNSPECIFIED, or a number from a newer
/// client) maps to null, for the caller to refuse by field; tests check every value is covered.
/// </summary>
public sealed class EnumTable<TDomain, TProto>(IReadOnlyDictionary<TDomain, TProto> pairs)
    where TDomain : struct, Enum where TProto : struct, Enum
{
    private readonly Dictionary<TProto, TDomain> _back = pairs.ToDictionary(p => p.Value, p => p.Key);

    public IReadOnlyDictionary<TDomain, TProto> Pairs { get; } = pairs;

    public TProto ToProto(TDomain value) =>
        Pairs.TryGetValue(value, out var proto) ? proto : throw new InvalidOperationException($"{typeof(TDomain).Name}.{value} has no {typeof(TProto).Name}.");

    public TProto ToProto(TDomain? value, TProto none) => value is { } v ? ToProto(v) : none;

    public TDomain? ToDomain(TProto value) => _back.TryGetValue(value, out var domain) ? domain : null;

    /// <summary>The domain value for a required field, or a violation naming it.</summary>
    public TDomain Required(Validator v, string field, TProto value)
    {
        if (ToDomain(value) is { } domain) return domain;
        v.Add(field, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 ? "is required" : $"has an unknown value ({value})");
        return default;
    }

    /// <summary>The domain value for an optional field (UNSPECIFIED gives null), or a violation for an unknown number.</summary>
    public TDomain? Optional(Validator v, string field, TProto value)
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        if (ToDomain(value) is { } domain) return domain;
        v.Add(field, $"has an unknown value ({value})");
        return null;
    }
}
