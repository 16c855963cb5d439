using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Ui.Map;

/// <summary>
/// Fits a geographic box onto a grid of dots (braille dots, two across and four down per
/// character cell, which makes them roughly square on a terminal). Longitude is scaled by the
/// cosine of the latitude, so a beat keeps its shape instead of being stretched east-west.
/// North is up. A margin keeps the outline off the frame.
/// </summary>
public sealed class MapProjection
{
    private readonly double _west;
    private readonly double _north;
    private readonly double _lonScale;
    private readonly double _scale;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public MapProjection(GeoPosition southWest, GeoPosition northEast, int widthDots, int heightDots, double margin = 0.06)
    {
        WidthDots = Math.Max(2, widthDots);
        HeightDots = Math.Max(4, heightDots);
        _lonScale = Math.Cos(double.DegreesToRadians((southWest.Latitude + northEast.Latitude) / 2));
        var spanX = Math.Max((northEast.Longitude - southWest.Longitude) * _lonScale, 1e-6);
        var spanY = Math.Max(northEast.Latitude - southWest.Latitude, 1e-6);
        _west = southWest.Longitude - spanX * margin / _lonScale;
        _north = northEast.Latitude + spanY * margin;
        spanX *= 1 + 2 * margin;
        spanY *= 1 + 2 * margin;
        _scale = Math.Min((WidthDots - 1) / spanX, (HeightDots - 1) / spanY);
        _offsetX = (WidthDots - 1 - spanX * _scale) / 2;
        _offsetY = (HeightDots - 1 - spanY * _scale) / 2;
    }

    public int WidthDots { get; }
    public int HeightDots { get; }

    /// <summary>Roughly how many metres one dot covers (for circles drawn by radius).</summary>
    public double MetresPerDot => 111_320 / _scale;

    public (double X, double Y) ToDots(GeoPosition p) =>
        (_offsetX + (p.Longitude - _west) * _lonScale * _scale, _offsetY + (_north - p.Latitude) * _scale);

    public GeoPosition FromDots(double x, double y) =>
        new(_north - (y - _offsetY) / _scale, _west + (x - _offsetX) / _scale / _lonScale);
}
