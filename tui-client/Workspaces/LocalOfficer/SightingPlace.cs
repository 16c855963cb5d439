using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>Where the person was seen: the map cursor ("here"), or a typed position.</summary>
public static class SightingPlace
{
    /// <summary>The position to check, or the problem to show.</summary>
    public static (GeoPosition? Position, string? Problem) Resolve(bool useHere, GeoPosition? here, string typed)
    {
        if (useHere)
            return here is { } h ? (h, null) : (null, "There is no map position: pick a beat, or type a location.");
        return GeoPosition.TryParse(typed, out var position, out var problem) ? (position, null) : (null, problem);
    }
}
