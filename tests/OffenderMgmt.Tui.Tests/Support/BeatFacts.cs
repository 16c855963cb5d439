using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>Facts about the demo beat the local officer tests use (High Town, Luton: the busiest Luton beat).</summary>
public static class BeatFacts
{
    public const string HighTown = "E05002200";

    /// <summary>A zone in force now (at the tests' fixed clock) for someone who lives elsewhere, and a point inside it.</summary>
    public static (BriefingZone Zone, GeoPosition Inside) ZoneInForceForSomeoneElsewhere(BeatBriefing briefing)
    {
        var zone = briefing.Zones.First(z => z.InForceNow && !z.PersonLivesHere && (z.Shape.IsCircle || z.Shape.Ring.Count > 3));
        var inside = zone.Shape.Centre ?? new GeoPosition(zone.Shape.Ring.Average(p => p.Latitude), zone.Shape.Ring.Average(p => p.Longitude));
        return (zone, inside);
    }
}
