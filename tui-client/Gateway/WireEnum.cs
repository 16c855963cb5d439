namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// An explicit table between one of the client's enums and a proto enum, so neither side's
/// numbering is assumed by the other. A proto value the client does not know (a newer server's)
/// reads as <paramref name="unknown"/>; a client value without a proto one is a bug, caught by
/// the test that checks every table covers its enums. <paramref name="notOffered"/> lists the proto
/// values the client deliberately never sends or shows as themselves (they still read as unknown).
/// </summary>
internal sealed class WireEnum<TClient, TProto>(IReadOnlyDictionary<TClient, TProto> pairs, TClient unknown, params TProto[] notOffered)
    where TClient : struct, Enum where TProto : struct, Enum
{
    private readonly Dictionary<TProto, TClient> _back = pairs.ToDictionary(p => p.Value, p => p.Key);

    public IReadOnlyDictionary<TClient, TProto> Pairs { get; } = pairs;

    public TClient Unknown { get; } = unknown;

    public IReadOnlyCollection<TProto> NotOffered { get; } = notOffered;

    public TProto ToWire(TClient value) =>
        Pairs.TryGetValue(value, out var proto) ? proto : throw new InvalidOperationException($"{typeof(TClient).Name}.{value} has no {typeof(TProto).Name}.");

    public TClient FromWire(TProto value) => _back.TryGetValue(value, out var client) ? client : Unknown;
}
