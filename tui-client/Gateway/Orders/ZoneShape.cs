namespace OffenderMgmt.Tui.Gateway;

/// <summary>An exclusion zone's shape: a ring of points, or a circle; with when it applies.</summary>
public sealed record ZoneShape(string Name, IReadOnlyList<GeoPosition> Ring, GeoPosition? Centre, double RadiusMetres, string When)
{
    public bool IsCircle => Centre is not null;

    /// <summary>"within 200 m of 51.88, -0.42" or "inside the marked area".</summary>
    public string Describe() =>
        Centre is { } centre ? $"within {Ui.Words.Distance(RadiusMetres)} of {centre}" : $"inside an area of {Ring.Count - 1} corners";
}
