using System.Collections.Concurrent;
using OffenderMgmt.Server.Areas;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// Each beat's briefed people as a briefing lists them (residents and those excluded, each in
/// risk order, and the zones touching the beat), kept for one <see cref="Key"/>: the version of
/// the briefing view, the zone index and the area index they were made from, and the force's
/// date (what to do if seen, and which orders and zones are in force, turn on it). Every
/// committed change that can alter a briefing, through any instance, reaches the view or the
/// indexes through the change log and gives the next briefing a new key, so an entry is never
/// used after such a change; the next briefing of the beat makes a new one. A dense beat is then
/// a lookup, and its people's messages are made once per entry (<see cref="BriefingMessages"/>).
/// What changes with the time of day (whether a zone binds now, when the briefing was made) is
/// worked out per call.
/// </summary>
public sealed class BriefingWards
{
    /// <summary>What an entry was made from (the indexes compared by reference: each is replaced whole when it changes).</summary>
    public sealed record Key(long ViewVersion, ZoneIndex Zones, AreaIndex Areas, DateOnly Today);

    /// <summary>A beat's briefed people; <see cref="Touching"/> in name and condition order, with each zone's person's name.</summary>
    public sealed record Ward(
        Key Key, IReadOnlyList<BriefedPerson> Residents, IReadOnlyList<BriefedPerson> Excluded,
        IReadOnlyList<ZoneEntry> Touching, IReadOnlyDictionary<Guid, string> Names, IReadOnlySet<Guid> ResidentIds);

    private readonly ConcurrentDictionary<string, Ward> _wards = new(StringComparer.Ordinal);
    private long _newest;

    /// <summary>The beat's entry made from exactly this key, if any.</summary>
    public Ward? Find(string areaCode, Key key) => _wards.TryGetValue(areaCode, out var ward) && ward.Key == key ? ward : null;

    /// <summary>Keeps an entry (not over one made from a newer view); entries of older views are let go.</summary>
    public Ward Keep(string areaCode, Ward ward)
    {
        var version = ward.Key.ViewVersion;
        var newest = Interlocked.Read(ref _newest);
        if (version > newest && Interlocked.CompareExchange(ref _newest, version, newest) == newest)
        {
            foreach (var (code, old) in _wards)
                if (old.Key.ViewVersion < version) _wards.TryRemove(KeyValuePair.Create(code, old));
        }
        _wards.AddOrUpdate(areaCode, ward, (_, old) => old.Key.ViewVersion > version ? old : ward);
        return ward;
    }

    /// <summary>How many beats have an entry (for tests of what is let go).</summary>
    public int Count => _wards.Count;
}
