using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui.Map;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// The beat drawn in braille: its outline, the exclusion zones touching it (in force now: red
/// and shaded; later: a yellow outline; each labelled with its letter from the Zones tab), the
/// homes of the people living here as their row numbers, the homes of people excluded from here
/// in magenta (at the map's edge, pointing the way, when they live off it), and a cursor the
/// officer moves with the arrow keys to say "here" for a sighting check (Enter). Digits are for
/// people and capital letters for zones, so the two never share a label.
/// </summary>
public sealed class BeatMap : View
{
    private const int OutlineLayer = 1;
    private const int ZoneLaterLayer = 2;
    private const int ZoneNowLayer = 3;
    private const int HomeLayer = 4;
    private const int ExcludedLayer = 5;
    private const int ZoneLabelLayer = 6;
    private const int SelectedLayer = 7;
    private const int CursorLayer = 8;

    private static readonly Attribute Paper = new(Color.White, Color.Black);
    private static readonly Dictionary<int, Attribute> Ink = new()
    {
        [0] = Paper,
        [OutlineLayer] = new Attribute(Color.White, Color.Black),
        [ZoneLaterLayer] = new Attribute(Color.Yellow, Color.Black),
        [ZoneNowLayer] = new Attribute(Color.BrightRed, Color.Black),
        [HomeLayer] = new Attribute(Color.BrightCyan, Color.Black),
        [ExcludedLayer] = new Attribute(Color.BrightMagenta, Color.Black),
        [ZoneLabelLayer] = new Attribute(Color.Black, Color.BrightRed),
        [SelectedLayer] = new Attribute(Color.Black, Color.BrightCyan),
        [CursorLayer] = new Attribute(Color.Black, Color.BrightYellow),
    };

    private BeatOutline? _outline;
    private IReadOnlyList<MapHome> _homes = [];
    private IReadOnlyList<MapZone> _zones = [];
    private int _cursorColumn;
    private int _cursorRow;
    private bool _cursorPlaced;

    public BeatMap()
    {
        CanFocus = true;
        KeyDown += (_, key) =>
        {
            var (dx, dy) = key.KeyCode switch
            {
                Terminal.Gui.Drivers.KeyCode.CursorLeft => (-1, 0),
                Terminal.Gui.Drivers.KeyCode.CursorRight => (1, 0),
                Terminal.Gui.Drivers.KeyCode.CursorUp => (0, -1),
                Terminal.Gui.Drivers.KeyCode.CursorDown => (0, 1),
                _ => (0, 0),
            };
            if ((dx, dy) != (0, 0))
            {
                var step = key.IsShift ? 5 : 1;
                MoveCursor(dx * step, dy * step);
                key.Handled = true;
            }
            else if (key == Key.Home)
            {
                _cursorPlaced = false;
                SetNeedsDraw();
                CursorMoved?.Invoke(this, Here);
                key.Handled = true;
            }
            else if (key == Key.Enter)
            {
                if (Here is { } here) CheckHere?.Invoke(this, here);
                key.Handled = true;
            }
        };
    }

    /// <summary>Enter on the map: check a sighting at the cursor.</summary>
    public event EventHandler<GeoPosition>? CheckHere;

    public event EventHandler<GeoPosition?>? CursorMoved;

    /// <summary>The place under the cursor ("here"), or null when there is no beat on the map.</summary>
    public GeoPosition? Here => Projection() is { } projection ? projection.FromDots(CursorColumn * 2 + 1, CursorRow * 4 + 2) : null;

    private int CursorColumn => _cursorPlaced ? _cursorColumn : Math.Max(0, Viewport.Width / 2);
    private int CursorRow => _cursorPlaced ? _cursorRow : Math.Max(0, Viewport.Height / 2);

    public void Show(BeatOutline? outline, IReadOnlyList<MapHome> homes, IReadOnlyList<MapZone> zones)
    {
        var newBeat = outline?.Code != _outline?.Code;
        _outline = outline;
        _homes = homes;
        _zones = zones;
        if (newBeat) _cursorPlaced = false;
        SetNeedsDraw();
        CursorMoved?.Invoke(this, Here);
    }

    /// <summary>Highlights one home (the selected row); null clears it.</summary>
    public void Highlight(string? personId)
    {
        _homes = _homes.Select(h => h with { Selected = h.PersonId == personId }).ToList();
        SetNeedsDraw();
    }

    public void MoveCursor(int columns, int rows)
    {
        _cursorColumn = Math.Clamp(CursorColumn + columns, 0, Math.Max(0, Viewport.Width - 1));
        _cursorRow = Math.Clamp(CursorRow + rows, 0, Math.Max(0, Viewport.Height - 1));
        _cursorPlaced = true;
        SetNeedsDraw();
        CursorMoved?.Invoke(this, Here);
    }

    private MapProjection? Projection()
    {
        if (_outline?.Extent is not { } extent || Viewport.Width < 2 || Viewport.Height < 2) return null;
        return new MapProjection(extent.SouthWest, extent.NorthEast, Viewport.Width * 2, Viewport.Height * 4);
    }

    /// <summary>The map as text at a size (what <see cref="OnDrawingContent"/> draws), for tests.</summary>
    public BrailleCanvas Render(int columns, int rows)
    {
        var canvas = new BrailleCanvas(columns, rows);
        if (_outline?.Extent is not { } extent) return canvas;
        var projection = new MapProjection(extent.SouthWest, extent.NorthEast, canvas.WidthDots, canvas.HeightDots);
        var labels = new List<(double X, double Y, char Label)>();
        foreach (var zone in _zones.OrderBy(z => z.InForceNow))
        {
            // In force now: shaded as well as outlined, as the legend draws it; later: outline only.
            var layer = zone.InForceNow ? ZoneNowLayer : ZoneLaterLayer;
            if (zone.Shape.Centre is { } centre)
            {
                var (x, y) = projection.ToDots(centre);
                var radius = Math.Max(1, zone.Shape.RadiusMetres / projection.MetresPerDot);
                if (zone.InForceNow) canvas.FillCircle(x, y, radius, layer);
                canvas.Circle(x, y, radius, layer);
                labels.Add((x, y, zone.Label));
            }
            else if (zone.Shape.Ring.Count > 2)
            {
                var ring = zone.Shape.Ring.Select(projection.ToDots).ToList();
                if (zone.InForceNow) canvas.FillPolygon(ring, layer);
                canvas.Polygon(ring, layer);
                labels.Add((ring.Average(p => p.X), ring.Average(p => p.Y), zone.Label));
            }
        }
        foreach (var ring in _outline.Rings) canvas.Polygon(ring.Select(projection.ToDots).ToList(), OutlineLayer);
        foreach (var (x, y, label) in labels)
        {
            if (label == ' ') continue;
            // A zone bigger than the map is labelled where it comes into view.
            canvas.Mark(Math.Clamp(x, 0, canvas.WidthDots - 1), Math.Clamp(y, 0, canvas.HeightDots - 1), label, ZoneLabelLayer);
        }
        foreach (var home in _homes.OrderBy(h => h.Selected))
        {
            var (x, y) = projection.ToDots(home.Position);
            var layer = home.Selected ? SelectedLayer : home.Excluded ? ExcludedLayer : HomeLayer;
            var off = x < 0 || y < 0 || x >= canvas.WidthDots || y >= canvas.HeightDots;
            if (!off)
            {
                canvas.Mark(x, y, home.Marker, layer);
                continue;
            }
            // Off the map (an excluded person usually lives elsewhere): at the edge, towards home.
            canvas.Mark(Math.Clamp(x, 0, canvas.WidthDots - 1), Math.Clamp(y, 0, canvas.HeightDots - 1), home.Marker, layer);
        }
        return canvas;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Paper);
        for (var row = 0; row < Viewport.Height; row++) AddStr(0, row, new string(' ', Viewport.Width));
        if (_outline?.Extent is null)
        {
            AddStr(1, 1, _outline is null ? "Pick a beat (F2) to see its map." : "The server sent no boundary for this beat.");
            return true;
        }
        var canvas = Render(Viewport.Width, Viewport.Height);
        for (var row = 0; row < canvas.Rows; row++)
        {
            var column = 0;
            while (column < canvas.Columns)
            {
                var layer = canvas.LayerAt(column, row);
                var start = column;
                while (column < canvas.Columns && canvas.LayerAt(column, row) == layer) column++;
                SetAttribute(Ink[layer]);
                AddStr(start, row, string.Concat(Enumerable.Range(start, column - start).Select(c => canvas.CharAt(c, row))));
            }
        }
        SetAttribute(HasFocus ? Ink[CursorLayer] : Ink[HomeLayer]);
        AddStr(CursorColumn, CursorRow, "┼");
        return true;
    }
}

/// <summary>
/// A home on the map: whose, where, the row number shown for it, whether it is the selected row,
/// and whether the person is excluded from the beat (drawn in another colour, at the edge when off the map).
/// </summary>
public sealed record MapHome(string PersonId, GeoPosition Position, char Marker, bool Selected = false, bool Excluded = false);

/// <summary>A zone on the map, whether it applies right now, and its letter (as in the Zones tab).</summary>
public sealed record MapZone(ZoneShape Shape, bool InForceNow, char Label = ' ');

/// <summary>The labels on the map: digits then small letters for people, capital letters for zones.</summary>
public static class MapLabels
{
    private const string People = "123456789abcdefghijklmnopqrstuvwxyz";
    private const string Zones = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The person's label by their place (living here first, then excluded); '•' past the last.</summary>
    public static char Person(int index) => index >= 0 && index < People.Length ? People[index] : '•';

    /// <summary>The zone's label by its place in the Zones tab; '+' past Z.</summary>
    public static char Zone(int index) => index >= 0 && index < Zones.Length ? Zones[index] : '+';
}
